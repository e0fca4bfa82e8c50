"""KnivesSection → knives and weapons: districts of most concern, ages involved, under-25 change,
the estimated cost of crime their fall avoided and who the suspects and victims are."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._charts import source_line
from snareport.layout._content import content, intro
from snareport.layout._periods import later, span, unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment, Tile
from snareport.layout.figures import age_distribution_chart
from snareport.models.knives import KnivesSection
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    k = report.knives
    out: list[Block] = []
    c = content(report)
    if c is not None:
        out += intro(report, builder, c.section_intros.knives, "section_intros.knives")
    if not k.available:
        return out + [builder.note(unavailable_note(k))]
    yoy, current = span(k.year_on_year), later(k.year_on_year)
    m = report.metadata
    where = f" in {m.district}" if m.district else ""
    if k.focus:
        f = k.focus
        mine = next((r for r in k.district_ranking if r.name == f.district), None)
        out.append(builder.tiles([
            Tile(fmt.count(f.value), f"knife-enabled offences in {f.district}, {current}",
                 (f"{fmt.ordinal(f.rank)} of {f.rank_of} districts by count" if f.rank else "")
                 + (f"; {fmt.ordinal(mine.rate_rank)} by rate, {fmt.decimal(mine.rate_per_1000, 2)} per 1,000"
                    if f.rank and mine is not None and mine.rate_rank is not None and mine.rate_per_1000 is not None
                    else "")),
            Tile(fmt.count(f.county_value, suppressed=f.suppressed), f"knife-enabled offences in {report.metadata.area}, {current}",
                 f"the average district: {fmt.number(f.district_mean)}" if f.district_mean is not None else "")]))
    if k.districts_of_concern:
        out.append(builder.h2("The districts of most concern: knife-enabled offences"))
        out.append(builder.bullets([[Segment(r.name, bold=True), f" \u2013 {fmt.count(r.value)} offences"
                                  + (f", {fmt.decimal(r.rate_per_1000, 2)} per 1,000 residents "
                                     f"({fmt.ranked(r.rate_rank, len(k.district_ranking), 'highest rate')})"
                                     if r.rate_per_1000 is not None and r.rate_rank is not None else "")]
                                 for r in k.districts_of_concern]))
    if k.under_25_injury or k.under_25_non_injury:
        out.append(builder.h2(f"{k.cohort_label[:1].upper()}{k.cohort_label[1:]} in knife-enabled offences, {yoy}"))
        tiles = []
        for name, ch, area in (("causing injury", k.under_25_injury, k.area_under_25_injury),
                               ("without injury", k.under_25_non_injury, k.area_under_25_non_injury)):
            if ch:
                tiles.append(Tile(fmt.change_pct(ch), f"change in knife-enabled offences {name}{where}, {yoy}",
                                  f"{fmt.change_from_to(ch)} offences{fmt.noise_clause(ch)}"
                                  + (f"; {m.area}: {fmt.change_words(area)}" if area is not None else "")))
        out.append(builder.tiles(tiles))
    if k.minimum_saving_gbp:
        nearest = k.minimum_saving_rounding_gbp
        source = report.data.table_sources.get("unit_costs") or k.minimum_saving_source
        out.append(builder.rich([
            "The fall in injury offences is an estimated ",
            Segment(fmt.money(k.minimum_saving_gbp, nearest=nearest), bold=True), " cost of crime avoided at ",
            f"{k.minimum_price_year} prices" if k.minimum_price_year else "base-year prices",
            f", to the nearest {fmt.money(nearest)}" if nearest > 1 else "",
            f" (unit cost: {source})" if source else "", "."]))
    people = k.people_available and (k.suspect_sex or k.victim_female_share is not None)
    if people:
        out.append(builder.h2(f"Suspects and victims, {current}"))
        area_sex = {a.label: a for a in k.area_suspect_sex}
        tiles = [Tile(fmt.share(s.share, suppressed=s.suppressed), f"of suspects{where} were {s.label}",
                      f"{m.area}: {fmt.share(area_sex[s.label].share, suppressed=area_sex[s.label].suppressed)}"
                      if s.label in area_sex else "")
                 for s in k.suspect_sex]
        if k.modal_suspect_sex and k.modal_suspect_age_from is not None:
            tiles.append(Tile(f"{k.modal_suspect_age_from}\u2013{k.modal_suspect_age_to}",
                              f"years: the most frequent age of {k.modal_suspect_sex} suspects"))
        if k.victim_female_share is not None:
            tiles.append(Tile(fmt.share(k.victim_female_share), f"of victims{where} were female",
                              f"{m.area}: {fmt.share(k.area_victim_female_share)}"
                              if k.area_victim_female_share is not None else ""))
        out.append(builder.tiles(tiles))
    if k.age_distribution:
        if not people:      # else the age chart sits under "Suspects and victims" (its title names it)
            out.append(builder.h2(f"Age at time of knife incident, {current}"))
        out += builder.chart(age_distribution_chart(
            {a.age: a.count for a in k.age_distribution}, subject="people involved in knife-enabled offences",
            area=report.metadata.scope_label, period=current, source=source_line(report, "offences", "people"),
            style=builder.chart_style, unknown=k.age_unknown, peak_ages=k.peak_ages, next_ages=k.next_ages,
            height=builder.chart_style.height * 0.56))
        if k.area_age_groups:   # the area's shares beside the district's
            whole = {g.label: g for g in k.area_age_groups}
            rows = []
            for g in k.age_groups:
                a = whole.get(g.label)
                rows.append([g.label[:1].upper() + g.label[1:], fmt.count(g.count, suppressed=g.suppressed),
                             fmt.share(g.share, suppressed=g.suppressed)]
                            + ([fmt.count(a.count, suppressed=a.suppressed), fmt.share(a.share, suppressed=a.suppressed)]
                               if a is not None else [fmt.NOT_AVAILABLE] * 2))
            out += builder.table(["Age group", f"{m.district}: people", f"{m.district}: share",
                               f"{m.area}: people", f"{m.area}: share"], rows, widths=[0.24, 0.18, 0.18, 0.2, 0.2],
                              caption=f"People of known age in knife-enabled offences, {current}",
                              source=source_line(report, "offences", "people"))
        out += builder.annex_table(*_ages_table(k), f"People involved in knife-enabled offences by age, "
                                f"{report.metadata.scope_label}, {current} (row: tens of years; column: units)",
                                numeric=[False] + [True] * 10, source=source_line(report, "offences", "people"))
    for note in k.notes:
        out.append(builder.note(note))
    return out


def _ages_table(k: KnivesSection) -> tuple[list[str], list[list[str]]]:
    """The age chart's counts as text: one row per ten years of age, one column per year within them (the
    unknown ages are in the chart's subtitle)."""
    counts = {a.age: a.count for a in k.age_distribution}
    low, high = min(counts) // 10 * 10, max(counts)
    rows = [[f"{tens}\u2013{tens + 9}"] + [fmt.count(counts[tens + u]) if (tens + u) in counts and counts[tens + u] is not None
                                          else (fmt.SUPPRESSED if (tens + u) in counts else "") for u in range(10)]
            for tens in range(low, high + 1, 10)]
    return ["Age", *(f"+{u}" for u in range(10))], rows
