"""Text, figures and tables from section layouts → styled, escaped reportlab flowables (the single door).

Every flowable the report draws is made here, so styles, escaping of user text and PDF tagging live in
one place. ``Door.tagger`` is the tagging layer (render's ``DocumentTagger``) or None for an untagged PDF:
every flowable is passed through ``tagger.tag(flowable, role, **attributes)`` with its structure role
(``H1``, ``P``, ``L``, ``Table``, ``Figure``, ``BlockQuote``, ``TOC``), and page furniture is drawn inside
``tagger.artifact(canvas)``.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from snareport import formatting as fmt
from snareport.layout.pictograms import Pictogram
from snareport.layout.styles import Styles, build_styles
from snareport.theme import MM, Theme


def text(value: object) -> str:
    """Plain user or model text → reportlab paragraph markup that prints it literally."""
    return escape("" if value is None else str(value))


@dataclass(frozen=True)
class Segment:
    """A piece of inline text with emphasis, for sentences that mix figures and words."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


def runs_markup(runs: Iterable[Any]) -> str:
    """Inline runs (content Markdown ``Run`` or :class:`Segment`, or plain strings) → escaped markup."""
    out: list[str] = []
    for run in runs:
        if isinstance(run, str):
            out.append(text(run))
            continue
        piece = text(run.text)
        if getattr(run, "italic", False):
            piece = f"<i>{piece}</i>"
        if getattr(run, "bold", False):
            piece = f"<b>{piece}</b>"
        link = getattr(run, "link", None)
        if link:
            piece = f"<a href={quoteattr(link)} underline=\"1\">{piece}</a>"
        out.append(piece)
    return "".join(out)


class SectionHeading(Paragraph):
    """A section's H1: a bookmark target, an outline entry and the running header's source."""

    def __init__(self, title: str, key: str, style, level: int = 0):
        super().__init__(text(title), style)
        self.title = title
        self.key = key
        self.level = level
        self.keepWithNext = 1

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkHorizontal(self.key, 0, self.height)  # the outline jumps to the heading, not the page
        canvas.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        super().draw()


def chart_sizes(scale: Any) -> dict[str, float]:
    """The chart text sizes, all from the theme's type scale (titles as table titles, the rest small)."""
    return dict(min_text_size=scale.small, text_size=scale.small, title_size=scale.h3,
                subtitle_size=scale.small, source_size=scale.small)


ANNEX_KEY = "data_tables"


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


@dataclass(frozen=True)
class Tile:
    """A big-number tile: the value, what it measures, its direction in words and its period."""

    value: str
    label: str
    detail: str = ""
    icon: str | None = None       # a pictogram name from snareport.layout.pictograms (decoration)


class Tagging(Protocol):
    """What the door asks of the tagging layer (render's ``DocumentTagger``)."""

    def tag(self, flowable: Flowable, role: str, **attributes: Any) -> Flowable: ...

    def artifact(self, canvas: Any, pagination: str | None = None) -> contextlib.AbstractContextManager: ...


