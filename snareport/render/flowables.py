"""Blocks (what is on the pages) → styled, escaped, tagged reportlab flowables.

Every flowable the report draws is made here from a block of :mod:`snareport.layout.blocks`, so styles,
escaping of user text and PDF tagging live in one place. ``tagger`` is the tagging layer (a
``DocumentTagger``) or None for an untagged PDF: every flowable is passed through
``tagger.tag(flowable, role, **attributes)`` with its structure role (``H1``, ``P``, ``L``, ``Table``,
``Figure``, ``BlockQuote``, ``TOC``), and page furniture is drawn inside ``artifact(canvas)``.
"""
from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)

from snareport.layout import blocks as b
from snareport.layout.builder import text_width
from snareport.render.contents import ContentsFlowable
from snareport.render.key_findings import KeyFindingsFlowable
from snareport.render.logos import PartnerLogos
from snareport.render.markup import runs_markup, text
from snareport.render.paragraphs import ReportParagraph as Paragraph
from snareport.render.pictograms import Pictogram
from snareport.render.styles import Styles, build_styles
from snareport.render.tagging import DocumentTagger
from snareport.render.tagging.tagged_flowables import TaggedParagraph, TaggedTable
from snareport.theme import MM, Theme


class SectionHeading(TaggedParagraph):
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


