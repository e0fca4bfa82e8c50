"""Content.glossary → the glossary: terms in alphabetical order, in two columns over pages."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content
from snareport.layout.door import Door
from snareport.models.report import Report

KEY = "glossary"
NEW_PAGE = True
COLUMNS = 2        # laid out on two-column pages, reading down the left column then the right


def title(report: Report) -> str:
    return "Glossary"


def included(report: Report) -> bool:
    return content(report) is not None


def build(report: Report, door: Door) -> list[Flowable]:
    entries: list[Flowable] = []
    for entry in content(report).glossary_sorted():
        # a term and its definition stay together: never a term alone at the foot of a column
        entries.append(door.keep([door.term(entry.term), *door.markdown(entry.definition, "small_body")]))
    return entries
