"""Report → "<district> at a glance": the district's opening, before the chapters.

One key finding per chapter, each naming the scope's figure (and in a district report the area's),
linked to the chapter; the achievements follow on the spread's second page. Every number is a field of the report
model (already through disclosure); this module only chooses and words them. :func:`key_findings` is pure
and works for any scope, so an at-a-glance layout for the whole-area report can use it too; the section is
printed in district reports.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from snareport import formatting as fmt
from snareport.layout import _counted
from snareport.layout._periods import earlier, later
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


@dataclass(frozen=True)
class Finding:
    """One key finding: the section it comes from, the scope's own statement and the area's beside it."""

    key: str                                    # the section's bookmark key (the finding links there)
    topic: str
    own: list[Any]                              # runs: the scope's statement
    area: list[Any] = field(default_factory=list)   # runs: the whole area's figure (district reports)


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    """The first page of the at-a-glance spread: one finding per chapter, each linked to its page, then
    recognised practice (the achievements' big numbers are the spread's second page)."""
    from snareport.layout import achievements

    m = report.metadata
    beside = f", each with the figure for {m.area} beside it" if m.district else ""
    findings = key_findings(report)
    keys = [f.key for f in findings]
    lead = "One finding from each chapter" if len(set(keys)) == len(keys) else "The main findings"
    out: list[Block] = [builder.para(f"{lead} for {m.scope_label}{beside}. "
                                     "Each links to the page that explains it.")]
    if findings:
        out.append(builder.key_findings(findings, m.area if m.district else ""))
    from snareport.layout import not_available

    if not_available.left_out(report, "achievements"):   # its falls are in the recorded offences chapter
        return out
    return out + achievements.recognition(report, builder)


def _latest_year_findings(report: Report) -> list[Finding]:
    """A source whose headline is its latest 12 months (police.uk) also gets where and when from that
    chapter, and what it cannot show; numbers are the model's (after disclosure), the words pick them."""
    y, m = report.latest_year, report.metadata
    out: list[Finding] = []
    main = y.main.label if y.main else ""
    published = [d for d in y.districts if d.count is not None and not d.suppressed]
    most = next((d for d in published if d.rank == 1), None)          # ranks are the model's, after disclosure
    if m.district is None and most is not None:
        own: list[Any] = [Segment(most.district, bold=True), f" recorded the most, {fmt.count(most.count)} "
                          f"({fmt.share(most.share)} of {m.area})"]
        high = next((d for d in published if d.rate_per_1000 is not None and d.rate_rank == 1), None)
        if high is not None:
            own += ["; ", Segment(high.district, bold=True), f" had the highest rate, "
                    f"{fmt.number(high.rate_per_1000, 1)} per 1,000 residents (mid-{y.population_year})"]
        out.append(Finding("latest_year", f"Districts, {main}", own))
    elif m.district is not None:
        mine = next((d for d in y.districts if d.district == m.district), None)
        if mine is not None and mine.rate_per_1000 is not None and mine.rate_rank:
            out.append(Finding("latest_year", f"Rate, {main}", [
                Segment(fmt.number(mine.rate_per_1000, 1), bold=True), " per 1,000 residents "
                f"(mid-{y.population_year}), {fmt.ranked(mine.rate_rank, len(y.districts), 'highest')} districts"],
                [fmt.number(y.county_rate_per_1000, 1), " per 1,000"] if y.county_rate_per_1000 is not None else []))
    peak = y.busiest_month
    if peak is not None:
        gaps = [t for t in y.trend if not t.in_source]
        out.append(Finding("latest_year", "Month by month", [
            "the busiest month was ", Segment(f"{fmt.month_name(peak.month.month)} {peak.month.year}", bold=True),
            f", with {fmt.count(peak.count)}"
            + (f"; {fmt.month_runs([f'{t.month:%Y-%m}' for t in gaps])} are not in the data" if gaps else "")]))
    return out


def _not_available_finding(report: Report) -> list[Finding]:
    from snareport.layout import not_available

    missing = [row[0] for row in not_available.rows(report)]
    if not missing:
        return []
    return [Finding("not_available", f"Not available from {not_available.source_short_name(report)}", [
        fmt.join_words(missing), ": the table says why, and which data would fill each"])]


