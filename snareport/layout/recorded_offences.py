"""RecordedOffencesSection → recorded offences: the year-on-year volume and harm, month by month, the
offence-group mix and every district's volume and rank (the figures any offences table can give)."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout import _counted
from snareport.layout._charts import source_line
from snareport.layout._content import scoped_bullets
from snareport.layout._periods import earlier, later, span, unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment, Tile
from snareport.layout.figures import district_change_chart, monthly_comparison_chart
from snareport.models.recorded_offences import MonthlyVolume, RecordedOffencesSection
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    o = report.recorded_offences
    if not o.available:
        return [builder.note(unavailable_note(o))]
    previous, current, both = earlier(o.year_on_year), later(o.year_on_year), span(o.year_on_year)
    scope = report.metadata.scope_label
    if report.data.categories:
        intro = (f"{_counted.what(report)[:1].upper()}{_counted.what(report)[1:]} recorded in {scope}, counted "
                 f"month by month: {current} against the same months a year earlier ({previous}), the months "
                 f"present in both years. {_counted.caveat(report)}")
    else:
        intro = (f"Every serious violence offence recorded in {scope}, counted month by month: {current} against "
                 f"the same months a year earlier ({previous}).")
    out: list[Block] = [builder.para(intro)]
    out.append(builder.tiles(_tiles(o, report, previous, current)))
    out += scoped_bullets(report, builder, *_points(o, report))
    if o.months and o.month_findings:
        out += builder.chart(monthly_comparison_chart(
            [_month(m) for m in o.months], [m.volume for m in o.months], o.month_findings,
            previous_label=previous, current_label=current,
            measure="recorded offences", area=scope, source=source_line(report, "offences"), style=builder.chart_style))
        if report.metadata.district and o.county_total and o.county_total.current is not None:
            t = o.county_total     # the area's figure beside the district's chart
            out.append(builder.note(f"{report.metadata.area} over the same months: {fmt.count(t.current)} recorded "
                                 f"offences in {current}, {fmt.change_words(t)} on {previous} ({fmt.count(t.previous)})."))
    if o.groups:
        out += _groups_table(o, report, builder, previous, current, both)
    if o.districts and o.district_findings:
        out += builder.chart(district_change_chart(
            [d.district for d in o.districts], [d.volume for d in o.districts], o.district_findings,
            measure="recorded offences", area=report.metadata.area,
            period=current, previous_period=previous, source=source_line(report, "offences"), style=builder.chart_style,
            highlight=report.metadata.district))
        header, rows, numeric, widths = _district_table(o, previous, current)
        out += builder.annex_table(header, rows, f"Offences by district, {both}", numeric=numeric, widths=widths,
                                source=source_line(report, "offences", *(["population"] if o.population_year else []),
                                                   *(["harm_weights"] if o.harm_available else [])))
        out.append(builder.note(noise_note(o)))
    out.append(builder.note(
        "Each offence counts once, in the calendar month of its date; no day or time of day is used. "
        + ("Harm-weighted volume adds up each offence's crime harm weight (by offence type), so a robbery "
           "counts for more than a public order offence. Ranks: 1 = highest in the current period."
           if o.harm_available else "Ranks: 1 = highest in the current period.")))
    for note in o.notes:
        out.append(builder.note(note))
    return out


def _groups_table(o: RecordedOffencesSection, report: Report, builder: BlockBuilder, previous: str, current: str,
                  both: str) -> list[Block]:
    """The scope's offence groups; in a district report the area's change and share for each group beside."""
    scope, area = report.metadata.scope_label, report.metadata.area
    rows = [[g.group, fmt.count(g.volume.previous, suppressed=g.volume.suppressed),
             fmt.count(g.volume.current, suppressed=g.volume.suppressed), fmt.change_pct(g.volume, plus=True),
             fmt.share(g.current_share, suppressed=g.suppressed)] for g in o.groups]
    if not o.area_groups:
        return builder.table(["Offence group", previous, current, "Change", f"Share, {current}"], rows,
                          widths=[0.36, 0.16, 0.16, 0.14, 0.18], caption=f"Offences by group, {scope}, {both}",
                          source=source_line(report, "offences"))
    whole = {g.group: g for g in o.area_groups}
    for row, g in zip(rows, o.groups):
        a = whole.get(g.group)
        row += ([fmt.change_pct(a.volume, plus=True), fmt.share(a.current_share, suppressed=a.suppressed)]
                if a is not None else [fmt.NOT_AVAILABLE, fmt.NOT_AVAILABLE])
    return builder.table(["Offence group", previous, current, "Change", f"Share, {current}",
                       f"{area}: change", f"{area}: share"], rows,
                      widths=[0.27, 0.11, 0.11, 0.11, 0.12, 0.14, 0.14],
                      caption=f"Offences by group, {scope} beside {area}, {both}", source=source_line(report, "offences"))


def _month(m: MonthlyVolume) -> str:
    when = m.current_month or m.previous_month
    return fmt.month_name(when.month)


def _tiles(o: RecordedOffencesSection, report: Report, previous: str, current: str) -> list[Tile]:
    tiles = []
    if o.total:
        what = _counted.what(report) if report.data.categories else "recorded offences"
        tiles.append(Tile(fmt.count(o.total.current, suppressed=o.total.suppressed),
                          f"{what} in {report.metadata.scope_label}, {current}",
                          f"{fmt.change_words(o.total)} on {previous} ({fmt.count(o.total.previous, suppressed=o.total.suppressed)})"))
    if o.harm:
        tiles.append(Tile(fmt.number(o.harm.current, suppressed=o.harm.suppressed),
                          f"harm-weighted volume, {current}",
                          f"{fmt.change_words(o.harm)} on {previous}"
                          + (f"; {report.metadata.area}: {fmt.number(o.county_harm.current, suppressed=o.county_harm.suppressed)}"
                             if report.metadata.district and o.county_harm else "")))
    if o.focus_volume:
        f = o.focus_volume
        tiles.append(Tile(f"{fmt.ordinal(f.rank)} of {f.rank_of}" if f.rank else fmt.NOT_AVAILABLE,
                          f"districts by volume, {current}",
                          f"{report.metadata.area}: {fmt.count(f.county_value)} offences"
                          + (f", {fmt.change_words(o.county_total)} on {previous}" if o.county_total else "")
                          + (f"; the average district: {fmt.number(f.district_mean)}"
                             if f.district_mean is not None else "")))
    if o.focus_harm and o.focus_harm.rank:
        tiles.append(Tile(f"{fmt.ordinal(o.focus_harm.rank)} of {o.focus_harm.rank_of}",
                          f"districts by harm-weighted volume, {current}"))
    return tiles


def _points(o: RecordedOffencesSection, report: Report) -> tuple[list[list], list[list]]:
    """(statements about the scope's own offences, statements comparing every district)."""
    points: list[list] = []
    ranked = [d for d in o.districts if not d.suppressed]
    by_name = {d.district: d for d in o.districts}
    if o.highest_volumes:
        points.append(["Highest volumes: ", Segment(fmt.join_words(
            [f"{n} ({fmt.count(by_name[n].volume.current)})" for n in o.highest_volumes]), bold=True), "."])
    f = o.district_findings
    if ranked and f and f.rose:
        points.append([f"Volumes rose in {fmt.number(f.rose_count)} of {fmt.number(f.items)} districts: ",
                       fmt.join_words([f"{n} ({fmt.change_pct(by_name[n].volume, plus=True)}"
                                       + (f", {fmt.NOISE}" if by_name[n].volume.within_noise else "") + ")"
                                       for n in f.rose]),
                       "."])
    elif ranked and f and f.fell_count == f.compared == f.published:
        points.append(["Volumes fell in every district." if f.published == f.items else
                       f"Volumes fell in all {fmt.number(f.published)} districts whose figures are published."])
    own: list[list] = []
    where = f" in {report.metadata.district}" if report.metadata.district else ""
    for words, g in ((f"Largest rise by offence group{where}", o.group_largest_rise),
                     (f"Largest fall by offence group{where}", o.group_largest_fall)):
        if g is not None:
            own.append([f"{words}: ", Segment(g.name, bold=True),
                        f", {fmt.change_words(g.change)} ({fmt.change_counts(g.change)})."])
    return own, points


NOISE_MARK = "\u2020"   # dagger: the change is within the range expected by chance


def _district_table(o: RecordedOffencesSection, previous: str, current: str):
    """Every district's count, change (marked when it could be chance), rate per 1,000 people and ranks by
    count and by rate (and harm-weighted volume and its rank when the source has harm weights)."""
    rates = any(d.rate_per_1000 is not None for d in o.districts) or any(d.rate_rank for d in o.districts)
    header = ["District", previous, current, "Change"]
    widths = [0.22, 0.10, 0.10, 0.09]
    if rates:
        header += ["Per 1,000 people", "Rate rank"]
        widths += [0.08, 0.08]
    header += ["Count rank"]
    widths += [0.08]
    if o.harm_available:        # each column its own width, so a harm-weighted figure never wraps
        header += ["Harm-weighted", "Harm rank"]
        widths += [0.16, 0.08]
    widths = [w / sum(widths) for w in widths]
    rows = []
    for d in o.districts:
        mark = NOISE_MARK if d.volume.within_noise and d.volume.direction in ("rise", "fall") else ""
        row = [d.district, fmt.count(d.volume.previous, suppressed=d.volume.suppressed),
               fmt.count(d.volume.current, suppressed=d.volume.suppressed), fmt.change_pct(d.volume) + mark]
        if rates:
            row += [fmt.decimal(d.rate_per_1000, 2, suppressed=d.volume.current is None),
                    fmt.rank(d.rate_rank) if d.rate_per_1000 is not None or d.volume.current is None else ""]
        row += [fmt.rank(d.volume_rank)]
        if o.harm_available and d.harm is not None:
            row += [fmt.number(d.harm.current, suppressed=d.harm.suppressed), fmt.rank(d.harm_rank)]
        rows.append(row)
    return header, rows, [False] + [True] * (len(header) - 1), widths


def noise_note(o: RecordedOffencesSection) -> str:
    """The key to the table's mark for a change that could be chance, and what the rates are."""
    rates = (f" Rates are offences per 1,000 residents of all ages ({o.population_year} population)."
             if o.population_year else "")
    return (f"{NOISE_MARK} The change is {fmt.NOISE}: the earlier count lies inside the 95% confidence interval "
            "of the later one (Poisson, Byar's method, as in Public Health England's Fingertips profiles)." + rates)
