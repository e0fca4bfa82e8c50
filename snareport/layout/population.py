"""PopulationSection + Content.county_facts → the demographics of the scope: population, growth, facts."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._charts import source_line
from snareport.layout._content import content, intro, speaks_for_area
from snareport.layout._periods import unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Tile
from snareport.layout.figures import population_chart
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    p = report.population
    c = content(report)
    m = report.metadata
    out: list[Block] = []
    if c is not None:
        facts_intro = c.county_facts.intro if c.county_facts is not None else None
        out += intro(report, builder, facts_intro, "county_facts")
        same_label = bool(facts_intro) and (speaks_for_area(report, "county_facts")
                                            == speaks_for_area(report, "section_intros.population"))
        out += (builder.markdown(c.section_intros.population) if same_label
                else intro(report, builder, c.section_intros.population, "section_intros.population"))
    if not p.available:
        out.append(builder.note(unavailable_note(p)))
    else:
        tiles = [Tile(fmt.count(p.population_total), f"people live in {m.scope_label} ({p.year})")]
        if m.district and p.county_population_total:
            tiles.append(Tile(fmt.count(p.county_population_total), f"people live in {m.area} ({p.year})"))
        if p.growth:
            g = p.growth
            a = p.area_growth
            tiles.append(Tile(fmt.change_pct(g, plus=True),
                              f"population growth{' in ' + m.district if m.district else ''}, "
                              f"{g.from_year} to {g.to_year}",
                              f"{fmt.number(g.change, plus=True)} people"
                              + (f"; {m.area}: {fmt.change_pct(a, plus=True)}" if a is not None else "")))
        if p.focus:
            tiles.append(Tile(fmt.share(p.focus.share), f"of {m.area}'s population lives in {p.focus.district}",
                              fmt.ranked(p.focus.rank, len(p.districts))))
        out.append(builder.tiles(tiles))
        if p.age_bands:
            county = {b.label: b for b in p.county_age_bands}
            header = ["Age band", "People", f"Share, {m.scope_label}"] + ([f"Share, {m.area}"] if m.district else [])
            rows = [[b.label, fmt.count(b.count, suppressed=b.suppressed), fmt.share(b.share, suppressed=b.suppressed)]
                    + ([fmt.share(county[b.label].share) if b.label in county else fmt.NOT_AVAILABLE] if m.district else [])
                    for b in p.age_bands]
            out += builder.table(header, rows, caption=f"Population by age band, {p.year}",
                              source=source_line(report, "population"))
        for note in p.notes:
            out.append(builder.note(note))
    if c is not None and c.county_facts is not None:
        f = c.county_facts
        where = (f"across {m.area}" if speaks_for_area(report, "county_facts") or not m.district
                 else f"in {m.scope_label}")
        out.append(builder.keep([builder.h2(f"Services {where}"), builder.side_by_side(
            [builder.h3("Education"), builder.bullets(f.education)],
            [builder.h3("Health"), builder.bullets(f.health), builder.h3("Prisons"), builder.bullets(f.prisons)])]))
    if p.available and p.districts:   # the districts' populations close the section, before the people involved
        out += builder.chart(population_chart(
            [d.district for d in p.districts], [d.population for d in p.districts], [d.share for d in p.districts],
            [d.rank for d in p.districts], total=p.county_population_total, area=m.area,
            year=str(p.year), source=source_line(report, "population"), style=builder.chart_style,
            highlight=m.district if m.district in {d.district for d in p.districts} else None))
        rows = [[d.district, d.authority, fmt.count(d.population), fmt.share(d.share)] for d in p.districts]
        out += builder.annex_table(["District", "Authority", "Population", "Share"], rows,
                                f"Population by district, {p.year}",
                                numeric=[False, False, True, True], widths=[0.32, 0.32, 0.18, 0.18],
                                source=source_line(report, "population"))
    return out
