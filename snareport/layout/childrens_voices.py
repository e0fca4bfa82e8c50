"""Content.childrens_voices → what children told the partnership: key findings and their own words."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content, scope_note
from snareport.layout.door import Door
from snareport.models.report import Report

KEY = "childrens_voices"
NEW_PAGE = True


def title(report: Report) -> str:
    return content(report).childrens_voices.title


def included(report: Report) -> bool:
    return content(report) is not None


def build(report: Report, door: Door) -> list[Flowable]:
    v = content(report).childrens_voices
    out = scope_note(report, door, "childrens_voices") + door.markdown(v.intro)
    out.append(door.h2("Key findings"))
    out.append(door.bullets(v.key_findings))
    if v.quotes:
        out.append(door.h2("In their words"))
        out += [door.quote(q) for q in v.quotes]
        if v.quotes_note:
            out.append(door.note(v.quotes_note))
    return out
