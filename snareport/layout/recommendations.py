"""Content.recommendations → key recommendations, each with a bold lead-in.

A district report that prints the area's recommendations follows them with the district's own figures that
bear on them (rises by offence group, sexual violence, knives, when offences peak), each with the area's
figure beside it; every number is a field of the report model.
"""
from __future__ import annotations

from typing import Any

from snareport import formatting as fmt
from snareport.layout._content import content, inline_runs, scope_note, speaks_for_area
from snareport.layout._periods import earlier, later
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    items = [[Segment(r.lead, bold=True), " \u2013 ", *inline_runs(r.text)]
             for r in content(report).recommendations]
    return scope_note(report, builder, "recommendations") + [builder.bullets(items)] + district_figures(report, builder)


def district_figures(report: Report, builder: BlockBuilder) -> list[Block]:
    """The district's figures behind the area's recommendations (nothing in the whole-area report, or when
    the district wrote its own recommendations)."""
    m = report.metadata
    if m.district is None or not speaks_for_area(report, "recommendations"):
        return []
    items = _group_rises(report) + _sexual_violence(report) + _knives(report)
    if not items:
        return []
    return [builder.h3(f"What the figures show for {m.district}"),
            builder.para(f"The recommendations above are the partnership's, for the whole of {m.area}. These "
                      f"figures from this report's chapters show where they bear on {m.district}, each with the "
                      f"figure for {m.area} beside it."),
            builder.bullets(items)]


def _group_rises(report: Report) -> list[list[Any]]:
    """Emerging trends: the offence groups that rose in the district, with the area's change in each."""
    o, m = report.recorded_offences, report.metadata
    if not o.available or not o.groups:
        return []
    span = f"from {earlier(o.year_on_year)} to {later(o.year_on_year)}"
    whole = {g.group: g for g in o.area_groups}
    by_name = {g.group: g for g in o.groups}
    rose = [by_name[n] for n in o.groups_rose]
    if not rose:
        return [[f"No offence group rose in {m.district} {span}."]]
    out = []
    for g in rose:
        a = whole.get(g.group)
        out.append([Segment(g.group, bold=True), f" rose in {m.district} {span}: {fmt.change_words(g.volume)} "
                    f"({fmt.change_counts(g.volume)})" + (f"; {m.area}: {fmt.change_words(a.volume)}" if a else "")
                    + "."])
    return out


def _sexual_violence(report: Report) -> list[list[Any]]:
    s, m = report.sexual_violence, report.metadata
    if not s.available or s.total is None or s.total.direction not in ("fall", "rise", "no change"):
        return []
    runs: list[Any] = [Segment("Sexual violence", bold=True), f" in {m.district}, {earlier(s.year_on_year)} to "
                       f"{later(s.year_on_year)}: {fmt.change_words(s.total)}"]
    if s.area_total is not None:
        runs.append(f"; {m.area}: {fmt.change_words(s.area_total)}")
    if s.repeat_suspect_share is not None and s.area_repeat_suspect_share is not None:
        runs.append(f". Repeat suspects: {fmt.share(s.repeat_suspect_share)} of suspects in {m.district}, "
                    f"{fmt.share(s.area_repeat_suspect_share)} in {m.area}")
    return [runs + ["."]]


def _knives(report: Report) -> list[list[Any]]:
    k, m = report.knives, report.metadata
    f = k.focus
    if not k.available or f is None or f.value is None:
        return []
    runs: list[Any] = [Segment("Knife-enabled offences", bold=True),
                       f" in {m.district}, {later(k.year_on_year)}: {fmt.count(f.value)}"
                       + (f", {fmt.ranked(f.rank, f.rank_of)} districts" if f.rank else "")]
    if f.county_value is not None:
        runs.append(f"; {m.area}: {fmt.count(f.county_value)}")
    if f.district_mean is not None:
        runs.append(f"; the average district: {fmt.number(f.district_mean)}")
    return [runs + ["."]]
