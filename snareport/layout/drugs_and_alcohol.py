"""Content.drugs_and_alcohol → the drug- and alcohol-related violence project."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, door: BlockBuilder) -> list[Block]:
    d = content(report).drugs_and_alcohol
    out = scope_note(report, door, "drugs_and_alcohol") + door.markdown(d.intro)
    out.append(door.h2("The project"))
    out.append(door.boxed([door.h3("Aim"), *door.markdown(d.aim)]))
    out.append(door.para(d.outcomes_intro))
    out.append(door.bullets(d.outcomes))
    return out
