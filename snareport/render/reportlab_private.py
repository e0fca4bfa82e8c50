"""Every use of reportlab's private names, in one place, for the reportlab versions pyproject pins.

reportlab has no tagging API, so PDF/UA marked content needs a few of its internals: the page's content
stream as it is written (to number a marked-content sequence once it is known to paint), the page's link
annotations, the current transformation matrix, a table's cells, spans and render callback, a list's
items and their bullet/indent parts, and the height of a group of flowables. Nothing here assigns to a
reportlab class or module; tests/test_reportlab_private.py fails if any name used here changes.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import reportlab
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import ListFlowable, Table
from reportlab.platypus.flowables import LIIndenter, _listWrapOn

#: the reportlab versions this module was written against (pyproject pins the same range)
SUPPORTED = ((5, 1), (5, 2))


def version() -> tuple[int, int]:
    major, minor = reportlab.Version.split(".")[:2]
    return int(major), int(minor)


# ── canvas ───────────────────────────────────────────────────────────────────────────────────────


def content_stream(canv: Any) -> list[str]:
    """The current page's content-stream chunks as the canvas writes them (``addLiteral`` appends)."""
    return canv._code


def annotation_refs(canv: Any) -> list[Any]:
    """References to the current page's annotations, in the order they were made."""
    return getattr(canv, "_annotationrefs", None) or []


def annotation_object(canv: Any, ref: Any) -> Any:
    """The annotation object a reference from `annotation_refs` names."""
    return canv._doc.idToObject[ref.name]


def current_matrix(canv: Any) -> tuple[float, float, float, float, float, float]:
    """The canvas's current transformation matrix (a, b, c, d, e, f)."""
    return canv._currentMatrix


class SpokenText(PDFTextObject):
    """A text object writing text a screen reader speaks right (the tagged build's canvas makes these).

    A line that a paragraph wraps ends with a space, so the structure text of a wrapped paragraph never
    glues the last word of one line to the first of the next; an arrow "\u2192" is a marked span with
    ``/ActualText (to)``, so "8.83 \u2192 5.58" is read "8.83 to 5.58", not "right arrow".

    The words of a link are their own marked content: where a paragraph's link starts and ends (reportlab's
    ``_linkRecord`` hook on the text object), the text written so far goes to the page as a text object of
    its own, ``on_link(kind, target)`` is told (the tagger closes the paragraph's marked content and opens
    the Link's, or the reverse), and a fresh text object carries on from the same point. The point is
    tracked here: the line's origin (Tm, Td, T*) and how far the text written on it has moved along.
    """

    ARROW = "\u2192"
    ARROW_SPOKEN = "to"

    def __init__(self, canvas: Any, x: float = 0, y: float = 0, direction: Any = None,
                 on_link: Any = None) -> None:
        self.on_link = on_link
        self._line = (x, y)           # the text line matrix's origin (bottom-up page space)
        self._along = 0.0             # how far the text written on this line has moved from it
        self._before_last: tuple[int, tuple[float, float], float] = (0, (x, y), 0.0)   # before the last piece
        super().__init__(canvas, x, y, direction=direction)

    def setTextOrigin(self, x: float, y: float) -> None:
        super().setTextOrigin(x, y)
        self._line, self._along = (x, y), 0.0

    def moveCursor(self, dx: float, dy: float) -> None:
        super().moveCursor(dx, dy)
        self._line, self._along = (self._line[0] + dx, self._line[1] - dy), 0.0

    def _textOut(self, text: str, TStar: int = 0) -> None:
        # a paragraph writes one line per call and moves down (T*) after it: the line break is the only
        # space between its last word and the next line's first
        # (a line whose last piece is a bold lead is closed by an empty piece: the space is drawn on its own)
        if TStar and not (text and text[-1].isspace()):
            text += " "
        self._before_last = (len(self._code), self._line, self._along)
        super()._textOut(text, TStar)
        if TStar:
            self._line, self._along = (self._line[0], self._line[1] - self._leading), 0.0
        else:
            self._along += (self._canvas.stringWidth(text, self._fontname, self._fontsize)
                            + getattr(self, "_charSpace", 0) * len(text)
                            + getattr(self, "_wordSpace", 0) * text.count(" "))

    def _linkRecord(self, link: Any, kind: str) -> None:
        """reportlab's paragraph: link ``link`` (number, target) starts (after its first piece of text is
        written) or ends (before the next piece)."""
        if self.on_link is None:
            return
        if kind == "start":       # the link's first piece is already written: it moves to the new text object
            index, line, along = self._before_last
            piece = self._code[index:]
            del self._code[index:]
            self._send(kind, str(link[1]), line, along)
            self._code.extend(piece)       # (its own line break, if it ends the line, is already counted)
        else:
            self._send(kind, str(link[1]), self._line, self._along)

    def _send(self, kind: str, target: str, line: tuple[float, float], along: float) -> None:
        self._canvas._code.append(self.getCode())      # what canvas.drawText does with a finished text object
        self.on_link(kind, target)
        x, y = line
        self._code = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
        if along:                                         # along the line without moving the line's origin
            self._code.append(f"[{fp_str(-along * 1000 / self._fontsize)}] TJ")

    def _formatText(self, text: str) -> str:
        if self.ARROW not in text:
            return super()._formatText(text)
        out = []
        pieces = text.split(self.ARROW)
        for i, piece in enumerate(pieces):
            if piece:
                out.append(super()._formatText(piece))
            if i < len(pieces) - 1:   # a marked span inside the element's own marked content
                out.append(f"/Span <</ActualText ({self.ARROW_SPOKEN})>> BDC {super()._formatText(self.ARROW)} EMC")
        return " ".join(out)