def key_findings(report: Report) -> list[Finding]:
    """One finding per data chapter, in the report's order; a chapter without its figures gives none."""
    m = report.metadata
    where = m.scope_label
    out: list[Finding] = []
    p = report.population
    if p.available and p.focus:
        out.append(Finding("population", "People", [
            f"{where} is home to ", Segment(fmt.share(p.focus.share), bold=True), f" of {m.area}'s population, "
            f"{fmt.ranked(p.focus.rank, len(p.districts))} districts ({p.year})"]))
    elif p.available and m.district is None and p.population_total is not None:   # the whole area's report
        growth = p.growth
        out.append(Finding("population", "People", [
            Segment(fmt.count(p.population_total), bold=True), f" people live in {where} ({p.year})"
            + (f", {fmt.direction_word(growth.change_pct)} on {growth.from_year}" if growth is not None
               and growth.change_pct is not None else "")]))
    d = report.demographics
    h = d.high_harm
    if d.available and h is not None and not h.suppressed and h.harm_share is not None:
        a = d.area_high_harm
        out.append(Finding("demographics", "High harm", [
            Segment(fmt.share(h.people_share), bold=True), f" of people involved in {where} were linked to ",
            Segment(fmt.share(h.harm_share), bold=True), f" of the harm, {later(d.year_on_year)}"],
            [fmt.share(a.harm_share, suppressed=a.suppressed), " of the harm"] if a is not None else []))
    g = report.geography
    if g.available and g.focus and g.focus.rank:
        f = g.focus
        out.append(Finding("geography", f"Where, {g.cohort_label}", [
            f"{where} ranked ", Segment(f"{fmt.ordinal(f.rank)} of {g.rank_of}", bold=True),
            f" districts by volume, {later(g.rolling)} (volume {fmt.change_words(f.volume)})"]))
    elif g.available and m.district is None and g.top and g.county_volume is not None:
        out.append(Finding("geography", f"Where, {g.cohort_label}", [
            "most affected by volume, ", later(g.rolling), ": ", Segment(fmt.join_words(g.top), bold=True),
            f"; volume across {where} {fmt.change_words(g.county_volume)} on {earlier(g.rolling)}"]))
    t = report.temporal
    if t.available and t.cohorts:
        c = t.cohorts[-1]
        if c.summary:
            out.append(Finding("temporal", f"When, {c.cohort_label}", [
                f"offences in {where} peaked ", Segment(c.summary, bold=True)],
                [c.area_summary] if c.area_summary else []))
    y = report.latest_year
    # a source with its own broad categories (police.uk) names them, and that they are broader, once
    noun = f"{_counted.what(report)} (broader than serious violence)" if report.data.categories else "offences"
    if y.available and y.total is not None:
        rank = y.focus
        out.append(Finding("latest_year", f"The latest {y.months_in_period} months", [
            Segment(fmt.count(y.total), bold=True), f" {noun} in {y.main.label if y.main else ''}"
            + (f", {fmt.ordinal(rank.rank)} of {rank.rank_of} districts" if rank and rank.rank else "")
            + (f", {fmt.number(y.rate_per_1000, 1)} per 1,000 residents (mid-{y.population_year})"
               if y.rate_per_1000 is not None else "")],
            [fmt.count(y.county_total), " crimes"] if rank is not None and y.county_total is not None else []))
        out += _latest_year_findings(report)
        noun = "crimes in the same categories"
    o = report.recorded_offences
    if o.available and o.total and o.total.current is not None:
        fv = o.focus_volume
        out.append(Finding("recorded_offences", "Recorded offences", [
            Segment(fmt.count(o.total.current), bold=True), f" {noun} in {later(o.year_on_year)}, "
            f"{fmt.change_words(o.total)} on {earlier(o.year_on_year)}"
            + (f", {fmt.ordinal(fv.rank)} of {fv.rank_of} districts" if fv and fv.rank else "")],
            [fmt.count(fv.county_value), " crimes" if report.data.categories else " offences"]
            + ([f", {fmt.change_words(o.county_total)}"] if o.county_total else [])
            + ([f"; the average district: {fmt.number(fv.district_mean)}"] if fv.district_mean is not None else [])
            if fv is not None and fv.county_value is not None else []))
    k = report.knives
    if k.available and k.focus and k.focus.value is not None:
        f = k.focus
        out.append(Finding("knives", "Knives and weapons", [
            Segment(fmt.count(f.value), bold=True), f" knife-enabled offences in {later(k.year_on_year)}"
            + (f", {fmt.ordinal(f.rank)} of {f.rank_of} districts" if f.rank else "")],
            [fmt.count(f.county_value, suppressed=f.suppressed)]
            + ([f"; the average district: {fmt.number(f.district_mean)}"] if f.district_mean is not None else [])
            if f.county_value is not None or f.suppressed else []))
    elif k.available and m.district is None and k.knife_offences is not None and k.knife_offences.current is not None:
        out.append(Finding("knives", "Knives and weapons", [
            Segment(fmt.number(k.knife_offences.current), bold=True),
            f" knife-enabled offences in {later(k.year_on_year)}, {fmt.change_words(k.knife_offences)} on "
            f"{earlier(k.year_on_year)}"]))
    s = report.sexual_violence
    if s.available and s.total and s.total.direction in ("fall", "rise", "no change"):
        previous, current = earlier(s.year_on_year), later(s.year_on_year)
        out.append(Finding("sexual_violence", "Sexual violence", [
            "offences ", Segment(fmt.change_words(s.total), bold=True), f", {previous} to {current}"],
            [fmt.change_words(s.area_total)] if s.area_total else []))
    if report.latest_year.available:   # an edition led by its latest months (police.uk) says what it lacks
        out += _not_available_finding(report)
    return out
