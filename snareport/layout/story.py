"""Report × Door → the ordered story: cover, contents, every section in the seed's order, back cover.

The section order lives here, once. Each section module turns one part of the Report into flowables;
a section whose model says it is unavailable prints a short note instead of figures, and a content
section is left out when the report has no content for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from snareport.layout import (
    achievements,
    back_cover,
    board,
    childrens_voices,
    county_profile,
    cover,
    data_tables,
    definition,
    demographics,
    drugs_and_alcohol,
    edition_brief,
    foreword,
    geography,
    glance,
    glossary,
    knives,
    latest_year,
    methodology,
    not_available,
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


@dataclass(frozen=True)
class SectionPlan:
    """One section: its bookmark key, title, builder and whether it opens a new page."""

    key: str
    title: str
    build: Callable[[Report, Door], list[Flowable]]
    new_page: bool = True
    columns: int = 1


@dataclass(frozen=True)
class Chapter:
    """A chapter: it starts on a new page and its sections flow one after another inside it.

    ``title`` None: the chapter is its one section and takes that section's title (and key); a callable
    gives the title from the report (e.g. "Thanet at a glance")."""

    key: str
    title: str | Callable[[Report], str] | None
    sections: tuple[ModuleType, ...]
    columns: int = 1
    page_per_section: bool = False      # each section on its own page (the at-a-glance spread)


CHAPTERS = (
    Chapter("foreword", None, (foreword,)),
    Chapter("at_a_glance", glance.chapter_title, (glance, achievements), page_per_section=True),
    Chapter("recommendations", None, (recommendations,)),
    Chapter("about", "About this assessment", (purpose, definition, board, public_health)),
    Chapter("area", "The area and its people", (county_profile, demographics)),
    Chapter("where_and_when", "Where and when", (geography, temporal)),
    Chapter("latest_year", None, (latest_year,)),
    Chapter("recorded_offences", None, (recorded_offences,)),
    Chapter("knives", None, (knives,)),
    Chapter("sexual_violence", None, (sexual_violence,)),
    Chapter("not_available", None, (not_available,)),
    Chapter("prevention", "Prevention in practice", (drugs_and_alcohol, childrens_voices, what_works, yef)),
    Chapter("methodology_and_data", "Methodology and data", (methodology, data_tables)),
    Chapter("glossary", None, (glossary,), columns=2),
)
SECTIONS = tuple(module for chapter in CHAPTERS for module in chapter.sections)


@dataclass(frozen=True)
class ChapterPlan:
    """A chapter this report prints: its heading (None when it is its one section) and its sections."""

    key: str
    title: str | None
    sections: tuple[SectionPlan, ...]
    columns: int = 1
    page_per_section: bool = False


def _section(module: ModuleType, report: Report) -> SectionPlan:
    return SectionPlan(module.KEY, module.title(report), module.build, module.NEW_PAGE, getattr(module, "COLUMNS", 1))


def chapters(report: Report) -> list[ChapterPlan]:
    """The chapters this report prints, in order (content sections without content are left out)."""
    out = []
    for chapter in CHAPTERS:
        sections = tuple(_section(m, report) for m in chapter.sections if _prints(m, report))
        if not sections:
            continue
        title = chapter.title if len(sections) > 1 else None
        if callable(title):
            title = title(report)
        out.append(ChapterPlan(chapter.key, title, sections, chapter.columns, chapter.page_per_section))
    return out


def plan(report: Report) -> list[SectionPlan]:
    """The sections this report prints, in order (content sections without content are left out)."""
    return [s for chapter in chapters(report) for s in chapter.sections]


def contents_entries(report: Report) -> list[tuple[str, str, int]]:
    """(bookmark key, title, level) of every contents row: chapters at 0, their sections at 1."""
    out = []
    for chapter in chapters(report):
        if chapter.title is None:
            out.append((chapter.sections[0].key, chapter.sections[0].title, 0))
        else:
            out.append((chapter.key, chapter.title, 0))
            out += [(s.key, s.title, 1) for s in chapter.sections]
    return out


def _prints(module: ModuleType, report: Report) -> bool:
    """Whether a section prints: content sections without content, and data sections the source cannot
    give (listed once in the not-available table instead), are left out, with their contents entries."""
    return module.included(report) and not _no_content(report, module.KEY) \
        and not not_available.left_out(report, module.KEY)


def _no_content(report: Report, key: str) -> bool:
    """True for a content section whose (optional) file the report's content does not have."""
    c = report.content
    return c is not None and key in type(c).model_fields and getattr(c, key) is None


def build_story(report: Report, door: Door) -> tuple[list[Flowable], ContentsFlowable]:
    """Every flowable of the report, and the contents list the document fills with page numbers."""
    story: list[Flowable] = []
    story += cover.build(report, door)
    contents_flowables, listing = contents_page(door, contents_entries(report))
    story += contents_flowables
    if edition_brief.included(report):
        story += edition_brief.build(report, door)
    door.annex.clear()
    door.contents_listing = listing
    for chapter in chapters(report):
        # every chapter starts on a new page; inside it the sections flow
        # the page template changes at this break and no earlier (a chapter's last table moving over
        # a page must not land on the next chapter's two-column page)
        story.append(PageBreak(nextTemplate="columns" if chapter.columns == 2 else "inner"))
        if chapter.title is None:
            section = chapter.sections[0]
            body = [door.section_heading(section.title, section.key)] + section.build(report, door)
        else:
            body = [door.section_heading(chapter.title, chapter.key)]
            for i, section in enumerate(chapter.sections):
                if i and chapter.page_per_section:
                    body.append(PageBreak())
                body.append(door.section_heading(section.title, section.key, level=1))
                with door.nested():
                    body += section.build(report, door)
        while body and isinstance(body[-1], Spacer):   # trailing space must not spill onto a page of its own
            body.pop()
        story += body
    story += [NextPageTemplate("back"), PageBreak()]
    story += back_cover.build(report, door)
    return story, listing
