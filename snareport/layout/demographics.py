"""DemographicsSection → victims and suspects by age band per authority, sex split, suspects against
population, and the high-harm concentration."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._charts import source_line
from snareport.layout._content import content, intro
from snareport.layout._periods import earlier, later, reason_note, span, unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Tile
from snareport.layout.figures import age_band_shares_chart
from snareport.models.report import Report
from snareport.theme import MM

ROLE_TITLES = {"victim": "Victims", "suspect": "Suspects"}


def _age_table(builder: BlockBuilder, profiles, roles: list[str], period: str, source: str) -> list[Block]:
    """The age-band shares of the charts as text, one row per role and area, in the data annex."""
    chosen = [p for role in roles for p in profiles if p.role == role]
    if not chosen:
        return []
    bands = [b.label for b in chosen[0].bands]
    header = ["Role and area"] + bands + ["Unknown age"]
    rows = [[f"{ROLE_TITLES[p.role]}: {p.area}"] + [fmt.share(b.share, suppressed=b.suppressed) for b in p.bands]
            + [fmt.share(p.unknown.share, suppressed=p.unknown.suppressed)] for p in chosen]
    n = len(header)
    widths = [0.3] + [0.7 / (n - 1)] * (n - 1)
    subject = " and ".join(ROLE_TITLES[r].lower() for r in roles)
    return builder.annex_table(header, rows, f"{subject[:1].upper()}{subject[1:]} by age band, share of involvements, "
                               f"{period}", widths=widths, source=source)


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    d = report.demographics
    out: list[Block] = []
    c = content(report)
    if c is not None:
        out += intro(report, builder, c.section_intros.demographics, "section_intros.demographics")
    if not d.available:
        return out + [builder.note(unavailable_note(d))]
    current = later(d.year_on_year)
    m = report.metadata
    # the victims' and the suspects' age bands side by side: one comparison, read across
    half = builder.chart_style.model_copy(update={"width": (builder.frame_width - 6 * MM) / 2,
                                               "height": builder.chart_style.height * 0.8})
    charts = {}
    for role in ("victim", "suspect"):
        profiles = [p for p in d.age_profiles + d.comparison_profiles if p.role == role]
        if profiles:
            charts[role] = builder.chart(age_band_shares_chart(
                [b.label for b in profiles[0].bands],
                {p.area: [None if b.share is None else b.share * 100 for b in p.bands] for p in profiles},
                largest={p.area: p.largest_band for p in profiles},
                role=ROLE_TITLES[role].lower(), area=report.metadata.scope_label, period=current,
                source=source_line(report, "people", "offences"), style=half))
    profiles = d.age_profiles + d.comparison_profiles
    roles = [role for role in ("victim", "suspect") if any(p.role == role for p in profiles)]
    if len(charts) == 2:
        out.append(builder.h2(f"{ROLE_TITLES['victim']} and {ROLE_TITLES['suspect'].lower()} by age band"))
        out.append(builder.side_by_side(charts["victim"], charts["suspect"]))
    elif charts:                                     # only one role has figures: its chart alone
        role = next(iter(charts))
        out.append(builder.h2(f"{ROLE_TITLES[role]} by age band"))
        out += charts[role]
    out += _age_table(builder, profiles, roles, current, source_line(report, "people", "offences"))
    out += _sex_table(report, builder)
    if d.suspect_vs_population and d.population_available:
        area_pop = {p.band: p for p in d.area_suspect_vs_population}
        rows = [[f"Aged {p.band}", fmt.share(p.suspect_share, suppressed=p.suppressed), fmt.share(p.population_share)]
                + ([fmt.share(area_pop[p.band].suspect_share, suppressed=area_pop[p.band].suppressed),
                    fmt.share(area_pop[p.band].population_share)]
                   if p.band in area_pop else ([fmt.NOT_AVAILABLE] * 2 if area_pop else []))
                for p in d.suspect_vs_population]
        header = ["Age band", f"Share of suspects, {current}", f"Share of population, {d.population_year}"]
        widths = [0.4, 0.3, 0.3]
        if area_pop:
            header = ["Age band", f"Suspects, {m.scope_label}", f"Population, {m.scope_label}",
                      f"Suspects, {m.area}", f"Population, {m.area}"]
            widths = [0.2, 0.2, 0.2, 0.2, 0.2]
        out += builder.table(header, rows, widths=widths, source=source_line(report, "people", "offences", "population"),
                          caption="Suspects compared with the population" + (
                              f": shares, {current} (population {d.population_year})" if area_pop else ""))
    out.append(builder.h2("High-harm victims and suspects"))
    if d.high_harm and d.high_harm_available:
        h, a, m = d.high_harm, d.area_high_harm, report.metadata
        where = f" in {m.district}" if m.district else ""
        out.append(builder.tiles([     # the tiles say it all: no sentence after them repeats their numbers
            Tile(fmt.share(h.people_share, suppressed=h.suppressed), f"of people involved in serious violence{where}",
                 f"{fmt.count(h.top_people, suppressed=h.suppressed)} of "
                 f"{fmt.count(h.people, suppressed=h.suppressed)} people, as victim or suspect"
                 + (f"; {m.area}: {fmt.share(a.people_share, suppressed=a.suppressed)}" if a is not None else "")),
            Tile(fmt.share(h.harm_share, suppressed=h.suppressed), f"of all the harm{where} was linked to them",
                 f"{m.area}: {fmt.share(a.harm_share, suppressed=a.suppressed)}, {current}" if a is not None
                 else f"{current}, by crime harm weight"),
        ]))
    else:
        out.append(builder.note(reason_note(d.high_harm_reason)))
    for note in d.notes:
        out.append(builder.note(note))
    return out


def _sex_table(report: Report, builder: BlockBuilder) -> list[Block]:
    """Victims and suspects by sex in one table: a row per role and sex (the area's share beside a district's)."""
    d, m = report.demographics, report.metadata
    current = later(d.year_on_year)
    rows: list[list[str]] = []
    with_area = bool(d.area_sex_split)
    for role in ("victim", "suspect"):
        split = next((s for s in d.sex_split if s.role == role), None)
        if split is None:
            continue
        area_split = next((s for s in d.area_sex_split if s.role == role), None)
        area_share = {r.sex: r.current_share for r in area_split.rows} if area_split else {}
        rows += [[f"{ROLE_TITLES[role]}: {r.sex}", fmt.count(r.change.previous, suppressed=r.change.suppressed),
                  fmt.count(r.change.current, suppressed=r.change.suppressed),
                  fmt.change_pct(r.change), fmt.share(r.current_share, suppressed=r.change.suppressed)]
                 + ([fmt.share(area_share.get(r.sex))] if with_area else []) for r in split.rows]
    if not rows:
        return []
    header = ["Role and sex", earlier(d.year_on_year, "Previous"), current or "Current", "Change", "Share now"]
    widths = [0.32, 0.17, 0.17, 0.17, 0.17]
    if with_area:   # the whole area's share beside the district's
        header, widths = header + [f"Share now, {m.area}"], [0.2, 0.15, 0.15, 0.14, 0.14, 0.22]
    return builder.table(header, rows, widths=widths, source=source_line(report, "people", "offences"),
                         caption=f"Victims and suspects by sex{' in ' + m.district if m.district else ''}, "
                                 f"{span(d.year_on_year)}")