class FlowableMaker:
    """Turns one theme's blocks into flowables; the only place styles and escaping live."""

    def __init__(self, theme: Theme, tagger: DocumentTagger | None = None):
        self.theme = theme
        self.styles: Styles = build_styles(theme)
        self.tagger = tagger
        self.frame_width = text_width(theme)
        self.colour = {name: HexColor(value) for name, value in theme.colours.model_dump().items()}
        self.contents_listing: ContentsFlowable | None = None   # made from the Contents block
        # where the charts' drawings come from when recorded elsewhere (render.chart_process): given a Figure
        # block, its drawing or None (then it is recorded here, when first drawn)
        self.drawings: Callable[[b.Figure], Any] | None = None
        self._chart_style: Any = None

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

    def _table_style(self, commands: list[Any]) -> TableStyle:
        """A table's style, its plain-text cells in our embedded family (never reportlab's Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.styles.faces.regular), *commands])

    # --- blocks → flowables ---------------------------------------------------------------------
    def flowables(self, blocks: Sequence[b.Block], width: float | None = None) -> list[Flowable]:
        """The flowables of ``blocks``, in order (``width``: the column they sit in, if not the page's)."""
        return [self.flowable(block, width) for block in blocks]

    def flowable(self, block: b.Block, width: float | None = None) -> Flowable:
        """The flowable of one block; a quote or a pair of columns is as wide as the column it sits in."""
        if isinstance(block, b.Quote):
            return self._quote(block, width)
        if isinstance(block, b.Columns):
            return self._columns(block, width)
        makers: dict[type, Callable[[Any], Flowable]] = {
            b.Heading: self._heading, b.Paragraph: self._paragraph, b.BulletList: self._bulletlist,
            b.FactorTable: self._factortable, b.Caption: self._caption, b.Table: self._table,
            b.Figure: self._figure, b.Tiles: self._tiles, b.Panel: self._panel, b.KeepTogether: self._keeptogether,
            b.Contents: self._contents, b.KeyFindings: self._keyfindings, b.Logos: self._logos,
            b.Space: self._space, b.PageBreak: self._pagebreak, b.NextPageTemplate: self._nextpagetemplate,
            b.NextFrame: self._nextframe, b.KeepSpace: self._keepspace,
        }
        make = makers.get(type(block))
        if make is None:
            raise TypeError(f"no flowable for {type(block).__name__}")
        return make(block)

    # --- headings -------------------------------------------------------------------------------
    def _heading(self, h: b.Heading) -> Flowable:
        style = getattr(self.styles, h.style)
        if h.key is not None:     # a chapter's or section's heading: bookmark, outline, contents, running head
            return self._emit(SectionHeading(h.text, h.key, style, level=h.outline_level), f"H{h.level}",
                              title=h.text)
        p = TaggedParagraph(text(h.text), style)
        p.keepWithNext = 1
        return self._emit(p, f"H{h.level}", section=h.opens_part)

    # --- text -----------------------------------------------------------------------------------
    def _paragraph(self, p: b.Paragraph) -> Flowable:
        para = TaggedParagraph(runs_markup(p.runs), getattr(self.styles, p.style))
        if p.keep_with_next:
            para.keepWithNext = 1
        return self._emit(para, "P")

    def _bulletlist(self, lst: b.BulletList) -> Flowable:
        style = getattr(self.styles, lst.style)
        entries = [ListItem(Paragraph(runs_markup(i), style)) for i in lst.items]
        kind = dict(bulletType="1", start=lst.start, bulletFormat="%s.") if lst.numbered else dict(
            bulletType="bullet", start="\u2022")
        flowable = ListFlowable(entries, leftIndent=style.fontSize * 1.3, bulletFontName=self.styles.faces.regular,
                                bulletFontSize=style.fontSize,
                                bulletColor=style.textColor if lst.style.startswith("on_dark") else self.colour["accent"],
                                spaceAfter=style.spaceAfter * 2, **kind)
        return self._emit(flowable, "L", numbered=lst.numbered)

    def _factortable(self, f: b.FactorTable) -> Flowable:
        """Three-level diagram: each level (individual → community) with its risk and protective factors."""
        s = self.styles
        # each level heads two rows, its risk and its protective factors, so the table reads in a column; the
        # row headers say what each list is, so there is no header row (no more header cells than data cells)
        rows: list[list[Any]] = []
        fills = []
        for label, risk, protective in f.levels:   # the row header names the level and the kind of factor
            for kind, factors, fill in (("risk factors", risk, "tint"), ("protective factors", protective, "tint_strong")):
                if not factors:
                    continue
                rows.append([Paragraph(text(f"{label}: {kind}"), s.level),
                             self._bulletlist(b.BulletList(tuple((x,) for x in factors), style="cell_bullet"))])
                fills.append(fill)
        table = TaggedTable(rows, colWidths=["34%", "66%"], hAlign="LEFT")
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6)]
        for r, fill in enumerate(fills):
            commands += [("BACKGROUND", (0, r), (0, r), self.colour["primary"]),
                         ("BACKGROUND", (1, r), (1, r), self.colour[fill]),
                         ("LINEBELOW", (0, r), (-1, r), 3, self.colour["background"])]
        table.setStyle(self._table_style(commands))
        table.spaceAfter = 10
        return self._emit(table, "Table", header_rows=0, header_columns=1)

    def _quote(self, q: b.Quote, width: float | None = None) -> Flowable:
        """A pull quote: italic text in the accent colour beside an accent rule."""
        words = q.text.strip().strip("\u201c\u201d\" ")
        cells: list[Flowable] = [Paragraph(text("\u201c" + words + "\u201d"), self.styles.quote)]
        if q.credit:
            cells.append(Paragraph(text(q.credit), self.styles.quote_credit))
        table = TaggedTable([[cells]], colWidths=[width or "100%"])      # the frame's (or column's) width
        table.setStyle(self._table_style([
            ("LINEBEFORE", (0, 0), (0, 0), 3, self.colour["accent"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        table.spaceAfter = 8
        return self._emit(table, "BlockQuote")

    # --- tables ---------------------------------------------------------------------------------
    def _caption(self, c: b.Caption) -> Flowable:
        cap = TaggedParagraph(text(c.text), self.styles.h3)
        cap.keepWithNext = 1
        return self._emit(cap, "Caption")

    def _table(self, t: b.Table) -> Flowable:
        """A data table: header row repeated on a new page, numeric columns right-aligned, fits the frame."""
        numeric = t.numeric
        col_widths = [w * self.frame_width for w in t.widths]
        s = self.styles
        data = [[Paragraph(text(h), s.cell_head_number if numeric[i] else s.cell_head)
                 for i, h in enumerate(t.header)]]
        for row in t.rows:
            data.append([Paragraph(text(v), s.cell_number if numeric[i] else s.cell) for i, v in enumerate(row)])
        table = TaggedTable(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(self._table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, self.colour["primary"]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, self.colour["rule"]),
            ("BACKGROUND", (0, 0), (-1, 0), self.colour["tint"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 2 if t.compact else 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 if t.compact else 4),
        ]))
        table.spaceAfter = 4
        if t.keep_with_next:
            table.keepWithNext = 1
        # a first column of labels (districts, offence groups, organisations) heads its row
        return self._emit(table, "Table", header_rows=1, header_columns=0 if numeric[0] else 1)

    # --- figures --------------------------------------------------------------------------------
    @property
    def chart_style(self) -> Any:
        """The charts' style from the theme: our embedded font, palette, text colours and column width."""
        if self._chart_style is None:
            from snareport.charts import ChartStyle

            c = self.theme.colours
            regular, bold, _, _ = self.theme.font_paths()
            self._chart_style = ChartStyle(
                font_name=self.styles.faces.regular, bold_font_name=self.styles.faces.bold,
                font_path=regular, bold_font_path=bold,
                palette=tuple(self.theme.palette), text_colour=c.text, secondary_text_colour=c.muted,
                highlight_colour=c.chart_focus, muted_colour=c.chart_muted,
                width=self.frame_width, bar_row_height=12.5, height=225, **chart_sizes(self.theme.type_scale))
        return self._chart_style

    def chart(self, f: b.Figure) -> Any:
        """The ChartFlowable of a Figure block, made by ``snareport.charts`` (title, vector drawing, source);
        its drawing is recorded when first drawn, or taken from ``drawings``."""
        module, name = f.chart.rsplit(".", 1)
        draw = getattr(importlib.import_module(f"snareport.charts.{module}"), name)
        kwargs = f.arguments()
        size = kwargs.get("style")
        if isinstance(size, b.ChartSize):   # the section's box, in the theme's fonts and colours
            kwargs["style"] = self.chart_style.model_copy(update={"width": size.width, "height": size.height})
        return draw(*f.args, **kwargs)

    def _figure(self, f: b.Figure) -> Flowable:
        """The chart, tagged as a figure."""
        chart = self.chart(f)
        if self.drawings is not None:
            chart.record_from(partial(self.drawings, f))
        return self._emit(chart, "Figure", alt=getattr(chart, "alt_text", ""))

    def tile_columns(self, tiles: Sequence[b.Tile], columns: int | None = None) -> int:
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

    def _tiles(self, block: b.Tiles) -> Flowable:
        """Big-number tiles in a grid: value, what it measures and its direction/period in words.

        A value never wraps: it steps down the theme's type scale until it fits its tile."""
        tiles = block.tiles
        columns = self.tile_columns(tiles, block.columns)
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
        table = TaggedTable(rows, colWidths=col_widths, rowHeights=heights, hAlign="LEFT")
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10), ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10)]
        for n, r in enumerate(tile_rows):
            for j in range(columns):
                col = j * 2
                if n * columns + j < len(tiles):
                    commands += [("BACKGROUND", (col, r), (col, r), self.colour["tint"]),
                                 ("LINEABOVE", (col, r), (col, r), 3, self.colour["accent"])]
        table.setStyle(self._table_style(commands))
        table.spaceAfter = 10
        return self._emit(table, "Table", layout=True)

    # --- grids and groups -----------------------------------------------------------------------
    def _columns(self, c: b.Columns, width: float | None = None) -> Flowable:
        """Two groups of flowables next to each other (a layout grid, not a data table)."""
        gap = 6 * MM
        w_left = (self.frame_width - gap) * c.split
        w_right = self.frame_width - gap - w_left
        left, right = self.flowables(c.left, w_left), self.flowables(c.right, w_right)
        table = TaggedTable([[left, "", right]], colWidths=[w_left, gap, w_right], hAlign="LEFT")
        table.setStyle(self._table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return self._emit(table, "Table", layout=True)

    def _panel(self, p: b.Panel) -> Flowable:
        """A tinted panel around a few flowables (call-outs)."""
        table = TaggedTable([[self.flowables(p.blocks)]], colWidths=["100%"], hAlign="LEFT")   # the frame's width
        table.setStyle(self._table_style([("BACKGROUND", (0, 0), (-1, -1), self.colour[p.fill]),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                                   ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        table.spaceAfter = 10
        return self._emit(table, "Table", layout=True)

    def _keeptogether(self, k: b.KeepTogether) -> Flowable:
        return KeepTogether(self.flowables(k.blocks))

    # --- contents, findings, logos --------------------------------------------------------------
    def _contents(self, c: b.Contents) -> Flowable:
        listing = ContentsFlowable([(k, t) for k, t, _ in c.entries], self, {k: lv for k, _, lv in c.entries})
        self.contents_listing = listing
        return self._emit(listing, "TOC")

    def _keyfindings(self, k: b.KeyFindings) -> Flowable:
        return self._emit(KeyFindingsFlowable(self, k.findings, k.area), "TOC")

    def _logos(self, logos: b.Logos) -> Flowable:
        return PartnerLogos(self, list(logos.files))

    # --- spacing and pages ----------------------------------------------------------------------
    @staticmethod
    def _space(s: b.Space) -> Flowable:
        return Spacer(1, s.points)

    @staticmethod
    def _pagebreak(p: b.PageBreak) -> Flowable:
        return PageBreak(nextTemplate=p.template) if p.template else PageBreak()

    @staticmethod
    def _nextpagetemplate(n: b.NextPageTemplate) -> Flowable:
        return NextPageTemplate(n.template)

    @staticmethod
    def _nextframe(n: b.NextFrame) -> Flowable:
        return FrameBreak()

    @staticmethod
    def _keepspace(k: b.KeepSpace) -> Flowable:
        """Start a new page unless ``points`` of space are left on this one."""
        return CondPageBreak(k.points)
