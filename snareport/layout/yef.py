"""Content.yef → the Youth Endowment Fund's best-evidenced interventions and where they run locally."""
from __future__ import annotations

from snareport.layout._content import content, scope_note, speaks_for_area
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, door: BlockBuilder) -> list[Block]:
    y = content(report).yef
    out = scope_note(report, door, "yef") + door.markdown(y.intro)
    if y.interventions_intro:
        out.append(door.para(y.interventions_intro))
    out.append(door.bullets([[Segment(i.lead, bold=True), " \u2013 ", i.text] for i in y.interventions]))
    out += door.markdown(y.evidence_note)
    where = (f"across {report.metadata.area}" if speaks_for_area(report, "yef")
             else f"in {report.metadata.scope_label}")
    out.append(door.h2(f"Available {where}"))
    out += door.markdown(y.local_availability)
    return out
