"""Content.aim_and_purpose → why the needs assessment exists and who uses it."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content
from snareport.layout.door import Door
from snareport.models.report import Report

KEY = "purpose"
NEW_PAGE = True


def title(report: Report) -> str:
    return content(report).aim_and_purpose.title


def included(report: Report) -> bool:
    return content(report) is not None


def build(report: Report, door: Door) -> list[Flowable]:
    return door.markdown(content(report).aim_and_purpose.body)
