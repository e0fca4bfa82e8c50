"""Content.foreword → the foreword: a signed letter opening the report."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, door: BlockBuilder) -> list[Block]:
    f = content(report).foreword
    out: list[Block] = scope_note(report, door, "foreword") + [door.para(f.title, "lead")]
    out += door.markdown(f.body)
    out += [door.space(8), door.para(f.signatory, "h3"), door.para(f.role, "muted")]
    return out
