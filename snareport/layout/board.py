"""Content.board → who sits on the Serious Violence Prevention Partnership Board."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    b = content(report).board
    # one line per organisation: who represents it (a list reads better than a two-column grid)
    items = [[Segment(m.organisation, bold=True), " \u2013 ", "; ".join(m.roles)] for m in b.members]
    return scope_note(report, builder, "board") + builder.markdown(b.intro) + [builder.bullets(items)]
