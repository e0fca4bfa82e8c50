"""Content.definition → the Board's definition of serious violence, quoted."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content, scope_note
from snareport.layout.door import Door
from snareport.models.report import Report


def build(report: Report, door: Door) -> list[Flowable]:
    d = content(report).definition
    return scope_note(report, door, "definition") + door.markdown(d.intro) + [door.space(4), door.quote(d.definition)]
