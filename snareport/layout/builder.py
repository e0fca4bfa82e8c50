"""Section layouts' calls → blocks: the builder every section uses to say what goes on its pages.

``builder.h2(…)``, ``builder.tiles(…)``, ``builder.table(…)`` and the rest return frozen blocks
(:mod:`snareport.layout.blocks`); render turns them into tagged flowables. The builder keeps the little
state a report's layout needs: how deep headings are nested, and the tables held back for the data annex.
Nothing here measures text or knows reportlab: a choice that needs font metrics (how many tiles fit a row)
is left to render.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from snareport import formatting as fmt
from snareport.layout.blocks import (
    Block,
    BulletList,
    Caption,
    ChartSize,
    Columns,
    Contents,
    FactorTable,
    Figure,
    Heading,
    KeepSpace,
    KeepTogether,
    KeyFindings,
    Logos,
    PageBreak,
    Panel,
    Paragraph,
    Quote,
    Segment,
    Space,
    Table,
    Tile,
    Tiles,
)
from snareport.theme import MM, Theme

ANNEX_KEY = "data_tables"

#: the charts' box before a section sizes it: the text width, and this height in points
CHART_HEIGHT = 225.0


@dataclass(frozen=True)
class AnnexTable:
    """A table held back for the data annex (numbered A1, A2, … in the order sections gave them)."""

    number: int
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] | None = None
    widths: tuple[float, ...] | None = None
    source: str | None = None     # "Source: …" printed under the table


def _leads_in(runs: Iterable[Any]) -> bool:
    """True for a paragraph that introduces what follows it ("The Board's members are:")."""
    text = "".join(r if isinstance(r, str) else str(getattr(r, "text", "")) for r in runs)
    return text.rstrip().endswith(":")


def text_width(theme: Theme) -> float:
    """The width of the page's text frame in points (the trim width less the side margins)."""
    page = theme.page
    width, _ = page.trim_size
    return width - (page.margin_left_mm + page.margin_right_mm) * MM


