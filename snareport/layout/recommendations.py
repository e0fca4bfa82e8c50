"""Content.recommendations → key recommendations, each with a bold lead-in."""
from __future__ import annotations

from snareport.layout._content import content, inline_runs, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, door: BlockBuilder) -> list[Block]:
    items = [[Segment(r.lead, bold=True), " \u2013 ", *inline_runs(r.text)]
             for r in content(report).recommendations]
    return scope_note(report, door, "recommendations") + [door.bullets(items)]
