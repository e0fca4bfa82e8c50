"""The chapters and sections of the report, in order: one table says what each section is called, which part
of the Report it lays out, and which chapter it sits in. Nothing else decides the order or the titles.

A section's ``layout`` turns the Report into what is printed for it; ``title`` may depend on the report
(the scope's name, a content file's title). A content section (``needs_content``) is left out when the
report has no content; a data section prints a short note instead of figures when its model is unavailable.
Every chapter starts on a new page and its sections flow one after another inside it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from snareport.layout import (
    achievements,
    board,
    childrens_voices,
    data_tables,
    definition,
    demographics,
    drugs_and_alcohol,
    foreword,
    geography,
    glance,
    glossary,
    knives,
    latest_year,
    methodology,
    not_available,
    population,
    public_health,
    purpose,
    recommendations,
    recorded_offences,
    sexual_violence,
    temporal,
    what_works,
    yef,
)
from snareport.layout._content import content
from snareport.layout.blocks import Block
from snareport.layout.builder import ANNEX_KEY, BlockBuilder
from snareport.models.report import Report


@dataclass(frozen=True)
class SectionSpec:
    """One section of the report.

    ``key`` names it through every stage (bookmark, Report field or content file).
    """

    key: str
    title: Callable[[Report], str]
    layout: Callable[[Report, BlockBuilder], list[Block]]
    needs_content: bool = False
    when: Callable[[Report], bool] | None = None   # printed only when this says so (None: always)

    def included(self, report: Report) -> bool:
        if self.needs_content and content(report) is None:
            return False
        return self.when is None or self.when(report)


def _fixed(text: str) -> Callable[[Report], str]:
    return lambda report: text


def _content_title(field: str) -> Callable[[Report], str]:
    """The title written in the section's content file."""
    return lambda report: getattr(content(report), field).title


def _population_title(report: Report) -> str:
    district = report.metadata.district
    return f"Demographics of {district}" if district else "Demographics of the county"


def _demographics_title(report: Report) -> str:
    m = report.metadata
    return f"Victims and suspects: {m.district} compared with {m.area}" if m.district else "Demographics"


def _geography_title(report: Report) -> str:
    return f"ASVC geographical \u2013 {report.geography.cohort_label}"


def _glance_title(report: Report) -> str:
    return f"{report.metadata.district} at a glance" if report.metadata.district else "At a glance"


def _latest_year_title(report: Report) -> str:
    y = report.latest_year
    return f"The latest {y.months_in_period} months: {y.main.label if y.main else ''}"


def _not_available_title(report: Report) -> str:
    return f"Not available from {not_available.source_short_name(report)}"


def _not_available_layout(report: Report, builder: BlockBuilder) -> list[Block]:
    return not_available.build(report, builder, _data_section_titles(report))


def _data_section_titles(report: Report) -> dict[str, str]:
    """The titles of the data sections, as this report would print them."""
    return {s.key: s.title(report) for s in SECTIONS if s.key in not_available.DATA_SECTIONS}


def _temporal_title(report: Report) -> str:
    labels = [c.cohort_label for c in report.temporal.cohorts]
    return "Temporal analysis \u2013 " + (labels[-1] if labels else "young people")


@dataclass(frozen=True)
class ChapterSpec:
    """A chapter: it starts on a new page (two-column pages when ``columns`` is 2) and holds its sections.

    ``title`` None: the chapter is its one section and takes that section's title (and key); a chapter
    left with one section (the others had no content) does the same. A callable gives the title from the
    report ("Thanet at a glance")."""

    key: str
    title: str | Callable[[Report], str] | None
    sections: tuple[SectionSpec, ...]
    columns: int = 1
    page_per_section: bool = False      # each section on its own page (the at-a-glance spread)


CHAPTERS: tuple[ChapterSpec, ...] = (
    ChapterSpec("foreword", None, (
        SectionSpec("foreword", _fixed("Foreword"), foreword.build, needs_content=True),), columns=2),
    ChapterSpec("at_a_glance", _glance_title, (
        SectionSpec("glance", _fixed("Key findings"), glance.build),
        SectionSpec("achievements", _fixed("Achievements"), achievements.build),
    ), page_per_section=True),
    ChapterSpec("recommendations", None, (
        SectionSpec("recommendations", _fixed("Key recommendations"), recommendations.build, needs_content=True),),
        columns=2),
    ChapterSpec("about", "About this assessment", (
        SectionSpec("purpose", _content_title("aim_and_purpose"), purpose.build, needs_content=True),
        SectionSpec("definition", _content_title("definition"), definition.build, needs_content=True),
        SectionSpec("board", _content_title("board"), board.build, needs_content=True),
        SectionSpec("public_health", _content_title("public_health"), public_health.build, needs_content=True),
    ), columns=2),
    ChapterSpec("area", "The area and its people", (
        SectionSpec("population", _population_title, population.build),
        SectionSpec("demographics", _demographics_title, demographics.build),
    )),
    ChapterSpec("where_and_when", "Where and when", (
        SectionSpec("geography", _geography_title, geography.build),
        SectionSpec("temporal", _temporal_title, temporal.build),
    )),
    ChapterSpec("latest_year", None, (
        SectionSpec("latest_year", _latest_year_title, latest_year.build, when=lambda r: r.latest_year.available),)),
    ChapterSpec("recorded_offences", None, (
        SectionSpec("recorded_offences", _fixed("Recorded offences, year on year"), recorded_offences.build),)),
    ChapterSpec("knives", None, (
        SectionSpec("knives", _fixed("Knives and weapons"), knives.build),)),
    ChapterSpec("sexual_violence", None, (
        SectionSpec("sexual_violence", _fixed("Sexual violence"), sexual_violence.build),)),
    ChapterSpec("not_available", None, (
        SectionSpec("not_available", _not_available_title, _not_available_layout,
                    when=lambda r: bool(not_available.rows(r))),)),
    ChapterSpec("prevention", "Prevention in practice", (
        SectionSpec("drugs_and_alcohol", _content_title("drugs_and_alcohol"), drugs_and_alcohol.build,
                    needs_content=True),
        SectionSpec("childrens_voices", _content_title("childrens_voices"), childrens_voices.build,
                    needs_content=True),
        SectionSpec("what_works", _content_title("what_works"), what_works.build, needs_content=True),
        SectionSpec("yef", _content_title("yef"), yef.build, needs_content=True),
    ), columns=2),
    ChapterSpec("methodology_and_data", "Methodology and data", (
        SectionSpec("methodology", _fixed("Methodology and data notes"), methodology.build),
        SectionSpec(ANNEX_KEY, _fixed("Data tables"), data_tables.build),
    )),
    ChapterSpec("glossary", None, (
        SectionSpec("glossary", _fixed("Glossary"), glossary.build, needs_content=True),), columns=2),
)
SECTIONS: tuple[SectionSpec, ...] = tuple(section for chapter in CHAPTERS for section in chapter.sections)
