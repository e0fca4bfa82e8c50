"""Content.board → who sits on the Serious Violence Prevention Partnership Board."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content
from snareport.layout.door import Door
from snareport.models.report import Report

KEY = "board"
NEW_PAGE = True


def title(report: Report) -> str:
    return content(report).board.title


def included(report: Report) -> bool:
    return content(report) is not None


def build(report: Report, door: Door) -> list[Flowable]:
    b = content(report).board
    rows = [[m.organisation, "; ".join(m.roles)] for m in b.members]
    return door.markdown(b.intro) + door.table(["Organisation", "Represented by"], rows,
                                               numeric=[False, False], widths=[0.38, 0.62])
