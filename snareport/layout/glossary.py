"""Content.glossary → the glossary: terms in alphabetical order, in two balanced columns over pages."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content
from snareport.layout.door import Door
from snareport.models.report import Report

KEY = "glossary"
NEW_PAGE = True


def title(report: Report) -> str:
    return "Glossary"


def included(report: Report) -> bool:
    return content(report) is not None


def build(report: Report, door: Door) -> list[Flowable]:
    entries: list[Flowable] = []
    for entry in content(report).glossary_sorted():
        entries.append(door.term(entry.term))
        entries += door.markdown(entry.definition, "small_body")
    return [door.columns(entries, 2)]
