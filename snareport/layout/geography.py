"""GeographySection → where serious violence involving the cohort happens: district volume and harm
scores, their change and direction, the top districts and the ones that rose."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._charts import source_line
from snareport.layout._content import content, intro, scoped_bullets
from snareport.layout._periods import earlier, later, span, unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.layout.figures import district_change_chart
from snareport.layout.recorded_offences import NOISE_MARK
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    g = report.geography
    out: list[Block] = []
    c = content(report)
    if c is not None:
        out += intro(report, builder, c.section_intros.geography, "section_intros.geography")
    if not g.available:
        return out + [builder.note(unavailable_note(g))]
    windows = span(g.rolling)
    points: list[list] = []
    if g.top:
        points.append(["Most affected by volume: ", Segment(fmt.join_words(g.top), bold=True),
                       (f". The same {fmt.small_number(len(g.top))} as the window before." if g.top_unchanged else
                        f". The window before: {fmt.join_words(g.previous_top)}." if g.previous_top else ".")])
    rose = {s.district: s for s in g.districts}
    if g.volume_rose:
        points.append(["Volume score rose in ", fmt.join_words(
            [f"{n} ({fmt.change_pct(rose[n].volume)}"
             + (f", {fmt.NOISE}" if rose[n].volume.within_noise else "") + ")"
             for n in g.volume_rose if n in rose]), "."])
    else:
        points.append(["No district's volume score rose."])
    if g.harm_rose:
        points.append(["Harm score rose in ", fmt.join_words(
            [f"{n} ({fmt.percent(rose[n].harm.change_pct, plus=True)})" for n in g.harm_rose if n in rose]), "."])
    if g.falling_every_window:
        points.append([f"{fmt.small_number(len(g.falling_every_window)).capitalize()} of {len(g.districts)} "
                       f"districts fell in each of the {fmt.small_number(g.direction_windows)} windows."])
    own: list[list] = []
    if g.focus and g.focus.rank is not None:
        f = g.focus
        by_rate = (f" and {fmt.ordinal(f.rate_rank)} by rate, {fmt.decimal(f.rate_per_1000, 1)} per 1,000 "
                   f"{g.cohort_label}," if f.rate_rank is not None and f.rate_per_1000 is not None else "")
        own.append([Segment(f.district, bold=True), f" ranks {fmt.ordinal(f.rank)} of {g.rank_of} by volume{by_rate} "
                    f"(volume {fmt.change_words(f.volume)}, harm {fmt.change_words(f.harm)})"
                    + (f"; {report.metadata.area}: volume {fmt.change_words(g.county_volume)}, harm "
                       f"{fmt.change_words(g.county_harm)}" if g.county_volume and g.county_harm else "") + "."])
    out += scoped_bullets(report, builder, own, points)
    for measure, attr, found in (("volume score", "volume", g.volume_findings), ("harm score", "harm", g.harm_findings)):
        if found is None:
            continue
        out += builder.chart(district_change_chart(
            [s.district for s in g.districts], [getattr(s, attr) for s in g.districts], found,
            measure=f"{measure}, {g.cohort_label}",
            area=report.metadata.area, period=later(g.rolling), previous_period=earlier(g.rolling),
            source=source_line(report, "offences", "people", *(["harm_weights"] if attr == "harm" else [])),
            style=builder.chart_style, highlight=report.metadata.district))
    header, rows, numeric, widths = _district_table(g)
    out += builder.annex_table(header, rows, f"Volume and harm scores by district, {windows}", numeric=numeric,
                            widths=widths, source=source_line(report, "offences", "people", "harm_weights",
                                               *(["population"] if g.population_year else [])))
    out.append(builder.note("Volume score: offences involving the cohort. Harm score: the sum of their crime harm "
                         "weights. Change compares the latest 12-month window with the one before."
                         + (f" Rates: the volume score per 1,000 residents of the cohort's ages ({g.cohort_label}, "
                            f"{g.population_year} population)." if g.population_year else "")))
    out.append(builder.note(f"{NOISE_MARK} The change is {fmt.NOISE}: the earlier count lies inside the 95% confidence "
                         "interval of the later one (Poisson, Byar's method)."))
    return out


def _district_table(g):
    """Every district's volume score and its change (marked when it could be chance), its rate per 1,000 of
    the cohort's population and ranks by rate and by count, its harm score and the three-window direction."""
    rates = g.population_year is not None
    header = ["District", "Volume", "Volume change"]
    if rates:
        header += ["Per 1,000", "Rate rank"]
    header += ["Count rank", "Harm", "Harm change", "Three windows"]
    rows = []
    for s in g.districts:
        mark = NOISE_MARK if s.volume.within_noise and s.volume.direction in ("rise", "fall") else ""
        row = [s.district, fmt.number(s.volume.current, suppressed=s.volume.suppressed),
               fmt.change_pct(s.volume, plus=True) + mark]
        if rates:
            row += [fmt.decimal(s.rate_per_1000, 2, suppressed=s.volume.current is None), fmt.rank(s.rate_rank)]
        row += [fmt.rank(s.rank), fmt.number(s.harm.current, suppressed=s.harm.suppressed),
                fmt.change_pct(s.harm, plus=True), s.volume_direction or fmt.SUPPRESSED]
        rows.append(row)
    widths = ([0.23, 0.09, 0.10, 0.09, 0.08, 0.08, 0.12, 0.10, 0.11] if rates
              else [0.25, 0.12, 0.12, 0.08, 0.13, 0.12, 0.18])
    numeric = [False] + [True] * (len(header) - 2) + [False]
    return header, rows, numeric, widths
