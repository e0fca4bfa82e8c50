"""Report.methodology, periods, data summary and disclosure → methodology and data notes."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._content import content
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    out: list[Block] = []
    c = content(report)
    if c is not None:
        out += builder.markdown(c.methodology)
    if report.periods:
        rows = [[p.label, fmt.long_date(p.start), fmt.long_date(p.end)] for p in report.periods]
        out += builder.table(["Period", "From", "To"], rows, numeric=[False, False, False],
                          widths=[0.4, 0.3, 0.3], caption="Periods compared")
    if report.methodology:
        out.append(builder.h2("Definitions"))
        for note in report.methodology:   # a run-in term: one paragraph each, the term in bold
            out.append(builder.rich([Segment(f"{note.topic}. ", bold=True), note.text], "small_body"))
    d = report.data
    out.append(builder.h2("Source and data quality"))
    if d.source_name:
        out.append(builder.para(f"Source: {d.source_name}.", "small_body"))
    if d.source_note:
        out.append(builder.para(d.source_note, "small_body"))
    if d.months:  # a month-precision source: whole months, never an invented day
        first, last = min(d.months), max(d.months)
        out.append(builder.para(f"Offence records run from {fmt.month_name(int(first[5:]))} {first[:4]} to "
                             f"{fmt.month_name(int(last[5:]))} {last[:4]} (the source gives months, not days).",
                             "small_body"))
    elif d.first_offence and d.last_offence:
        out.append(builder.para(f"Offence records run from {fmt.month_year(d.first_offence)} to "
                             f"{fmt.month_year(d.last_offence)}.", "small_body"))   # never a record's exact date
    if d.tables:
        rows = [[t.table.replace("_", " "), fmt.count(t.rows, suppressed=t.rows is None),
                 fmt.count(t.total_rows, suppressed=t.total_rows is None)] for t in d.tables]
        out += builder.table(["Table", "Rows in this report", "Rows in the source"], rows,
                          widths=[0.4, 0.3, 0.3])
    for item in d.data_quality:
        out.append(builder.note(item))
    for gap in d.partial_periods:
        out.append(builder.note(
            f"Partial period: the {gap.table.replace('_', ' ')} table has no rows for {fmt.month_list(gap.missing_months)} "
            f"in {'the ' if gap.label.startswith('year ending') else ''}{gap.label}, so its figures for that period "
            f"use the {fmt.count(gap.months_present)} of "
            f"{fmt.count(gap.months)} months present."))
    disclosure = report.disclosure
    if disclosure.applied:
        out.append(builder.h2("Values withheld in this report"))
        hospital = (f" (from 1 to {disclosure.hospital_threshold} for hospital admissions)"
                    if "hospital_admissions" in report.data.available else "")
        rule = disclosure.note or (
            f"Counts from 1 to {disclosure.threshold}{hospital}, and figures built on them, are shown as "
            f"{fmt.SUPPRESSED}.")
        rule = f"{rule} Withheld values are printed as {fmt.SUPPRESSED}."
        out.append(builder.para(f"{rule} {fmt.count(disclosure.suppressed_values)} values were withheld in this report.",
                             "small_body"))
    return out
