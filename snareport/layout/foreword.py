"""Content.foreword → the foreword: a signed letter opening the report."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content, scope_note
from snareport.layout.door import Door
from snareport.models.report import Report


def build(report: Report, door: Door) -> list[Flowable]:
    f = content(report).foreword
    out: list[Flowable] = scope_note(report, door, "foreword") + [door.para(f.title, "lead")]
    out += door.markdown(f.body)
    out += [door.space(8), door.para(f.signatory, "h3"), door.para(f.role, "muted")]
    return out
