"""Report × Door → the ordered story: cover, contents, every section in the seed's order, back cover.

The section order lives here, once. Each section module turns one part of the Report into flowables;
a section whose model says it is unavailable prints a short note instead of figures, and a content
section is left out when the report has no content for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from snareport.layout import (
    achievements,
    back_cover,
    board,
    childrens_voices,
    county_profile,
    cover,
    definition,
    demographics,
    drugs_and_alcohol,
    foreword,
    geography,
    glossary,
    knives,
    methodology,
    public_health,
    purpose,
    recommendations,
    recorded_offences,
    sexual_violence,
    temporal,
    what_works,
    yef,
)
from snareport.layout.contents import ContentsFlowable, contents_page
from snareport.layout.door import Door
from snareport.models.report import Report
from snareport.theme import MM


@dataclass(frozen=True)
class SectionPlan:
    """One section: its bookmark key, title, builder and whether it opens a new page."""

    key: str
    title: str
    build: Callable[[Report, Door], list[Flowable]]
    new_page: bool = True
    columns: int = 1


SECTIONS = (
    foreword, achievements, recommendations, purpose, definition, board, public_health, county_profile,
    demographics, geography, temporal, recorded_offences, knives, sexual_violence, drugs_and_alcohol, childrens_voices,
    what_works, yef, methodology, glossary,
)


def plan(report: Report) -> list[SectionPlan]:
    """The sections this report prints, in order (content sections without content are left out)."""
    out = []
    for module in SECTIONS:
        if not module.included(report):
            continue
        out.append(SectionPlan(module.KEY, module.title(report), module.build, module.NEW_PAGE,
                               getattr(module, "COLUMNS", 1)))
    return out


def build_story(report: Report, door: Door) -> tuple[list[Flowable], ContentsFlowable]:
    """Every flowable of the report, and the contents list the document fills with page numbers."""
    sections = plan(report)
    story: list[Flowable] = []
    story += cover.build(report, door)
    contents_flowables, listing = contents_page(door, [(s.key, s.title) for s in sections])
    story += contents_flowables
    first = True
    for section in sections:
        if section.columns == 2:
            story += [NextPageTemplate("columns"), PageBreak()]
        elif first or section.new_page:
            story += [NextPageTemplate("inner"), PageBreak()]
        else:
            story.append(door.keep_space(60 * MM))
            story.append(door.space(6 * MM))
        first = False
        story.append(door.section_heading(section.title, section.key))
        story += section.build(report, door)
    story += [NextPageTemplate("back"), PageBreak()]
    story += back_cover.build(report, door)
    return story, listing
