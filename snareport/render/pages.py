"""Theme × report metadata → the document template: cover, inner and back-cover pages with their furniture.

Inner pages carry a running header (the current section's title, the report's scope and the protective
marking) and a footer (partnership name, marking, "Page X of Y"). Page totals and contents page numbers
settle with ``multiBuild``, normally in two passes.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Frame, PageBreak, PageTemplate, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from snareport.render.flowables import FlowableMaker, SectionHeading
from snareport.render.keep import KeepHeadingWithStart
from snareport.render.logos import draw_logo_file
from snareport.render.multibuild import TwoPassDocTemplate
from snareport.theme import MM

_NOT_CONTENT = (PageBreak, CondPageBreak, Spacer, ActionFlowable)


#: values a deep copy shares rather than copies (it returns these objects themselves)
_SHARED_BY_DEEP_COPY = (int, float, str, bool, type(None))


class ReportFrame(Frame):
    """reportlab's Frame, deep-copied in one step.

    Platypus measures every kept-together group (a heading and what it keeps with) on a deep copy of the
    current frame, so that whatever the group's wrapping adds to the frame lands on the copy: a few hundred
    copies a document. A frame holds numbers and strings, which a deep copy shares anyway, and a list of
    backgrounds; ``copy.deepcopy`` visits them one by one, here only the list is copied. The copy is the same.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> ReportFrame:
        new = self.__class__.__new__(self.__class__)
        memo[id(self)] = new
        new.__dict__.update({name: value if type(value) in _SHARED_BY_DEEP_COPY else copy.deepcopy(value, memo)
                             for name, value in self.__dict__.items()})
        return new


@dataclass(frozen=True)
class PageText:
    """The words the page furniture prints (all from the Report, never computed here)."""

    partnership: str
    scope_label: str
    marking: str
    title: str


