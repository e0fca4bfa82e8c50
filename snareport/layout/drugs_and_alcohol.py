"""Content.drugs_and_alcohol → the drug- and alcohol-related violence project."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    d = content(report).drugs_and_alcohol
    out = scope_note(report, builder, "drugs_and_alcohol") + builder.markdown(d.intro)
    out.append(builder.h2("The project"))
    out.append(builder.boxed([builder.h3("Aim"), *builder.markdown(d.aim)]))
    out.append(builder.para(d.outcomes_intro))
    out.append(builder.bullets(d.outcomes))
    return out
