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
    out.append(door.bullets(v.key_findings))      # one list that may run on over a page break
    if v.quotes:
        out.append(door.h2("In their words"))
        out += door.short_items_in_columns(v.quotes, lambda items, width: [door.quote(q, width=width) for q in items],
                                           min_items=4)
        if v.quotes_note:
            out.append(door.note(v.quotes_note))
    return out