class PageCount(Flowable):
    """The story's one indexing flowable: remembers the previous pass's page total, and relays the
    multiBuild protocol to ``others`` (the contents list), which may be wrapped by the tagging layer
    where multiBuild could not see them."""

    def __init__(self, others: list[Any] | None = None) -> None:
        super().__init__()
        self.previous: int | None = None
        self.current: int | None = None
        self.others = list(others or [])
        self.width = self.height = 0

    def isIndexing(self) -> int:
        return 1

    def beforeBuild(self) -> None:
        self.previous, self.current = self.current, None
        for other in self.others:
            other.beforeBuild()

    def afterBuild(self) -> None:
        for other in self.others:
            other.afterBuild()

    def isSatisfied(self) -> bool:
        mine = self.previous is not None and self.previous == self.current
        return mine and all(other.isSatisfied() for other in self.others)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class ReportDocTemplate(TwoPassDocTemplate):
    """A4 report with cover, inner and back templates; tracks sections for contents and headers."""

    def __init__(self, target: Any, maker: FlowableMaker, page_text: PageText, page_count: PageCount,
                 contents: Any = None, **metadata: Any):
        theme = maker.theme
        width, height = theme.page.trim_size
        bleed = theme.page.bleed_mm * MM
        self.maker = maker
        self.page_text = page_text
        self.page_count = page_count
        self.contents = contents
        self.bleed = bleed
        self.trim = (width, height)
        g = theme.page
        metadata.setdefault("keepTogetherClass", KeepHeadingWithStart)  # a heading keeps to its text's start
        if bleed:  # print bleed: the trim box sits inside the larger media/bleed box
            metadata.setdefault("trimBox", (bleed, bleed, bleed + width, bleed + height))
            metadata.setdefault("bleedBox", (0, 0, width + 2 * bleed, height + 2 * bleed))
        super().__init__(target, pagesize=(width + 2 * bleed, height + 2 * bleed),
                         leftMargin=g.margin_left_mm * MM + bleed, rightMargin=g.margin_right_mm * MM + bleed,
                         topMargin=g.margin_top_mm * MM + bleed, bottomMargin=g.margin_bottom_mm * MM + bleed,
                         initialFontName=maker.styles.faces.regular, **metadata)
        self._section: str = ""
        self._page_top_section: str = ""
        self._page_has_content = False
        self.addPageTemplates(self._templates())

    # --- templates ------------------------------------------------------------------------------
    def _templates(self) -> list[PageTemplate]:
        b = self.bleed
        width, height = self.trim
        inner = ReportFrame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        band_h = height * self.maker.theme.cover.band_height_ratio
        cover_band = ReportFrame(self.leftMargin, b + height - band_h + 14 * MM, self.width, band_h - 64 * MM,
                           id="cover_band", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover_foot = ReportFrame(self.leftMargin, self.bottomMargin, self.width, height - band_h - 34 * MM,
                           id="cover_foot", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        back = ReportFrame(self.leftMargin, b + height * 0.18, self.width, height * 0.55, id="back",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [
            PageTemplate("cover", [cover_band, cover_foot], onPage=self._draw_cover, onPageEnd=self._end_page),
            PageTemplate("inner", [inner], onPage=self._start_inner, onPageEnd=self._draw_inner),
            PageTemplate("columns", self._column_frames(2), onPage=self._start_inner, onPageEnd=self._draw_inner),
            PageTemplate("back", [back], onPage=self._draw_back, onPageEnd=self._end_page),
        ]

    def _column_frames(self, n: int) -> list[Frame]:
        gap = 8 * MM
        width = (self.width - gap * (n - 1)) / n
        return [ReportFrame(self.leftMargin + i * (width + gap), self.bottomMargin, width, self.height, id=f"column{i}",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0) for i in range(n)]

    # --- bookkeeping ----------------------------------------------------------------------------
    def beforeDocument(self) -> None:
        self._section = self._page_top_section = ""
        self._section_key = ""
        self._page_has_content = False

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _NOT_CONTENT):
            return
        heading = flowable if isinstance(flowable, SectionHeading) else None
        if heading is not None:
            self._section, self._section_key = heading.title, heading.key
            if not self._page_has_content:
                self._page_top_section = heading.title
            if self.contents is not None:
                self.contents.record(heading.key, self.page)
        self._page_has_content = True

    def _end_page(self, canvas: Any, doc: Any) -> None:
        self.page_count.current = self.page

    def _start_inner(self, canvas: Any, doc: Any) -> None:
        self._page_top_section = self._section
        self._page_has_content = False

    # --- furniture ------------------------------------------------------------------------------
    def _draw_inner(self, canvas: Any, doc: Any) -> None:
        self._end_page(canvas, doc)
        if self.layout_only:     # the first pass counts pages; only a drawn pass needs their furniture
            return
        d = self.maker
        s, t = d.styles, d.theme.type_scale
        width, height = self.trim
        b = self.bleed
        left, right = self.leftMargin, self.leftMargin + self.width
        top = b + height - d.theme.page.margin_top_mm * MM * 0.55
        bottom = b + d.theme.page.margin_bottom_mm * MM * 0.45
        total = self.page_count.previous
        page_label = f"Page {self.page} of {total}" if total else f"Page {self.page}"
        with d.artifact(canvas, pagination="Header"):
            canvas.saveState()
            # two header lines: the fixed scope and the marking (its one place on every page), then the
            # section's running title (kept short so it reads as a running head, not as hidden prose)
            canvas.setFillColor(d.colour["muted"])
            canvas.setFont(s.faces.bold, t.small)
            canvas.drawString(left, top + t.small * 1.3, self.page_text.scope_label)
            canvas.drawRightString(right, top + t.small * 1.3, self.page_text.marking)
            canvas.setFont(s.faces.regular, t.small)
            canvas.drawString(left, top, running_title(self._page_top_section))
            canvas.setStrokeColor(d.colour["rule"])
            canvas.setLineWidth(0.5)
            canvas.line(left, top - 5, right, top - 5)
            canvas.restoreState()
        with d.artifact(canvas, pagination="Footer"):
            canvas.saveState()
            canvas.setFillColor(d.colour["muted"])
            canvas.setStrokeColor(d.colour["rule"])
            canvas.setLineWidth(0.5)
            canvas.line(left, bottom + t.small + 4, right, bottom + t.small + 4)
            canvas.setFont(s.faces.regular, t.small)
            canvas.drawString(left, bottom, self.page_text.partnership)
            canvas.drawRightString(right, bottom, page_label)
            canvas.restoreState()

    def _draw_cover(self, canvas: Any, doc: Any) -> None:
        if self.layout_only:
            return
        d = self.maker
        theme = d.theme
        width, height = self.trim
        b = self.bleed
        page_w, page_h = width + 2 * b, height + 2 * b
        with d.artifact(canvas):
            canvas.saveState()
            if theme.cover.style == "band":
                band_h = height * theme.cover.band_height_ratio
                canvas.setFillColor(d.colour["primary"])
                canvas.rect(0, page_h - band_h - b, page_w, band_h + b, stroke=0, fill=1)
                if theme.cover.pattern == "arcs":
                    _draw_arcs(canvas, d, page_w, page_h - band_h - b, band_h + b)
                canvas.setFillColor(d.colour["accent"])
                canvas.rect(0, page_h - band_h - b - 3 * MM, page_w, 3 * MM, stroke=0, fill=1)
            else:
                canvas.setFillColor(d.colour["accent"])
                canvas.rect(self.leftMargin, page_h - b - 20 * MM, 30 * MM, 2 * MM, stroke=0, fill=1)
            if theme.cover.show_logo and theme.logo:
                size = 18 * MM
                draw_logo(canvas, d, self.leftMargin + 2 * MM, page_h - b - theme.page.margin_top_mm * MM - size, size,
                          on_dark=theme.cover.style == "band")
            canvas.restoreState()

    def _draw_back(self, canvas: Any, doc: Any) -> None:
        if self.layout_only:
            return
        d = self.maker
        width, height = self.trim
        b = self.bleed
        with d.artifact(canvas):
            canvas.saveState()
            canvas.setFillColor(d.colour["primary"])
            canvas.rect(0, 0, width + 2 * b, height + 2 * b, stroke=0, fill=1)
            canvas.setFillColor(d.colour["accent"])
            canvas.rect(0, b + height * 0.12, width + 2 * b, 2 * MM, stroke=0, fill=1)
            if d.theme.logo:
                size = 22 * MM
                draw_logo(canvas, d, self.leftMargin + 2 * MM, b + height - d.theme.page.margin_top_mm * MM - size, size,
                          on_dark=True)
            canvas.restoreState()


def running_title(title: str, max_words: int = 7) -> str:
    """A section title shortened for the running header: at most ``max_words`` words, then '…'."""
    words = title.split()
    return title if len(words) <= max_words else " ".join(words[:max_words]).rstrip(",;:–-") + "\u2026"


def draw_logo(canvas: Any, maker: FlowableMaker, x: float, y: float, size: float, on_dark: bool = False) -> None:
    """The theme's vector mark (shapes in a 100 × 100 box) at (x, y), ``size`` points square.

    ``on_dark`` puts it on a light tile so a mark drawn in the brand colour stays visible.
    """
    from reportlab.lib.colors import HexColor

    if on_dark:
        pad = size * 0.12
        canvas.setFillColor(maker.colour["on_primary"])
        canvas.roundRect(x - pad, y - pad, size + 2 * pad, size + 2 * pad, pad, stroke=0, fill=1)
    if isinstance(maker.theme.logo, str):
        draw_logo_file(canvas, maker, maker.theme.logo, x, y, size, size)
        return
    k = size / 100.0
    for shape in maker.theme.logo:
        canvas.setFillColor(HexColor(maker.theme.colours.role(shape.fill)))
        if shape.kind == "rect":
            canvas.rect(x + shape.x * k, y + shape.y * k, shape.width * k, shape.height * k, stroke=0, fill=1)
        elif shape.kind == "circle":
            canvas.circle(x + shape.cx * k, y + shape.cy * k, shape.r * k, stroke=0, fill=1)
        else:
            pts = shape.points
            path = canvas.beginPath()
            path.moveTo(x + pts[0] * k, y + pts[1] * k)
            for i in range(2, len(pts) - 1, 2):
                path.lineTo(x + pts[i] * k, y + pts[i + 1] * k)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)


def _draw_arcs(canvas: Any, maker: FlowableMaker, width: float, bottom: float, height: float) -> None:
    """Quiet concentric arcs in the band's lower right: texture without meaning."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(0, bottom, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setStrokeColor(maker.colour["on_primary"])
    canvas.setStrokeAlpha(0.08)
    canvas.setLineWidth(10)
    cx, cy = width * 0.95, bottom + height * 0.05
    for i in range(1, 9):
        canvas.circle(cx, cy, 40 * i, stroke=1, fill=0)
    canvas.restoreState()
