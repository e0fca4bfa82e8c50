"""Platypus flowables → the same flowables wrapped so that drawing them records structure.

`Tagged(flowable, node)` (made by `DocumentTagger.tag`) lays out and splits exactly like the flowable it
holds (a split paragraph keeps its one `Node`, so it stays one element across pages). Tables get TH/TD/TR
from reportlab's table render callback; layout tables keep their content's own tags. Without a tagger on
the canvas every wrapper simply draws its flowable.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table
from reportlab.platypus.tables import TableRenderCB

from snareport.render import reportlab_private as private
from snareport.render.tagging.structure import Node
from snareport.render.tagging.tagger import tagger_of

_OWN = frozenset({"inner", "node", "width", "height", "_table_rows"})
_SHARED = frozenset({"canv", "_frame"})  # set by frames on the wrapper; the inner flowable needs them too


class Tagged(Flowable):
    """A flowable whose drawing belongs to structure element ``node``.

    Every attribute it does not own (spaceBefore, keepWithNext, hAlign, …) is the inner
    flowable's, so layout is unchanged.
    """

    def __init__(self, inner: Flowable, node: Node | None) -> None:
        self.__dict__["inner"] = inner
        self.__dict__["node"] = node
        self.__dict__["width"] = getattr(inner, "width", 0)
        self.__dict__["height"] = getattr(inner, "height", 0)
        if isinstance(inner, Table) and "_table_rows" not in self.__dict__:
            self.__dict__["_table_rows"] = list(range(private.table_row_count(inner)))

    # attributes belong to the inner flowable unless they are the wrapper's own
    def __getattr__(self, name: str) -> Any:
        inner = self.__dict__.get("inner")
        if inner is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(inner, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN:
            self.__dict__[name] = value
        elif name in _SHARED:
            self.__dict__[name] = value
            setattr(self.inner, name, value)
        else:
            # reportlab writes some flags straight into __dict__ (keepWithNext while grouping); a
            # later setattr (multiBuild restoring it for the next pass) must not stay shadowed
            self.__dict__.pop(name, None)
            setattr(self.inner, name, value)

    def __delattr__(self, name: str) -> None:
        if name in _OWN:
            self.__dict__.pop(name, None)
        elif name in _SHARED:
            self.__dict__.pop(name, None)
            self.inner.__dict__.pop(name, None)
        elif name in self.__dict__:   # a flag reportlab wrote straight into __dict__ (keepWithNext from a style)
            del self.__dict__[name]
        else:
            delattr(self.inner, name)

    def _rewrap(self, part: Flowable) -> Tagged:
        return self.__class__(part, self.node)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        w, h = self.inner.wrap(aW, aH)
        self.__dict__["width"], self.__dict__["height"] = w, h
        return w, h

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:
        w, h = self.inner.wrapOn(canv, aW, aH)
        self.__dict__["width"], self.__dict__["height"] = w, h
        return w, h

    def getKeepWithNext(self) -> Any:
        """The wrapped flowable's, unless reportlab already grouped this one in the current pass."""
        if "keepWithNext" in self.__dict__:
            return self.__dict__["keepWithNext"]
        return self.inner.getKeepWithNext()

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return self._wrap_parts(self.inner.split(aW, aH))

    def splitOn(self, canv: Any, aW: float, aH: float) -> list[Flowable]:
        return self._wrap_parts(self.inner.splitOn(canv, aW, aH))

    def _wrap_parts(self, parts: list[Flowable]) -> list[Flowable]:
        # a split list hands back its items (indenters that tag themselves as LI under this list's L):
        # left unwrapped, the frame may place or split each one as reportlab expects of list items
        wrapped = [p if isinstance(p, private.TaggedListItem) else self._rewrap(p) for p in parts]
        rows = self.__dict__.get("_table_rows")
        if rows is not None and len(parts) == 2 and all(isinstance(p, Table) for p in parts):
            first, second = parts
            n = private.table_row_count(first)
            repeated = private.table_row_count(second) - (len(rows) - n)
            wrapped[0].__dict__["_table_rows"] = rows[:n]
            wrapped[1].__dict__["_table_rows"] = [None] * max(repeated, 0) + rows[n:]
        return wrapped

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canv)
        if tagger is None or self.node is None:
            if tagger is not None:
                with tagger.artifact(canv):
                    self.inner.drawOn(canv, x, y, _sW)
                return
            self.inner.drawOn(canv, x, y, _sW)
            return
        with tagger.tag(canv, self.node):
            self._before_draw(tagger, canv, x, y, _sW)
            self.inner.drawOn(canv, x, y, _sW)

    def _before_draw(self, tagger: Any, canv: Any, x: float, y: float, _sW: float) -> None:
        links = link_texts(self.inner)
        if links:
            tagger.note_link_text(self.node, links)
        if self.node.role == "Figure":
            x = private.h_align_adjust(self.inner, x, _sW)
            tagger.note_figure_box(canv, self.node, _page_box(canv, x, y, self.width, self.height))
        if isinstance(self.inner, Table):
            if isinstance(self.node, TableNode):
                private.set_table_render_callback(
                    self.inner, _TableTagger(self.node, self.__dict__.get("_table_rows") or []))
            else:
                private.set_table_render_callback(self.inner, LayoutTableTagger(self.node))

    @property
    def tag_node(self) -> Node | None:
        return self.node

    @property
    def flowable(self) -> Flowable:
        """The wrapped flowable (for code that looks inside wrappers, e.g. to find a heading)."""
        return self.inner

    def identity(self, maxLen: int | None = None) -> str:
        return f"Tagged[{self.node!r}]({self.inner.identity(maxLen)})"


def _forward(name: str) -> Any:
    def method(self: Tagged, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.inner, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"The wrapped flowable's ``{name}``."
    return method


# Flowable's own methods would otherwise answer for the wrapper (an indexing contents page would
# stop being seen as one; a list's space before would be lost): ask the wrapped flowable instead.
for _name in ("getSpaceAfter", "getSpaceBefore", "isIndexing", "minWidth", "_hAlignAdjust"):
    setattr(Tagged, _name, _forward(_name))


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


def tagged_table(table: Table, header_rows: int = 1, header_columns: int = 0, parent: Node | None = None, **options: Any) -> Tagged:
    """Wrap a platypus Table: the first ``header_rows`` rows are column headers (TH /Scope /Column),
    the first ``header_columns`` cells of other rows are row headers (TH /Scope /Row), the rest TD.
    Header rows repeated on a continuation page (``repeatRows``) are artifacts."""
    if header_rows + header_columns < 1:
        raise ValueError("a table needs at least one header row or header column")
    return Tagged(table, TableNode(parent, header_rows=header_rows, header_columns=header_columns, **options))


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
        if isinstance(item, Tagged) or getattr(item, "tag_node", None) is not None:
            return True
        if isinstance(item, (list, tuple)) and holds_tagged(item):
            return True
        content = getattr(item, "_content", None)
        if isinstance(content, (list, tuple)) and holds_tagged(list(content)):
            return True
    return False
