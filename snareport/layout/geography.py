"""GeographySection → where serious violence involving the cohort happens: district volume and harm
scores, their change and direction, the top districts and the ones that rose."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport import formatting as fmt
from snareport.charts.districts import district_change_chart
from snareport.layout._charts import source_line
from snareport.layout._content import content, intro, scoped_bullets
from snareport.layout._periods import earlier, later, span, unavailable_note
from snareport.layout.door import Door, Segment
from snareport.models.report import Report


def build(report: Report, door: Door) -> list[Flowable]:
    g = report.geography
    out: list[Flowable] = []
    c = content(report)
    if c is not None:
        out += intro(report, door, c.section_intros.geography)
    if not g.available:
        return out + [door.note(unavailable_note(g))]
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
        own.append([Segment(f.district, bold=True), f" ranks {fmt.ordinal(f.rank)} of {g.rank_of} by volume "
                    f"(volume {fmt.change_words(f.volume)}, harm {fmt.change_words(f.harm)})"
                    + (f"; {report.metadata.area}: volume {fmt.change_words(g.county_volume)}, harm "
                       f"{fmt.change_words(g.county_harm)}" if g.county_volume and g.county_harm else "") + "."])
    out += scoped_bullets(report, door, own, points)
    for measure, attr, found in (("volume score", "volume", g.volume_findings), ("harm score", "harm", g.harm_findings)):
        if found is None:
            continue
        out += door.chart(district_change_chart(
            [s.district for s in g.districts], [getattr(s, attr) for s in g.districts], found,
            measure=f"{measure}, {g.cohort_label}",
            area=report.metadata.area, period=later(g.rolling), previous_period=earlier(g.rolling),
            source=source_line(report, "offences", "people", *(["harm_weights"] if attr == "harm" else [])),
            style=door.chart_style, highlight=report.metadata.district))
    rows = [[s.district, fmt.rank(s.rank), fmt.number(s.volume.current, suppressed=s.volume.suppressed),
             fmt.change_pct(s.volume, plus=True),
             fmt.number(s.harm.current, suppressed=s.harm.suppressed), fmt.change_pct(s.harm, plus=True),
             s.volume_direction or fmt.SUPPRESSED]
            for s in g.districts]
    out += door.annex_table(["District", "Rank", "Volume", "Volume change", "Harm", "Harm change", "Three windows"],
                            rows, f"Volume and harm scores by district, {windows}",
                            numeric=[False, True, True, True, True, True, False],
                            widths=[0.25, 0.08, 0.12, 0.12, 0.13, 0.12, 0.18],
                            source=source_line(report, "offences", "people", "harm_weights"))
    out.append(door.note("Volume score: offences involving the cohort. Harm score: the sum of their crime harm "
                         "weights. Change compares the latest 12-month window with the one before."))
    return out