class BlockBuilder:
    """Makes the blocks of one report's pages; every section layout is given one (named ``builder``)."""

    def __init__(self, theme: Theme):
        self.theme = theme
        self.frame_width = text_width(theme)
        self.depth = 0                      # 1 while a section is built inside a chapter (headings one level down)
        self.annex: list[AnnexTable] = []   # tables printed in the data annex, in the order sections gave them

    # --- headings -------------------------------------------------------------------------------
    def section_heading(self, title: str, key: str, level: int = 0) -> Block:
        """A chapter's H1 (``level`` 0) or a section's H2 inside a chapter (``level`` 1): bookmark,
        outline entry, contents entry and running header."""
        return Heading(title, level + 1, "h1" if level == 0 else "h2", key=key, outline_level=level)

    def part_heading(self, title: str, style: str = "h2", level: int = 2, section: bool = True) -> Block:
        """A heading in a style of its own, without an outline or contents entry; ``section`` opens a
        part of its own in the structure (the back cover)."""
        return Heading(title, level, style, opens_part=section)

    @contextlib.contextmanager
    def nested(self) -> Iterator[BlockBuilder]:
        """Headings made inside are one level further down (a section inside a chapter)."""
        self.depth += 1
        try:
            yield self
        finally:
            self.depth -= 1

    def h2(self, title: str) -> Block:
        level = 2 + self.depth
        return Heading(title, level, "h2" if level == 2 else "h3")

    def h3(self, title: str) -> Block:
        return Heading(title, 3 + self.depth, "h3")

    def term(self, value: str) -> Block:
        """A glossary term, kept with its definition: every term one heading level under its section."""
        return Heading(value, 2, "term")

    # --- text -----------------------------------------------------------------------------------
    def para(self, value: str, style: str = "body", keep_with_next: bool = False) -> Block:
        """Plain text, printed literally (``keep_with_next``: on the page of what follows it)."""
        return Paragraph(("" if value is None else str(value),), style, keep_with_next)

    def rich(self, runs: Iterable[Any], style: str = "body", keep_with_next: bool = False) -> Block:
        """Inline runs with bold/italic/links (content ``Run``s, :class:`Segment`s or strings)."""
        return Paragraph(tuple(runs), style, keep_with_next)

    def note(self, value: str, keep_with_next: bool = False) -> Block:
        return self.para(value, "note", keep_with_next)

    def bullets(self, items: Sequence[Iterable[Any]], numbered: bool = False, start: int = 1,
                style_name: str = "bullet") -> Block:
        """A list whose items are inline runs (or plain strings)."""
        if not items:
            return Space(0)
        return BulletList(tuple((i,) if isinstance(i, str) else tuple(i) for i in items), numbered, start,
                          style_name)

    def markdown(self, rich_text: Any, style: str = "body") -> list[Block]:
        """Content Markdown (``RichText`` blocks) → paragraphs and lists, every character literal."""
        out: list[Block] = []
        for block in getattr(rich_text, "blocks", []) or []:
            if block.kind == "paragraph":
                # "The Board's members are:" stays on the page of what it introduces
                out.append(self.rich(block.runs, style, keep_with_next=_leads_in(block.runs)))
            elif block.kind == "bullets":
                out.append(self.bullets(block.items))
            else:
                out.append(self.bullets(block.items, numbered=True, start=block.start))
        return out

    def factor_levels(self, levels: Sequence[tuple[str, Sequence[str], Sequence[str]]]) -> Block:
        """Three-level diagram: each level (individual → community) with its risk and protective factors."""
        return FactorTable(tuple((label, tuple(risk), tuple(protective)) for label, risk, protective in levels))

    def quote(self, value: str, credit: str = "") -> Block:
        """A pull quote: italic text in the accent colour beside an accent rule."""
        return Quote(value, credit)

    # --- tables ---------------------------------------------------------------------------------
    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool] | None = None,
              widths: Sequence[float] | None = None, caption: str = "", compact: bool = False,
              source: str | None = None) -> list[Block]:
        """A data table: header row repeated on a new page, numeric columns right-aligned, fits the frame.

        ``widths`` are fractions of the frame width (default: first column wider, the rest equal);
        ``source`` ("Source: …", from ``layout._charts.source_line``) is printed under the table.
        """
        n = len(header)
        numeric = list(numeric) if numeric is not None else [False] + [True] * (n - 1)
        if widths is None:
            first = 0.4 if n > 1 else 1.0
            widths = [first] + [(1 - first) / (n - 1)] * (n - 1) if n > 1 else [1.0]
        notes = ([fmt.SUPPRESSED_KEY] if any(fmt.SUPPRESSED in str(v) for row in rows for v in row) else []) \
            + ([source] if source else [])               # the key sits right under the table, then its source
        keep = len(rows) <= KEEP_WHOLE_ROWS and bool(notes)   # never a source line alone at the top of a page
        out: list[Block] = [Caption(caption)] if caption else []
        out.append(Table(tuple(str(h) for h in header), tuple(tuple(str(v) for v in row) for row in rows),
                         tuple(numeric), tuple(widths), compact, keep_with_next=keep))
        out += [self.note(note, keep_with_next=keep and i < len(notes) - 1) for i, note in enumerate(notes)]
        return out

    def annex_table(self, header: Sequence[str], rows: Sequence[Sequence[str]], caption: str,
                    numeric: Sequence[bool] | None = None, widths: Sequence[float] | None = None,
                    source: str | None = None) -> list[Block]:
        """A table whose figures a chart beside it already shows: printed in the data annex (with its
        ``source`` under it), with a linked pointer here so every value stays available as text."""
        number = len(self.annex) + 1
        self.annex.append(AnnexTable(number, caption, tuple(header), tuple(tuple(r) for r in rows),
                                     tuple(numeric) if numeric is not None else None,
                                     tuple(widths) if widths is not None else None, source))
        # the pointer names its table's subject, so no two pointers read alike (nor like running furniture)
        subject = caption.split(",")[0]
        return [self.rich(["The figures: ", Segment(f"table A{number}", link=f"#{ANNEX_KEY}"),
                           f" in the data tables ({subject[:1].lower()}{subject[1:]})."], "muted")]

    # --- figures --------------------------------------------------------------------------------
    @property
    def chart_style(self) -> ChartSize:
        """The charts' box: the text width and the theme's chart height (a section may size it down)."""
        return ChartSize(self.frame_width, CHART_HEIGHT)

    def chart(self, figure: Figure) -> list[Block]:
        """A chart (from :mod:`snareport.layout.figures`: title, drawing, source), as a figure."""
        return [figure, Space(10)]

    def tiles(self, tiles: Sequence[Tile], columns: int | None = None) -> Block:
        """Big-number tiles in a grid: value, what it measures and its direction/period in words."""
        if not tiles:  # e.g. every tile withheld by disclosure control
            return Space(0)
        return Tiles(tuple(tiles), columns)

    def short_items_in_columns(self, items: Sequence[Any], build: Callable[[list[Any]], list[Block]],
                               min_items: int = 6, max_chars: int = 90) -> list[Block]:
        """Many short items (list entries, quotes) in two columns, reading down the left then the right;
        ``build(items)`` makes one column's blocks. Fewer or longer items stay in one column."""
        def length(item: Any) -> int:
            return len(item) if isinstance(item, str) else sum(len(getattr(r, "text", str(r))) for r in item)

        if len(items) < min_items or any(length(i) > max_chars for i in items):
            return build(list(items))
        half = (len(items) + 1) // 2
        return [self.side_by_side(build(list(items[:half])), build(list(items[half:])))]

    def side_by_side(self, left: list[Block], right: list[Block], split: float = 0.5) -> Block:
        """Two groups of blocks next to each other (a layout grid, not a data table)."""
        return Columns(tuple(left), tuple(right), split)

    def boxed(self, blocks: list[Block], fill: str = "tint") -> Block:
        """A tinted panel around a few blocks (call-outs)."""
        return Panel(tuple(blocks), fill)

    def contents(self, entries: Sequence[tuple[str, str, int]]) -> Block:
        """The contents list: (bookmark key, title, level) rows, each a link to its page."""
        return Contents(tuple(entries))

    def key_findings(self, findings: Sequence[Any], area: str = "") -> Block:
        """Findings under their topics and chapter pages, each entry a link to its chapter."""
        return KeyFindings(tuple(findings), area)

    def logos(self, files: Sequence[str]) -> Block:
        return Logos(tuple(files))

    # --- spacing --------------------------------------------------------------------------------
    @staticmethod
    def space(points: float) -> Block:
        return Space(points)

    @staticmethod
    def new_page() -> Block:
        return PageBreak()

    @staticmethod
    def keep_space(points: float) -> Block:
        """Start a new page unless ``points`` of space are left on this one."""
        return KeepSpace(points)

    @staticmethod
    def keep(blocks: list[Block]) -> Block:
        return KeepTogether(tuple(blocks))


KEEP_WHOLE_ROWS = 15
"""A table of this many rows or fewer moves to the next page with its key and source rather than split from them."""

__all__ = ["ANNEX_KEY", "AnnexTable", "BlockBuilder", "Segment", "Tile", "text_width"]