class Door:
    """Makes every flowable of the report from one theme; the only place styles and escaping live."""

    def __init__(self, theme: Theme, tagger: Tagging | None = None):
        self.theme = theme
        self.styles: Styles = build_styles(theme)
        self.tagger = tagger
        page = theme.page
        width, height = page.trim_size
        self.frame_width = width - (page.margin_left_mm + page.margin_right_mm) * MM
        self.colour = {name: HexColor(value) for name, value in theme.colours.model_dump().items()}
        self._keys: dict[str, int] = {}
        self.depth = 0                      # 1 while a section is built inside a chapter (headings one level down)
        self.annex: list[AnnexTable] = []   # tables printed in the data annex, in the order sections gave them
        self.contents_listing: Any = None   # the contents list (its recorded pages number the findings)

    # --- tagging hook ---------------------------------------------------------------------------
    def _emit(self, flowable: Flowable, role: str, **attributes: Any) -> Flowable:
        if self.tagger is not None:
            return self.tagger.tag(flowable, role, **attributes)
        return flowable

    def artifact(self, canvas: Any, pagination: str | None = None) -> contextlib.AbstractContextManager:
        """Context in which page furniture (backgrounds, rules, running header/footer) is drawn;
        ``pagination`` ("Header" or "Footer") says it is a running head or foot."""
        if self.tagger is not None:
            return self.tagger.artifact(canvas, pagination)
        return contextlib.nullcontext()

    # --- headings -------------------------------------------------------------------------------
    def section_heading(self, title: str, key: str, level: int = 0) -> Flowable:
        """A chapter's H1 (``level`` 0) or a section's H2 inside a chapter (``level`` 1): bookmark,
        outline entry, contents entry and running header."""
        style = self.styles.h1 if level == 0 else self.styles.h2
        return self._emit(SectionHeading(title, key, style, level=level), f"H{level + 1}", title=title)

    def part_heading(self, title: str, style: str = "h2", level: int = 2, section: bool = True) -> Flowable:
        """A heading in a style of its own, without an outline or contents entry; ``section`` opens a
        part of its own in the structure (the back cover)."""
        p = Paragraph(text(title), getattr(self.styles, style))
        p.keepWithNext = 1
        return self._emit(p, f"H{level}", section=section)

    @contextlib.contextmanager
    def nested(self):
        """Headings made inside are one level further down (a section inside a chapter)."""
        self.depth += 1
        try:
            yield self
        finally:
            self.depth -= 1

    def h2(self, title: str) -> Flowable:
        level = 2 + self.depth
        p = Paragraph(text(title), self.styles.h2 if level == 2 else self.styles.h3)
        p.keepWithNext = 1
        return self._emit(p, f"H{level}")

    def h3(self, title: str) -> Flowable:
        p = Paragraph(text(title), self.styles.h3)
        p.keepWithNext = 1
        return self._emit(p, f"H{3 + self.depth}")

    # --- text -----------------------------------------------------------------------------------
    def para(self, value: str, style: str = "body") -> Flowable:
        """Plain text, printed literally."""
        return self._emit(Paragraph(text(value), getattr(self.styles, style)), "P")

    def rich(self, runs: Iterable[Any], style: str = "body") -> Flowable:
        """Inline runs with bold/italic/links (content ``Run``s, :class:`Segment`s or strings)."""
        return self._emit(Paragraph(runs_markup(runs), getattr(self.styles, style)), "P")

    def note(self, value: str) -> Flowable:
        return self._emit(Paragraph(text(value), self.styles.note), "P")

    def bullets(self, items: Sequence[Iterable[Any]], numbered: bool = False, start: int = 1,
                style_name: str = "bullet") -> Flowable:
        """A list whose items are inline runs (or plain strings)."""
        style = getattr(self.styles, style_name)
        if not items:
            return Spacer(0, 0)
        entries = [ListItem(Paragraph(runs_markup([i] if isinstance(i, str) else i), style)) for i in items]
        kind = dict(bulletType="1", start=start, bulletFormat="%s.") if numbered else dict(
            bulletType="bullet", start="\u2022")
        lst = ListFlowable(entries, leftIndent=style.fontSize * 1.3, bulletFontName=self.styles.faces.regular,
                           bulletFontSize=style.fontSize,
                           bulletColor=style.textColor if style_name.startswith("on_dark") else self.colour["accent"],
                           spaceAfter=style.spaceAfter * 2, **kind)
        return self._emit(lst, "L", numbered=numbered)

    def markdown(self, rich_text: Any, style: str = "body") -> list[Flowable]:
        """Content Markdown (``RichText`` blocks) → paragraphs and lists, every character literal."""
        out: list[Flowable] = []
        for block in getattr(rich_text, "blocks", []) or []:
            if block.kind == "paragraph":
                out.append(self.rich(block.runs, style))
            elif block.kind == "bullets":
                out.append(self.bullets(block.items))
            else:
                out.append(self.bullets(block.items, numbered=True, start=block.start))
        return out

    def term(self, value: str) -> Flowable:
        """A glossary term, kept with its definition: every term one heading level under its section."""
        p = Paragraph(text(value), self.styles.term)
        p.keepWithNext = 1
        return self._emit(p, "H2")

    def factor_levels(self, levels: Sequence[tuple[str, Sequence[str], Sequence[str]]]) -> Flowable:
        """Three-level diagram: each level (individual → community) with its risk and protective factors."""
        s = self.styles
        header = [Paragraph("Level", s.cell_head), Paragraph("Risk factors", s.cell_head),
                  Paragraph("Protective factors", s.cell_head)]
        rows: list[list[Any]] = [header]
        for label, risk, protective in levels:   # the level heads its row; each cell's factors are a real list
            rows.append([Paragraph(text(label), s.level),
                         self.bullets(list(risk), style_name="cell_bullet"),
                         self.bullets(list(protective), style_name="cell_bullet")])
        w = self.frame_width
        table = Table(rows, colWidths=[0.18 * w, 0.41 * w, 0.41 * w], hAlign="LEFT", repeatRows=1)
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 1), (0, -1), "MIDDLE"),
                    ("LINEBELOW", (1, 0), (-1, 0), 1.2, self.colour["primary"]),
                    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8)]
        for r in range(1, len(rows)):
            commands += [("BACKGROUND", (0, r), (0, r), self.colour["primary"]),
                         ("BACKGROUND", (1, r), (1, r), self.colour["tint"]),
                         ("BACKGROUND", (2, r), (2, r), self.colour["tint_strong"]),
                         ("LINEBELOW", (0, r), (-1, r), 3, self.colour["background"])]
        table.setStyle(TableStyle(commands))
        table.spaceAfter = 10
        return self._emit(table, "Table", header_rows=1, header_columns=1)

    def quote(self, value: str, credit: str = "", width: float | None = None) -> Flowable:
        """A pull quote: italic text in the accent colour beside an accent rule."""
        words = value.strip().strip("\u201c\u201d\" ")
        cells: list[Flowable] = [Paragraph(text("\u201c" + words + "\u201d"), self.styles.quote)]
        if credit:
            cells.append(Paragraph(text(credit), self.styles.quote_credit))
        table = Table([[cells]], colWidths=[width or self.frame_width])
        table.setStyle(TableStyle([
            ("LINEBEFORE", (0, 0), (0, 0), 3, self.colour["accent"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        table.spaceAfter = 8
        return self._emit(table, "BlockQuote")

    # --- tables ---------------------------------------------------------------------------------
    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool] | None = None,
              widths: Sequence[float] | None = None, caption: str = "", compact: bool = False,
              source: str | None = None) -> list[Flowable]:
        """A data table: header row repeated on a new page, numeric columns right-aligned, fits the frame.

        ``widths`` are fractions of the frame width (default: first column wider, the rest equal);
        ``source`` ("Source: …", from ``layout._charts.source_line``) is printed under the table.
        """
        n = len(header)
        numeric = list(numeric) if numeric is not None else [False] + [True] * (n - 1)
        if widths is None:
            first = 0.4 if n > 1 else 1.0
            widths = [first] + [(1 - first) / (n - 1)] * (n - 1) if n > 1 else [1.0]
        col_widths = [w * self.frame_width for w in widths]
        s = self.styles
        data = [[Paragraph(text(h), s.cell_head_number if numeric[i] else s.cell_head)
                 for i, h in enumerate(header)]]
        for row in rows:
            data.append([Paragraph(text(v), s.cell_number if numeric[i] else s.cell) for i, v in enumerate(row)])
        table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, self.colour["primary"]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, self.colour["rule"]),
            ("BACKGROUND", (0, 0), (-1, 0), self.colour["tint"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 2 if compact else 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 if compact else 4),
        ]))
        table.spaceAfter = 4
        out: list[Flowable] = []
        if caption:
            cap = Paragraph(text(caption), s.h3)
            cap.keepWithNext = 1
            out.append(self._emit(cap, "Caption"))
        # a first column of labels (districts, offence groups, organisations) heads its row
        out.append(self._emit(table, "Table", header_rows=1, header_columns=0 if numeric[0] else 1))
        if any(fmt.SUPPRESSED in str(v) for row in rows for v in row):
            out.append(self.note(fmt.SUPPRESSED_KEY))      # the key sits right under the table
        if source:
            out.append(self.note(source))
        return out

    def annex_table(self, header: Sequence[str], rows: Sequence[Sequence[str]], caption: str,
                    numeric: Sequence[bool] | None = None, widths: Sequence[float] | None = None,
                    source: str | None = None) -> list[Flowable]:
        """A table whose figures a chart beside it already shows: printed in the data annex (with its
        ``source`` under it), with a linked pointer here so every value stays available as text."""
        number = len(self.annex) + 1
        self.annex.append(AnnexTable(number, caption, tuple(header), tuple(tuple(r) for r in rows),
                                     tuple(numeric) if numeric is not None else None,
                                     tuple(widths) if widths is not None else None, source))
        return [self.rich(["The figures: ", Segment(f"table A{number}", link=f"#{ANNEX_KEY}"),
                           " in the data tables."], "muted")]

    # --- figures --------------------------------------------------------------------------------
    @property
    def chart_style(self) -> Any:
        """The charts' style from the theme: our embedded font, palette, text colours and column width."""
        if getattr(self, "_chart_style", None) is None:
            from snareport.charts import ChartStyle

            c = self.theme.colours
            regular, bold, _, _ = self.theme.font_paths()
            self._chart_style = ChartStyle(
                font_name=self.styles.faces.regular, bold_font_name=self.styles.faces.bold,
                font_path=regular, bold_font_path=bold,
                palette=tuple(self.theme.palette), text_colour=c.text, secondary_text_colour=c.muted,
                width=self.frame_width, bar_row_height=12.5, height=225, **chart_sizes(self.theme.type_scale))
        return self._chart_style

    def chart(self, chart: Flowable) -> list[Flowable]:
        """A chart made by ``snareport.charts`` (title, vector drawing, source), tagged as a figure."""
        return [self._emit(chart, "Figure", alt=getattr(chart, "alt_text", "")), Spacer(1, 10)]

    def tile_columns(self, tiles: Sequence[Tile], columns: int | None = None) -> int:
        """How many tiles a row holds: as asked, else as many as fit (up to four) without an orphan
        (a last row holding a single tile) and without shrinking a number below the h1 size."""
        n = len(tiles)
        if columns is not None:
            return max(1, min(columns, n))
        for c in (4, 3, 2):
            if c > n or (n % c == 1 and c != n):
                continue
            if all(self._tile_value_size(t.value, self._tile_width(c)) >= self.theme.type_scale.h1 for t in tiles):
                return c
        return 1 if n == 1 else 2 if n % 2 == 0 or n % 3 == 1 else 3

    def _tile_width(self, columns: int) -> float:
        return (self.frame_width - 4 * MM * (columns - 1)) / columns - 20   # less the tile's padding

    def _tile_value_size(self, value: str, width: float) -> float:
        """The largest size of the type scale (display, h1, h2, …) at which ``value`` fits on one line."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        scale = self.theme.type_scale
        for size in (scale.display, scale.h1, scale.h2, scale.h3, scale.body):
            if stringWidth(value, self.styles.faces.bold, size) <= width:
                return size
        return scale.body

    def tiles(self, tiles: Sequence[Tile], columns: int | None = None) -> Flowable:
        """Big-number tiles in a grid: value, what it measures and its direction/period in words.

        A value never wraps: it steps down the theme's type scale until it fits its tile."""
        if not tiles:  # e.g. every tile withheld by disclosure control
            return Spacer(1, 0)
        columns = self.tile_columns(tiles, columns)
        s = self.styles
        gap = 4 * MM
        width = (self.frame_width - gap * (columns - 1)) / columns
        size = min(self._tile_value_size(t.value, self._tile_width(columns)) for t in tiles)  # one size per grid
        value_style = s.tile_value.clone("tile_value_fitted", fontSize=size, leading=size * 1.15)
        cells = [([Pictogram(t.icon, self)] if t.icon else [])
                 + [Paragraph(text(t.value), value_style), Paragraph(runs_markup([t.label]), s.tile_label)]
                 + ([Paragraph(text(t.detail), s.muted)] if t.detail else []) for t in tiles]
        rows: list[list[Any]] = []
        heights: list[float | None] = []
        tile_rows: list[int] = []
        for i in range(0, len(cells), columns):
            if rows:
                rows.append([""] * (2 * columns - 1))       # a gap between rows of tiles
                heights.append(gap)
            row: list[Any] = []
            for j in range(columns):
                if j:
                    row.append("")
                row.append(cells[i + j] if i + j < len(cells) else "")
            tile_rows.append(len(rows))
            rows.append(row)
            heights.append(None)
        col_widths = []
        for j in range(columns):
            if j:
                col_widths.append(gap)
            col_widths.append(width)
        table = Table(rows, colWidths=col_widths, rowHeights=heights, hAlign="LEFT")
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10), ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10)]
        for n, r in enumerate(tile_rows):
            for j in range(columns):
                col = j * 2
                if n * columns + j < len(tiles):
                    commands += [("BACKGROUND", (col, r), (col, r), self.colour["tint"]),
                                 ("LINEABOVE", (col, r), (col, r), 3, self.colour["accent"])]
        table.setStyle(TableStyle(commands))
        table.spaceAfter = 10
        return self._emit(table, "Table", layout=True)

    def short_items_in_columns(self, items: Sequence[Any], build: Any, min_items: int = 6,
                               max_chars: int = 90) -> list[Flowable]:
        """Many short items (list entries, quotes) in two columns, reading down the left then the right;
        ``build(items, width)`` makes one column's flowables. Fewer or longer items stay in one column."""
        def length(item: Any) -> int:
            return len(item) if isinstance(item, str) else sum(len(getattr(r, "text", str(r))) for r in item)

        if len(items) < min_items or any(length(i) > max_chars for i in items):
            return build(list(items), self.frame_width)
        half = (len(items) + 1) // 2
        width = (self.frame_width - 6 * MM) / 2
        return [self.side_by_side(build(list(items[:half]), width), build(list(items[half:]), width))]

    def side_by_side(self, left: list[Flowable], right: list[Flowable], split: float = 0.5) -> Flowable:
        """Two blocks of flowables next to each other (a layout grid, not a data table)."""
        gap = 6 * MM
        w_left = (self.frame_width - gap) * split
        table = Table([[left, "", right]], colWidths=[w_left, gap, self.frame_width - gap - w_left],
                      hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return self._emit(table, "Table", layout=True)

    def boxed(self, flowables: list[Flowable], fill: str = "tint") -> Flowable:
        """A tinted panel around a few flowables (call-outs)."""
        table = Table([[flowables]], colWidths=[self.frame_width], hAlign="LEFT")
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), self.colour[fill]),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                                   ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        table.spaceAfter = 10
        return self._emit(table, "Table", layout=True)

    # --- spacing --------------------------------------------------------------------------------
    @staticmethod
    def space(points: float) -> Flowable:
        return Spacer(1, points)

    @staticmethod
    def new_page() -> Flowable:
        return PageBreak()

    @staticmethod
    def keep_space(points: float) -> Flowable:
        """Start a new page unless ``points`` of space are left on this one."""
        return CondPageBreak(points)

    @staticmethod
    def keep(flowables: list[Flowable]) -> Flowable:
        return KeepTogether(flowables)

