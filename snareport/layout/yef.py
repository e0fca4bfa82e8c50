"""Content.yef → the Youth Endowment Fund's best-evidenced interventions and where they run locally."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.layout._content import content
from snareport.layout.door import Door, Segment
from snareport.models.report import Report

KEY = "yef"
NEW_PAGE = True


def title(report: Report) -> str:
    return content(report).yef.title


def included(report: Report) -> bool:
    return content(report) is not None


def build(report: Report, door: Door) -> list[Flowable]:
    y = content(report).yef
    out = door.markdown(y.intro)
    if y.interventions_intro:
        out.append(door.para(y.interventions_intro))
    out.append(door.bullets([[Segment(i.lead, bold=True), " \u2013 ", i.text] for i in y.interventions]))
    out += door.markdown(y.evidence_note)
    out.append(door.h2(f"Available in {report.metadata.scope_label}"))
    out += door.markdown(y.local_availability)
    return out
