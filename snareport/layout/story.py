"""Report × BlockBuilder → the ordered story: cover, contents, every section in the seed's order, back cover.

The chapters, sections, their order and titles are the one table in :mod:`snareport.layout.sections`; this
module puts them on pages: every chapter starts on a new page, a chapter's sections flow inside it.
"""
from __future__ import annotations

from dataclasses import dataclass

from snareport.layout import back_cover, cover, edition_brief, not_available
from snareport.layout.blocks import Block, KeepSpace, NextPageTemplate, PageBreak, Space
from snareport.layout.builder import BlockBuilder
from snareport.layout.sections import CHAPTERS, SectionSpec
from snareport.models.report import Report
from snareport.theme import MM


@dataclass(frozen=True)
class SectionPlan:
    """A section this report prints, with its title for this report."""

    spec: SectionSpec
    title: str

    @property
    def key(self) -> str:
        return self.spec.key


@dataclass(frozen=True)
class ChapterPlan:
    """A chapter this report prints: its heading (None when it is its one section) and its sections."""

    key: str
    title: str | None
    sections: tuple[SectionPlan, ...]
    columns: int = 1
    page_per_section: bool = False


def chapters(report: Report) -> list[ChapterPlan]:
    """The chapters this report prints, in order (content sections without content are left out)."""
    out = []
    for chapter in CHAPTERS:
        sections = tuple(SectionPlan(s, s.title(report)) for s in chapter.sections if _prints(s, report))
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


def _prints(section: SectionSpec, report: Report) -> bool:
    """Whether a section prints: content sections without content, and data sections the source cannot
    give (listed once in the not-available table instead), are left out, with their contents entries."""
    return section.included(report) and not _no_content(report, section.key) \
        and not not_available.left_out(report, section.key)


def _no_content(report: Report, key: str) -> bool:
    """True for a content section whose (optional) file the report's content does not have."""
    c = report.content
    return c is not None and key in type(c).model_fields and getattr(c, key) is None


def build_story(report: Report, builder: BlockBuilder) -> list[Block]:
    """Every block of the report, in order (the contents list's page numbers are filled in by render)."""
    story: list[Block] = []
    story += cover.build(report, builder)
    story += [builder.section_heading("Contents", "contents"), builder.space(4 * MM), builder.contents(contents_entries(report))]
    if edition_brief.included(report):
        story += edition_brief.build(report, builder)
    builder.annex.clear()
    for chapter in chapters(report):
        # every chapter starts on a new page; inside it the sections flow
        # the page template changes at this break and no earlier (a chapter's last table moving over
        # a page must not land on the next chapter's two-column page)
        story.append(PageBreak(template="columns" if chapter.columns == 2 else "inner"))
        if chapter.title is None:
            section = chapter.sections[0]
            body = [builder.section_heading(section.title, section.key)] + section.spec.layout(report, builder)
        else:
            body = [builder.section_heading(chapter.title, chapter.key)]
            for i, section in enumerate(chapter.sections):
                if i and chapter.page_per_section:
                    body.append(PageBreak())
                body.append(builder.section_heading(section.title, section.key, level=1))
                with builder.nested():
                    body += section.spec.layout(report, builder)
        while body and isinstance(body[-1], (Space, KeepSpace)):   # trailing space must not spill onto a page of its own
            body.pop()
        story += body
    story += [NextPageTemplate("back"), PageBreak()]
    story += back_cover.build(report, builder)
    return story
