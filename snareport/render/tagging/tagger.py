"""Drawing on a reportlab canvas → marked content (BDC/EMC, /Artifact) plus the `Element` record.

The `Tagger` keeps one rule: marked content never nests. Opening an element while another one
is open closes the outer sequence and reopens it (with a fresh MCID) when the inner one ends, so
every painted operator belongs to exactly one structure element or to an artifact. MCIDs are
given out when a sequence closes; a sequence that painted nothing is dropped, so no element
points at empty content. A new canvas means a new `multiBuild` pass: the record starts again.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from snareport.render import reportlab_private as private
from snareport.render.tagging.structure import Element, LinkAnnotation, MarkedContent, Node

_PLACEHOLDER = "%snareport-marked-content%"
# Operators that paint: show text, stroke or fill a path, draw an XObject, shading or inline image.
_PAINTING = re.compile(r"""(?:^|(?<=[\s\)\]>]))(?:Tj|TJ|'|"|Do|sh|BI|S|s|f\*?|F|B\*?|b\*?)(?=\s|$)""")


def paints_nothing(operators: list[str]) -> bool:
    """True if these content-stream chunks contain no painting operator (only state changes).

    The chunks are searched as one text, a line each: an operator never spans two chunks, and a line break
    is white space, so each chunk's start and end count as an operator's edges exactly as when it is
    searched alone (one search instead of one per chunk)."""
    return _PAINTING.search("\n".join(operators)) is None


@dataclass
class _Frame:
    element: Element | None  # None: an artifact (or something inside one)
    page: int
    annotations_before: int
    seq_list: list | None = None  # the canvas code list holding the open sequence's placeholder
    seq_index: int = -1
    properties: str = ""  # an artifact's property list, e.g. "<</Type /Pagination /Subtype /Header>>"


class Tagger:
    """Records, while a document draws, which structure element owns each piece of content.

    Use `tag(canvas, node)` and `artifact(canvas)` (or the wrapper flowables in
    `snareport.render.tagging.tagged_flowables`) around drawing; after the build, `finalise_pdf` turns
    ``tagger.root`` into the PDF's structure tree.
    """

    def __init__(self) -> None:
        self._pass_canvas: Any = None
        self._reset()

    def _reset(self) -> None:
        self.root = Element("Document")
        self._section: Element | None = None
        self._elements: dict[int, Element] = {}  # id(Node) → Element, for this pass
        self._nodes: list[Node] = []  # keeps the nodes alive so ids stay unique
        self._stack: list[_Frame] = []
        self._next_mcid: dict[int, int] = {}
        self._claimed_annots: dict[int, int] = {}
        self._link_words: list[bool] = []   # per link drawn: whether its words opened a Link element
        self.figure_boxes: dict[int, tuple[int, tuple[float, float, float, float]]] = {}

    # ── passes and pages ─────────────────────────────────────────────────

    def sync(self, canv: Any) -> None:
        """Start a fresh record when a new canvas (a new build pass) appears."""
        if canv is not self._pass_canvas:
            self._pass_canvas = canv
            self._reset()

    @staticmethod
    def _page(canv: Any) -> int:
        return canv.getPageNumber() - 1

    # ── elements ─────────────────────────────────────────────────────────

    def element(self, node: Node) -> Element:
        """The element this pass made for ``node``, creating it (and its ancestors) on first use."""
        found = self._elements.get(id(node))
        if found is not None:
            return found
        if node.parent is not None:
            parent = self.element(node.parent)
        else:
            parent = self._innermost_element()
            if parent is None and node.opens:
                self._section = Element(node.opens, parent=self.root)
                self.root.add(self._section)
            if parent is None:
                parent = self._section or self.root
        el = Element.from_node(node, parent)
        parent.add(el)
        self._elements[id(node)] = el
        self._nodes.append(node)
        return el

    def _innermost_element(self) -> Element | None:
        for frame in reversed(self._stack):
            if frame.element is not None:
                return frame.element
        return None

    def _inside_artifact(self) -> bool:
        return any(frame.element is None for frame in self._stack)

    # ── marked-content sequences ─────────────────────────────────────────

    def _open_sequence(self, canv: Any, frame: _Frame) -> None:
        if frame.element is None:
            canv.addLiteral(f"/Artifact {frame.properties} BDC" if frame.properties else "/Artifact BMC")
            return
        canv.addLiteral(_PLACEHOLDER)
        code = private.content_stream(canv)
        frame.seq_list = code
        frame.seq_index = len(code) - 1

    def _close_sequence(self, canv: Any, frame: _Frame) -> None:
        if frame.element is None:
            canv.addLiteral("EMC")
            return
        code, index = frame.seq_list, frame.seq_index
        frame.seq_list, frame.seq_index = None, -1
        if code is None:
            return
        if paints_nothing(code[index + 1:]):
            del code[index]
            return
        page = self._page(canv)
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        code[index] = f"/{_mc_tag(frame.element.role)} <</MCID {mcid}>> BDC"
        canv.addLiteral("EMC")
        frame.element.add(MarkedContent(page, mcid))

    def begin(self, canv: Any, node: Node | None, properties: str = "") -> Element | None:
        """Start drawing content that belongs to ``node`` (``None``: an artifact, with ``properties``)."""
        self.sync(canv)
        if node is not None and self._inside_artifact():
            node = None  # everything inside an artifact is an artifact
        if self._stack:
            self._close_sequence(canv, self._stack[-1])
        element = self.element(node) if node is not None else None
        page = self._page(canv)
        frame = _Frame(element, page, len(private.annotation_refs(canv)),
                       properties=properties if element is None else "")
        self._stack.append(frame)
        self._open_sequence(canv, frame)
        return element

    def end(self, canv: Any) -> None:
        """Finish the innermost `begin`; the enclosing element's content resumes."""
        frame = self._stack.pop()
        self._close_sequence(canv, frame)
        if frame.element is not None:
            self._claim_annotations(canv, frame)
        if self._stack:
            self._open_sequence(canv, self._stack[-1])

    @contextmanager
    def tag(self, canv: Any, node: Node) -> Iterator[Element | None]:
        element = self.begin(canv, node)
        try:
            yield element
        finally:
            self.end(canv)

    @contextmanager
    def artifact(self, canv: Any, pagination: str | None = None) -> Iterator[None]:
        """Page furniture; ``pagination`` "Header" or "Footer" marks running heads and feet as such."""
        properties = f"<</Type /Pagination /Subtype /{pagination}>>" if pagination else ""
        self.begin(canv, None, properties)
        try:
            yield None
        finally:
            self.end(canv)

    # ── link annotations ─────────────────────────────────────────────────

    def _claim_annotations(self, canv: Any, frame: _Frame) -> None:
        refs = private.annotation_refs(canv)
        page = self._page(canv)
        start = max(frame.annotations_before, self._claimed_annots.get(page, 0))
        element = frame.element
        for index in range(start, len(refs)):
            annotation = LinkAnnotation(page, index, annotation_target(canv, refs[index]))
            words = None if element.role == "Link" else _words_of(element, annotation.target)
            if element.role == "Link":
                element.add(annotation)
            elif words is not None:             # the Link already holding the link's visible words
                words.add(annotation)
            else:
                link = Element("Link", parent=element)
                link.link_text = element.link_text
                link.add(annotation)
                element.add(link)
        self._claimed_annots[page] = max(start, len(refs))

    def link_words(self, canv: Any, kind: str, target: str) -> None:
        """A link's visible words start ("start") or end ("end") inside the innermost element: between the
        two they are a Link element of their own (its annotation joins it when the element ends)."""
        if kind != "start":
            if self._link_words and self._link_words.pop():
                self.end(canv)
            return
        parent = self._innermost_element()
        if parent is None or parent.role == "Link" or self._inside_artifact():
            self._link_words.append(False)
            return
        link = self.begin(canv, Node("Link"))
        if link is not None:
            link.link_target = target.lstrip("#")
            link.link_text = parent.link_text
        self._link_words.append(True)

    def note_link_text(self, node: Node, texts: dict[str, str]) -> None:
        """Remember the visible words of each link target drawn inside ``node`` (for /Alt, /Contents)."""
        self.element(node).link_text.update(texts)

    def note_figure_box(self, canv: Any, node: Node, box: tuple[float, float, float, float]) -> None:
        """Remember where a figure was drawn (page, x0, y0, x1, y1 in page space) for its /BBox."""
        self.figure_boxes[id(self.element(node))] = (self._page(canv), box)


def _words_of(element: Element, target: str) -> Element | None:
    """The first Link child of ``element`` holding the visible words of a link to ``target`` and no
    annotation yet."""
    for kid in element.elements:
        if kid.role == "Link" and kid.link_target == target.lstrip("#") \
                and not any(isinstance(k, LinkAnnotation) for k in kid.kids):
            return kid
    return None


def _mc_tag(role: str) -> str:
    return role


def annotation_target(canv: Any, ref: Any) -> str:
    """Where a link annotation made by reportlab points: a URL, or a destination name."""
    try:
        obj = private.annotation_object(canv, ref)
    except (AttributeError, KeyError):
        return ""
    destination = getattr(obj, "Destination", None)
    if destination is not None:
        return str(getattr(destination, "name", "") or "")
    action = getattr(obj, "dict", {}).get("A")
    uri = getattr(action, "dict", {}).get("URI") if action is not None else None
    return str(getattr(uri, "s", uri) or "")


def tagger_of(canv: Any) -> Tagger | None:
    """The tagger recording what is drawn on this canvas (a `ReportCanvas` carries it), if any."""
    return getattr(canv, "tagger", None)
