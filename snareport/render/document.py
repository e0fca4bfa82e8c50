"""Report × theme → the PDF file: laid out in two passes (the first without drawing), reproducible, atomic.

The same Report and theme always give the same bytes (reportlab invariant mode, document dates from the
report's publication date, no random ids), and no local path or user name reaches the PDF.
"""
from __future__ import annotations

import io
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from snareport.atomic import atomic_write_bytes
from snareport.collector import collector_held_back
from snareport.errors import RenderError
from snareport.models.report import Report

if TYPE_CHECKING:  # pragma: no cover
    from snareport.layout.blocks import Block
    from snareport.render.flowables import FlowableMaker
    from snareport.theme import Theme

CREATOR = "snareport"


def render_pdf(report: Report, path: str | Path, layout: str | Path | None = None, tagged: bool = True) -> Path:
    """Write the report's PDF to ``path`` atomically and return the path.

    ``layout`` is a theme name in ``layouts/`` or a path to a theme YAML file; by default the theme
    report.yaml names (a relative path there is taken from the dataset folder). On any error the
    temporary file is removed and an existing PDF at ``path`` is left untouched.
    """
    return atomic_write_bytes(path, render_bytes(report, layout, tagged=tagged))


def report_theme(report: Report) -> str | Path:
    """The theme report.yaml named for this report: its file when found from the dataset folder."""
    return report.metadata._theme_location or report.metadata.theme


def render_bytes(report: Report, layout: str | Path | None = None, tagged: bool = True,
                 timings: dict[str, float] | None = None, charts_apart: bool = False) -> bytes:
    """The PDF as bytes (no file touched): tagged PDF/UA-1, or without the structure tree when ``tagged``
    is False (quicker, for tests of what the pages print).

    ``charts_apart``: record the charts in a copy of this process while this one lays out the pages
    (``snareport.render.chart_process``; where the platform forks) — quicker when a core would otherwise
    be idle, the same bytes.

    ``timings``, when given, receives the seconds spent in each stage: "flowables" (the blocks and their
    flowables), "layout" (the layout passes, the charts recorded as their pages are drawn) and
    "tagging/write" (the structure tree and final bytes).
    """
    # drawing makes and drops some 40,000 objects in reference cycles a county document (matplotlib's artists
    # and transforms, the tagging's elements, the layout's document and canvas) while it holds a large live
    # graph (blocks, flowables, line breaks): one collection of the young objects when drawing ends walks
    # them once, and never the objects that existed before (the libraries, the dataset, the report)
    with collector_held_back(set_aside_existing=True, collect_young_after=True):
        return _draw(report, layout, tagged, timings, charts_apart)


def _draw(report: Report, layout: str | Path | None, tagged: bool, timings: dict[str, float] | None,
          charts_apart: bool) -> bytes:
    from reportlab import rl_config

    from snareport.layout.builder import BlockBuilder
    from snareport.layout.story import build_story
    from snareport.render.chart_process import charts_recorded_apart
    from snareport.render.flowables import FlowableMaker
    from snareport.render.tagging import DocumentTagger
    from snareport.theme import load_theme

    tagger = DocumentTagger() if tagged else None
    rl_config.invariant = 1
    theme = load_theme(layout if layout is not None else report_theme(report))
    maker = FlowableMaker(theme, tagger=tagger)
    started = time.perf_counter()
    blocks = build_story(report, BlockBuilder(theme))
    with charts_recorded_apart(maker, blocks, charts_apart):
        doc, data = _laid_out(report, theme, maker, blocks, timings, started)
    drawn = time.perf_counter()
    if tagger is not None:
        data = tagger.finish(data, doc, report)
    if timings is not None:
        timings["tagging/write"] = time.perf_counter() - drawn
    return data


def _laid_out(report: Report, theme: Theme, maker: FlowableMaker, blocks: list[Block],
              timings: dict[str, float] | None, started: float) -> tuple[Any, bytes]:
    """The document template, laid out and drawn, and the bytes it wrote (before tagging)."""
    from reportlab.platypus.doctemplate import LayoutError

    from snareport.render.pages import PageCount, PageText, ReportDocTemplate
    from snareport.render.tagging.xmp import plain_metadata

    m = report.metadata
    tagger = maker.tagger
    story = maker.flowables(blocks)
    listing = maker.contents_listing
    laid_out = time.perf_counter()
    page_count = PageCount(others=[listing] if listing is not None else [])
    story.append(page_count)
    # a theme may set the public marking, never weaken the partners' one
    marking = m.protective_marking if m.audience == "partners" else (theme.protective_marking or m.protective_marking)
    buffer = io.BytesIO()
    # the title names the area (or district), the edition and who the edition is for
    audience = "public edition" if m.audience == "public" else "edition for partners"
    doc = ReportDocTemplate(
        buffer, maker, PageText(m.partnership, m.scope_label, marking, m.title), page_count, contents=listing,
        title=plain_metadata(f"{m.title} {m.edition}: {m.scope_label}, {audience}"),
        author=plain_metadata(m.partnership),
        subject=plain_metadata(f"Serious violence strategic needs assessment for {m.scope_label}, {m.edition}"),
        keywords=list(dict.fromkeys(plain_metadata(k) for k in (
            "serious violence", "strategic needs assessment", m.area, m.scope_label, m.edition))),
        invariant=1,
        creator=CREATOR,
        producer=CREATOR,
        lang=m.language,
        displayDocTitle=1,
        document_date=m.publication_date,
        tagger=tagger.recorder if tagger is not None else None,
    )
    try:
        doc.multiBuild(story, maxPasses=4)
    except LayoutError as exc:
        raise _layout_failure(doc, exc, m.district) from None
    if timings is not None:
        timings.update({"flowables": laid_out - started, "layout": time.perf_counter() - laid_out})
    return doc, buffer.getvalue()


def load_drawing(layout: str | Path | None = None) -> None:
    """Import the drawing modules and, given a ``layout``, register its theme's fonts (idempotent; a worker
    process's start)."""
    import importlib
    import pkgutil

    import snareport.charts
    from snareport.layout.story import build_story  # noqa: F401 — imports every section module
    from snareport.render.flowables import FlowableMaker
    from snareport.theme import load_theme

    for chart in pkgutil.iter_modules(snareport.charts.__path__):
        importlib.import_module(f"snareport.charts.{chart.name}")
    if layout is not None:
        FlowableMaker(load_theme(layout))


def page_count(pdf: bytes) -> int:
    """Number of pages of a PDF held in memory."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def _layout_failure(doc: Any, exc: Exception, district: str | None) -> RenderError:
    """reportlab's "Flowable … too large" in words: the section, the likely cause, the content file to edit."""
    from snareport.loading.content import SECTION_FILES

    title = getattr(doc, "_section", "") or "the opening pages"
    key = getattr(doc, "_section_key", "")
    files = [s.filename for s in SECTION_FILES if s.field == key]
    where = ""
    if files:
        source = f"content/{files[0]}" + (f" or content/districts/{district}/{files[0]}" if district else "")
        where = f" (its text comes from {source}: shorten the longest item there)"
    what = "a table, chart or paragraph taller than a page" if "too large" in str(exc) else "a block that cannot be placed"
    return RenderError(f"the section {title!r} holds {what}{where}")
