"""Platypus flowables → the same flowables wrapped so that drawing them records structure.

Subclasses, not wrappers: `TaggedParagraph`, `TaggedTable` and `TaggedList` are reportlab's flowables that
record their structure element (`SelfTagged.node`, given by `DocumentTagger.tag`) while they draw, and keep
it when they split (a paragraph split over two pages stays one element). A flowable that never splits (a
chart, a drawing) is held by a `TaggedBox`. Tables get TH/TD/TR from reportlab's table render callback;
layout tables keep their content's own tags. Without a tagger on the canvas each draws as it would untagged.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table
from reportlab.platypus.tables import TableRenderCB

from snareport.render import reportlab_private as private
from snareport.render.paragraphs import ReportParagraph
from snareport.render.report_table import ReportTable
from snareport.render.tagging.structure import Node
from snareport.render.tagging.tagger import tagger_of


class SelfTagged:
    """Put before a reportlab flowable class: drawing an instance records structure element ``node``
    (None: an artifact). Parts made by splitting keep the node, so a paragraph split over two pages stays one
    element; a data table's parts know which of its rows they draw (``table_rows``; None: a header row
    repeated on a continuation page). Without a tagger on the canvas it draws as the flowable it is."""

    node: Node | None = None
    table_rows: list[int | None] | None = None

    def split(self, aW: float, aH: float) -> list[Flowable]:
        parts = super().split(aW, aH)  # type: ignore[misc]
        for part in parts:
            if isinstance(part, SelfTagged) and part is not self:
                part.node = self.node
        rows = self.table_rows
        if rows is not None and len(parts) == 2 and all(isinstance(p, SelfTagged) for p in parts):
            first, second = parts
            n = private.table_row_count(first)
            repeated = private.table_row_count(second) - (len(rows) - n)
            first.table_rows = rows[:n]
            second.table_rows = [None] * max(repeated, 0) + rows[n:]
        return parts

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canv)
        if tagger is None:
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]
            return
        if self.node is None:
            with tagger.artifact(canv):
                super().drawOn(canv, x, y, _sW)  # type: ignore[misc]
            return
        with tagger.tag(canv, self.node):
            self.before_draw(tagger, canv, x, y, _sW)
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]

    def drawn(self) -> Flowable:
        """The flowable whose drawing is tagged (itself; a `TaggedBox` answers with what it holds)."""
        return self  # type: ignore[return-value]

    def before_draw(self, tagger: Any, canv: Any, x: float, y: float, _sW: float) -> None:
        drawn = self.drawn()
        links = link_texts(drawn)
        if links:
            tagger.note_link_text(self.node, links)
        if self.node.role == "Figure":
            x = private.h_align_adjust(drawn, x, _sW)
            tagger.note_figure_box(canv, self.node, _page_box(canv, x, y, drawn.width, drawn.height))
        if isinstance(drawn, Table):
            if isinstance(self.node, TableNode):
                private.set_table_render_callback(drawn, _TableTagger(self.node, self.table_rows or []))
            else:
                private.set_table_render_callback(drawn, LayoutTableTagger(self.node))


class TaggedParagraph(SelfTagged, ReportParagraph):
    """A paragraph that tags itself (heading, P, caption …)."""


class TaggedTable(SelfTagged, ReportTable):
    """A table that tags itself: a data table (TH/TD per cell) or a layout grid (its content's own tags)."""


class TaggedBox(SelfTagged, Flowable):
    """Holds a flowable that is drawn as structure element ``node`` and lays out exactly as it does: one that
    never splits (a chart, a drawing, the contents list), or a list, which splits into items that tag
    themselves (LI). A list is held, not subclassed, because reportlab keeps no container (a ListFlowable)
    with the heading before it, and a heading must stay with the start of its list."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner
        self.width, self.height = getattr(inner, "width", 0), getattr(inner, "height", 0)

    def drawn(self) -> Flowable:
        return self.inner

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)    # a frame sets the canvas on what it holds, then calls wrap
        self.width, self.height = self.inner.wrapOn(canv, aW, aH) if canv is not None else self.inner.wrap(aW, aH)
        return self.width, self.height

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrapOn(canv, aW, aH)
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return self.inner.split(aW, aH)

    def splitOn(self, canv: Any, aW: float, aH: float) -> list[Flowable]:
        return self.inner.splitOn(canv, aW, aH)

    def getKeepWithNext(self) -> Any:
        return getattr(self, "keepWithNext", None) if "keepWithNext" in self.__dict__ else self.inner.getKeepWithNext()

    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def minWidth(self) -> float:
        return self.inner.minWidth()

    def isIndexing(self) -> int:
        return self.inner.isIndexing()

    def beforeBuild(self) -> None:
        self.inner.beforeBuild()

    def afterBuild(self) -> None:
        self.inner.afterBuild()

    def isSatisfied(self) -> bool:
        return self.inner.isSatisfied()

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canv)
        if tagger is None:
            self.inner.drawOn(canv, x, y, _sW)
            return
        if self.node is None:
            with tagger.artifact(canv):
                self.inner.drawOn(canv, x, y, _sW)
            return
        with tagger.tag(canv, self.node):
            self.before_draw(tagger, canv, x, y, _sW)
            self.inner.drawOn(canv, x, y, _sW)


def _page_box(canv: Any, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = private.current_matrix(canv)
    xs, ys = [], []
    for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        xs.append(a * px + c * py + e)
        ys.append(b * px + d * py + f)
    return (min(xs), min(ys), max(xs), max(ys))


def link_texts(flowable: Flowable) -> dict[str, str]:
    """Link target → the words a paragraph shows for it (``#dest`` targets lose the ``#``)."""
    out: dict[str, str] = {}
    for frag in getattr(flowable, "frags", None) or ():
        for _, target in getattr(frag, "link", None) or ():
            key = str(target).lstrip("#")
            text = getattr(frag, "text", "")
            out[key] = (out.get(key, "") + text) if key in out else text
    return {k: " ".join(v.split()) for k, v in out.items() if v.strip()}


# ── tables ───────────────────────────────────────────────────────────────


class _TableTagger(TableRenderCB):
    """reportlab's table render callback: backgrounds and rules are artifacts, cells are TH/TD."""

    def __init__(self, table_node: Node, rows: Sequence[int | None]) -> None:
        self.table_node = table_node
        self.rows = list(rows)
        self._open_cell = False
        self._open_row = False

    def _tagger(self, T: Table) -> Any:
        return tagger_of(T.canv)

    def startTable(self, T: Table) -> None:
        pass

    def startBG(self, T: Table) -> None:
        self._tagger(T).begin(T.canv, None)

    def endBG(self, T: Table) -> None:
        self._tagger(T).end(T.canv)

    def startRow(self, T: Table, rowNo: int) -> None:
        tagger = self._tagger(T)
        original = self.rows[rowNo] if rowNo < len(self.rows) else None
        spec = _table_spec(self.table_node)
        if original is None:
            tagger.begin(T.canv, None)  # a header row repeated on a continuation page
        else:
            tagger.begin(T.canv, spec.row(original))
        self._open_row = True

    def startCell(self, T: Table, rowNo: int, colNo: int, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        tagger = self._tagger(T)
        original = self.rows[rowNo] if rowNo < len(self.rows) else None
        node = None if original is None else _table_spec(self.table_node).cell(T, original, rowNo, colNo)
        tagger.begin(T.canv, node)
        self._open_cell = True

    def endCell(self, T: Table) -> None:
        self._tagger(T).end(T.canv)

    def endRow(self, T: Table) -> None:
        self._tagger(T).end(T.canv)

    def startLines(self, T: Table) -> None:
        self._tagger(T).begin(T.canv, None)

    def endLines(self, T: Table) -> None:
        self._tagger(T).end(T.canv)

    def endTable(self, T: Table) -> None:
        pass


class TableSpec:
    """The Nodes of one table: a TR per row and a TH or TD per cell, made on first use."""

    def __init__(self, table_node: Node, header_rows: int, header_columns: int) -> None:
        self.table_node = table_node
        self.header_rows = header_rows
        self.header_columns = header_columns
        self._rows: dict[int, Node] = {}
        self._cells: dict[tuple[int, int], Node] = {}

    def row(self, index: int) -> Node:
        if index not in self._rows:
            self._rows[index] = Node("TR", self.table_node)
        return self._rows[index]

    def cell(self, T: Table, original_row: int, row_in_part: int, col: int) -> Node:
        key = (original_row, col)
        if key not in self._cells:
            attributes: dict[str, Any] = {}
            if original_row < self.header_rows:
                role, attributes["Scope"] = "TH", "Column"
            elif col < self.header_columns:
                role, attributes["Scope"] = "TH", "Row"
            else:
                role = "TD"
            span = private.table_span(T, col, row_in_part)
            if span:
                sc, sr, ec, er = span
                if ec > sc:
                    attributes["ColSpan"] = ec - sc + 1
                if er > sr:
                    attributes["RowSpan"] = er - sr + 1
            self._cells[key] = Node(role, self.row(original_row), attributes={"Table": attributes} if attributes else None)
        return self._cells[key]


def _table_spec(table_node: Node) -> TableSpec:
    return table_node._spec  # type: ignore[attr-defined]


class TableNode(Node):
    """A Table node that also knows how its rows and cells are tagged."""

    __slots__ = ("_spec",)

    def __init__(self, parent: Node | None = None, *, header_rows: int = 1, header_columns: int = 0, **options: Any) -> None:
        super().__init__("Table", parent, **options)
        self._spec = TableSpec(self, header_rows, header_columns)


def tag_table(table: TaggedTable, header_rows: int = 1, header_columns: int = 0, parent: Node | None = None,
              **options: Any) -> TaggedTable:
    """A data table: the first ``header_rows`` rows are column headers (TH /Scope /Column), the first
    ``header_columns`` cells of other rows are row headers (TH /Scope /Row), the rest TD. Header rows
    repeated on a continuation page (``repeatRows``) are artifacts."""
    if header_rows + header_columns < 1:
        raise ValueError("a table needs at least one header row or header column")
    table.node = TableNode(parent, header_rows=header_rows, header_columns=header_columns, **options)
    table.table_rows = list(range(private.table_row_count(table)))
    return table


# ── layout tables: backgrounds and rules are artifacts, content keeps its own tags ──────────


class LayoutNode(Node):
    """The element for a table used for layout (tiles, panels, columns side by side, a pull quote).

    ``cell_role`` is the element each cell of plain text becomes (e.g. ``"P"``); ``None`` puts the
    cells' text straight into this element. Cells holding tagged flowables keep those elements."""

    __slots__ = ("cell_role", "_cells")

    def __init__(self, role: str, parent: Node | None = None, *, cell_role: str | None = "P", **options: Any) -> None:
        super().__init__(role, parent, **options)
        self.cell_role = cell_role
        self._cells: dict[tuple[int, int], Node] = {}

    def cell(self, row: int, col: int) -> Node:
        if (row, col) not in self._cells:
            self._cells[(row, col)] = Node(self.cell_role, self)
        return self._cells[(row, col)]


class LayoutTableTagger(TableRenderCB):
    """Render callback for a layout table: no TR/TD, only artifacts and one element per text cell."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self._open: list[bool] = []

    def startTable(self, T: Table) -> None:
        pass

    def endTable(self, T: Table) -> None:
        pass

    def startBG(self, T: Table) -> None:
        tagger_of(T.canv).begin(T.canv, None)

    def endBG(self, T: Table) -> None:
        tagger_of(T.canv).end(T.canv)

    startLines = startBG
    endLines = endBG

    def startRow(self, T: Table, rowNo: int) -> None:
        pass

    def endRow(self, T: Table) -> None:
        pass

    def startCell(self, T: Table, rowNo: int, colNo: int, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        role = getattr(self.node, "cell_role", None)
        if role is None or cellval is None or cellval == "" or holds_tagged(cellval):
            self._open.append(False)
            return
        tagger_of(T.canv).begin(T.canv, self.node.cell(rowNo, colNo))
        self._open.append(True)

    def endCell(self, T: Table) -> None:
        if self._open.pop():
            tagger_of(T.canv).end(T.canv)


def holds_tagged(cellval: Any) -> bool:
    """Does a table cell (a flowable, a list of them, or text) contain a flowable with its own tag?"""
    items = cellval if isinstance(cellval, (list, tuple)) else [cellval]
    for item in items:
        if isinstance(item, SelfTagged):
            return True
        if isinstance(item, (list, tuple)) and holds_tagged(item):
            return True
        content = private.contained(item)
        if content and holds_tagged(content):
            return True
    return False
