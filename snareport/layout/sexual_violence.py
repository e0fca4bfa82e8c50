"""SexualViolenceSection → sexual violence: the category table, overall change, top offence types,
who the suspects are, the districts with most offences and the months with most."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._charts import source_line
from snareport.layout._content import content, intro
from snareport.layout._periods import earlier, first_to_last, later, unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment, Tile
from snareport.layout.figures import category_change_chart, monthly_profile_chart
from snareport.models.common import Ranked
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    s = report.sexual_violence
    out: list[Block] = []
    c = content(report)
    if c is not None:
        out += intro(report, builder, c.section_intros.sexual_violence, "section_intros.sexual_violence")
    if not s.available:
        return out + [builder.note(unavailable_note(s))]
    previous, current = earlier(s.year_on_year), later(s.year_on_year)
    m = report.metadata
    area_rows = {r.key: r for r in s.area_table}
    if s.table:
        rows = [[r.label, fmt.count(r.change.previous, suppressed=r.change.suppressed),
                 fmt.count(r.change.current, suppressed=r.change.suppressed), fmt.change_pct(r.change, plus=True)]
                for r in s.table]
        header = ["Category", previous or "Previous", current or "Current", "% difference"]
        widths = [0.46, 0.18, 0.18, 0.18]
        if area_rows:   # the area's change for each category beside the district's
            rows = [row + [fmt.change_pct(area_rows[r.key].change, plus=True) if r.key in area_rows
                           else fmt.NOT_AVAILABLE] for row, r in zip(rows, s.table)]
            header, widths = header + [f"{m.area}: % difference"], [0.34, 0.15, 0.15, 0.16, 0.20]
        out += builder.annex_table(header, rows, f"Sexual violence by category, {previous} to {current}",
                                widths=widths, source=source_line(report, "offences"))
    if s.table and s.table_findings:   # the chart shows the table's categories, the tile the same comparison
        out += builder.chart(category_change_chart(
            [r.label for r in s.table], [r.change for r in s.table], s.table_findings,
            previous_label=previous, current_label=current, measure="sexual violence offences", area=report.metadata.scope_label,
            source=source_line(report, "offences"), style=builder.chart_style))
        if area_rows:
            out.append(builder.note(f"{m.area}, {previous} to {current}: " + "; ".join(
                f"{r.label.lower()} {fmt.change_pct(area_rows[r.key].change, plus=True)}"
                for r in s.table if r.key in area_rows) + "."))
    tiles = []
    where = f" in {m.district}" if m.district else ""
    if s.total and s.total.direction in ("fall", "rise", "no change"):
        tiles.append(Tile(fmt.change_pct(s.total, plus=True),
                          f"change in all sexual violence{where}, {previous} to {current}",
                          f"{fmt.change_from_to(s.total)} offences{fmt.noise_clause(s.total)}"
                          + (f"; {m.area}: {fmt.change_words(s.area_total)}" if s.area_total else "")))
    if s.repeat_suspect_share is not None:
        tiles.append(Tile(fmt.share(s.repeat_suspect_share), f"of suspects{where} in {current} were repeat suspects",
                          f"two or more sexual offences, {first_to_last(s.three_years)}"
                          + (f"; {m.area}: {fmt.share(s.area_repeat_suspect_share)}"
                             if s.area_repeat_suspect_share is not None else "")))
    if tiles:
        out.append(builder.tiles(tiles))
    if s.top_types:
        out.append(builder.h2(f"Top offence types, {first_to_last(s.three_years)}"))
        area_types = {a.label: a for a in s.area_top_types}
        out.append(builder.bullets([[Segment(t.label, bold=True), f" \u2013 {fmt.share(t.share, suppressed=t.suppressed)}"]
                                 + ([f" ({m.area}: {_share(area_types[t.label])})"] if t.label in area_types else [])
                                 for t in s.top_types]))
    if s.people_available and s.modal_suspect_band:
        sex = [" suspects were most often ", Segment(s.modal_suspect_sex, bold=True), ", and"] if s.modal_suspect_sex else []
        out.append(builder.rich([f"In {current},", *sex, " the most common suspect age band was ",
                              Segment(s.modal_suspect_band, bold=True), "."]))
        if s.non_contact_peak_suspect_band:
            out.append(builder.rich([f"For non-contact offences in {current} the most common suspect age band was ",
                                  Segment(s.non_contact_peak_suspect_band, bold=True), "."]))
    if any(cd.highest for cd in s.highest_districts):
        rates = "; per 1,000 residents" if s.population_year else ""
        out.append(builder.h2(f"Most offences by district, {current} (number{rates})"))
        items = []
        for cd in s.highest_districts:
            by_name = {r.name: r for r in cd.districts}
            items.append([Segment(cd.category.capitalize(), bold=True), " \u2013 ",
                          fmt.join_words([_named(by_name[n]) for n in cd.highest])])
        out.append(builder.bullets(items))
    if s.month_profile and any(mc.count for mc in s.month_profile):
        out += builder.chart(monthly_profile_chart(
            [fmt.month_name(mc.month)[:3] for mc in s.month_profile], [mc.count for mc in s.month_profile],
            peak_months=[fmt.month_name(m)[:3] for m in s.peak_months],
            measure="sexual violence offences", area=report.metadata.scope_label,
            period=first_to_last(s.three_years),
            source=source_line(report, "offences"), style=builder.chart_style))
    if s.peak_months:
        out.append(builder.rich(["Sexual violence peaked in ",
                              Segment(fmt.join_words([fmt.month_name(m) for m in s.peak_months]), bold=True),
                              f" over {first_to_last(s.three_years)}"]
                             + ([f"; across {m.area}, in ", fmt.join_words([fmt.month_name(n) for n in s.area_peak_months])]
                                if s.area_peak_months else []) + ["."]))
    for note in s.notes:
        out.append(builder.note(note))
    return out


def _share(count) -> str:
    return fmt.share(count.share, suppressed=count.suppressed)


def _named(r: Ranked) -> str:
    """"Medway (312; 1.11)": a district's offences and, when known, its rate per 1,000 residents."""
    rate = "" if r.rate_per_1000 is None else f"; {fmt.decimal(r.rate_per_1000, 2)}"
    return f"{r.name} ({fmt.count(r.value)}{rate})"
