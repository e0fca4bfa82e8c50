"""Content.definition → the Board's definition of serious violence, quoted."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    d = content(report).definition
    return scope_note(report, builder, "definition") + builder.markdown(d.intro) + [builder.space(4), builder.quote(d.definition)]