# ── flowables ────────────────────────────────────────────────────────────────────────────────────


def h_align_adjust(flowable: Any, x: float, spare_width: float) -> float:
    """Where a flowable's left edge lands once its hAlign is applied."""
    return flowable._hAlignAdjust(x, spare_width) if hasattr(flowable, "_hAlignAdjust") else x


def wrapped_height(flowables: Sequence[Any], width: float, canv: Any) -> float:
    """The height a group of flowables takes at ``width`` (space between them included)."""
    return _listWrapOn(list(flowables), width, canv)[1]


def kept_together(group: Any) -> list[Any]:
    """The flowables a KeepTogether holds."""
    return list(group._content)


def contained(flowable: Any) -> list[Any]:
    """The flowables a KeepTogether or ListFlowable holds (empty for any other flowable)."""
    content = getattr(flowable, "_content", None)
    return list(content) if isinstance(content, (list, tuple)) else []


def table_row_count(table: Table) -> int:
    return len(table._cellvalues)


def table_span(table: Table, col: int, row: int) -> tuple[int, int, int, int] | None:
    """The (first col, first row, last col, last row) cell (col, row) covers (itself when not spanned)."""
    return (getattr(table, "_spanRanges", None) or {}).get((col, row))


def set_table_render_callback(table: Table, callback: Any) -> None:
    """Table drawing reports each background, row, cell and rule to ``callback`` (a TableRenderCB)."""
    table._renderCB = callback


# ── lists ────────────────────────────────────────────────────────────────────────────────────────


class TaggedListItem(LIIndenter):
    """A ListFlowable item (bullet + body) whose bullet is the Lbl and body the LBody of one LI."""

    _IndenterAttrs = LIIndenter._IndenterAttrs + ["_li_node", "_lbl_node", "_body_node"]

    @classmethod
    def from_indenter(cls, li: LIIndenter, item: Any) -> TaggedListItem:
        new = cls(li._flowable, li._leftIndent, li._rightIndent, li._bullet,
                  li.__dict__.get("spaceBefore"), li.__dict__.get("spaceAfter"))
        node = type(item)   # the tagging layer's Node (not imported: the tagging modules import this one)
        new._li_node, new._lbl_node, new._body_node = item, node("Lbl", item), node("LBody", item)
        return new

    def split(self, aW: float, aH: float) -> list[Any]:
        out = []
        for part in super().split(aW, aH):
            new = TaggedListItem(part._flowable, part._leftIndent, part._rightIndent, part._bullet)
            new._li_node, new._lbl_node, new._body_node = self._li_node, self._lbl_node, self._body_node
            out.append(new)
        return out

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = getattr(canv, "tagger", None)
        if tagger is None:
            super().drawOn(canv, x, y, _sW)
            return
        if self._bullet:
            with tagger.tag(canv, self._lbl_node):
                self._bullet.drawOn(self, canv, x, y, 0)
        with tagger.tag(canv, self._body_node):
            self._flowable.drawOn(canv, x + self._leftIndent, y, max(0, _sW - self._leftIndent - self._rightIndent))


def tag_list_items(lst: ListFlowable, list_node: Any) -> None:
    """Make each bulleted entry of ``lst`` an LI (Lbl + LBody) under ``list_node`` (a tagging Node)."""
    items: list[Any] = []
    current: Any = None
    for li in lst._content:
        if isinstance(li, LIIndenter):
            if li._bullet or current is None:
                current = type(list_node)("LI", list_node)
            items.append(TaggedListItem.from_indenter(li, current))
        else:
            items.append(li)
    lst._list_content = items


#: every private name used above, by owner (checked by tests/test_reportlab_private.py)
PRIVATE_NAMES: dict[str, tuple[str, ...]] = {
    "reportlab.pdfgen.canvas.Canvas (instance)": ("_code", "_annotationrefs", "_doc", "_currentMatrix"),
    "reportlab.pdfbase.pdfdoc.PDFDocument (instance)": ("idToObject",),
    "reportlab.platypus.Flowable": ("_hAlignAdjust",),
    "reportlab.pdfgen.textobject.PDFTextObject": ("_textOut", "_formatText", "_linkRecord", "_code", "_fontname",
                                                  "_fontsize", "_leading", "_canvas", "_charSpace", "_wordSpace"),
    "reportlab.platypus.flowables": ("_listWrapOn",),
    "reportlab.platypus.Table (instance)": ("_cellvalues", "_spanRanges", "_renderCB"),
    "reportlab.platypus.ListFlowable, KeepTogether (instance)": ("_content", "_list_content"),
    "reportlab.platypus.flowables.LIIndenter": ("_IndenterAttrs", "_flowable", "_leftIndent", "_rightIndent",
                                                "_bullet"),
}

__all__ = [
    "annotation_object", "annotation_refs", "content_stream", "current_matrix", "h_align_adjust", "kept_together",
    "contained",
    "set_table_render_callback", "table_row_count", "table_span", "tag_list_items", "wrapped_height",
    "SpokenText", "TaggedListItem",
]
