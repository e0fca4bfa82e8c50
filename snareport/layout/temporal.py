"""TemporalSection → when serious violence involving young people happens: peak days and hours."""
from __future__ import annotations

from snareport.layout._charts import source_line
from snareport.layout._content import content, intro
from snareport.layout._periods import unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.layout.figures import day_hour_heatmap
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    t = report.temporal
    out: list[Block] = []
    c = content(report)
    if c is not None:
        out += intro(report, builder, c.section_intros.temporal, "section_intros.temporal")
    if not t.available:
        return out + [builder.note(unavailable_note(t))]
    for cohort in t.cohorts:
        out.append(builder.h2(cohort.cohort_label.capitalize()))
        where = f" in {report.metadata.district}" if report.metadata.district else ""
        sentence = ["Peak times for serious violence involving ", cohort.cohort_label, where, ": ",
                    Segment(cohort.summary or ("withheld to protect privacy" if cohort.peaks_withheld else "no clear peak"),
                            bold=True)]
        if cohort.area_summary is not None:
            sentence += [f"; across {report.metadata.area}: ", Segment(cohort.area_summary or "no clear peak")]
        out.append(builder.rich(sentence + ["."]))
        if cohort.total or any(v is None for row in cohort.counts for v in row):
            out += builder.chart(day_hour_heatmap(
                cohort.counts, band_hours=cohort.band_hours, cohort=cohort.cohort_label, total=cohort.total,
                peaks=[(c.count, c.day, c.start_hour) for c in cohort.peak_cells],
                area=report.metadata.scope_label, period=t.current.label if t.current else "",
                source=source_line(report, "offences"), style=builder.chart_style,
                height=builder.chart_style.height * 0.85))
    for note in t.notes:
        out.append(builder.note(note))
    return out
