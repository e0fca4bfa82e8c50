"""Content.glossary → the glossary: terms in alphabetical order, in two columns over pages."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content
from snareport.layout.door import Door
from snareport.models.report import Report


def build(report: Report, door: Door) -> list[Flowable]:
    entries: list[Flowable] = []
    for entry in content(report).glossary_sorted():
        # a term and its definition stay together: never a term alone at the foot of a column
        entries.append(door.keep([door.term(entry.term), *door.markdown(entry.definition, "small_body")]))
    return entries
