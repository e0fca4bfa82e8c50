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
    glues the last word of one line to the first of the next; an arrow "→" is a marked span with
    ``/ActualText (to)``, so "8.83 → 5.58" is read "8.83 to 5.58", not "right arrow"."""

    ARROW = "\u2192"
    ARROW_SPOKEN = "to"

    def _textOut(self, text: str, TStar: int = 0) -> None:
        # a paragraph writes one line per call and moves down (T*) after it: the line break is the only
        # space between its last word and the next line's first
        # (a line whose last piece is a bold lead is closed by an empty piece: the space is drawn on its own)
        if TStar and not (text and text[-1].isspace()):
            text += " "
        super()._textOut(text, TStar)

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
    "reportlab.pdfgen.textobject.PDFTextObject": ("_textOut", "_formatText"),
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
