"""Story-time `Node` specs → draw-time `Element` records: the structure tree one build pass produced.

A `Node` says what a structure element *will be* (role, parent, alternative text). It is made
while the story is assembled and stays the same across `multiBuild` passes. An `Element` is what
one pass actually drew: its place in the tree and the marked-content pieces (page, MCID) and link
annotations that belong to it. A paragraph split over two pages is one `Node`, so one `Element`
with marked content on both pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

# Standard structure types of ISO 32000-1 (14.8.4) that this layer writes.
STANDARD_ROLES = frozenset(
    """Document Part Art Sect Div BlockQuote Caption TOC TOCI NonStruct P H1 H2 H3 H4 H5 H6
    L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference Link Figure Formula""".split()
)


class Node:
    """What one structure element will be: its role, its parent and its accessible text.

    ``alt`` is the alternative text (required for ``Figure``); ``attributes`` maps an attribute
    owner (``"Table"``, ``"Layout"``, ``"List"``) to its keys, e.g. ``{"Table": {"Scope": "Column"}}``.
    A node without a parent hangs under the element being drawn around it, else under the
    current section, else under the document. ``opens="Sect"`` on a heading drawn at the top level
    starts a new section element that holds it and everything after it, up to the next such heading.
    """

    __slots__ = ("role", "parent", "alt", "actual_text", "lang", "attributes", "title", "opens")

    def __init__(
        self,
        role: str,
        parent: Node | None = None,
        *,
        alt: str | None = None,
        actual_text: str | None = None,
        lang: str | None = None,
        attributes: dict[str, dict[str, Any]] | None = None,
        title: str | None = None,
        opens: str | None = None,
    ) -> None:
        if role not in STANDARD_ROLES:
            raise ValueError(f"structure role {role!r} is not a standard PDF structure type")
        if role == "Figure" and not (alt or "").strip():
            raise ValueError("a Figure needs non-empty alternative text")
        self.role = role
        self.parent = parent
        self.alt = alt
        self.actual_text = actual_text
        self.lang = lang
        self.attributes = attributes or {}
        self.title = title
        self.opens = opens

    def __repr__(self) -> str:
        return f"Node({self.role!r})"


@dataclass(frozen=True, slots=True)
class MarkedContent:
    """One marked-content sequence: MCID ``mcid`` in the content stream of page ``page`` (0-based)."""

    page: int
    mcid: int


@dataclass(frozen=True, slots=True)
class LinkAnnotation:
    """The ``index``-th entry of page ``page``'s /Annots, and the text a reader should hear for it."""

    page: int
    index: int
    target: str


Kid = Union["Element", MarkedContent, LinkAnnotation]


@dataclass(eq=False, slots=True)
class Element:
    """One structure element as drawn in this pass, with its kids in reading order.

    (Slotted, as `MarkedContent` and `LinkAnnotation` are: a county document makes some 3,000 of them, and
    an object without a ``__dict__`` is one object less for the garbage collector to walk.)"""

    role: str
    parent: Element | None = None
    kids: list[Kid] = field(default_factory=list)
    alt: str | None = None
    actual_text: str | None = None
    lang: str | None = None
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)
    title: str | None = None
    link_text: dict[str, str] = field(default_factory=dict)  # link target → visible words, for /Alt
    link_target: str | None = None  # a Link holding a link's visible words: where it points (no leading '#')

    @classmethod
    def from_node(cls, node: Node, parent: Element | None) -> Element:
        return cls(
            role=node.role,
            parent=parent,
            alt=node.alt,
            actual_text=node.actual_text,
            lang=node.lang,
            attributes={owner: dict(values) for owner, values in node.attributes.items()},
            title=node.title,
        )

    def add(self, kid: Kid) -> None:
        self.kids.append(kid)

    @property
    def elements(self) -> list[Element]:
        return [k for k in self.kids if isinstance(k, Element)]

    def walk(self):
        """This element and every descendant element, depth first, in reading order."""
        yield self
        for kid in self.elements:
            yield from kid.walk()

    def has_content(self) -> bool:
        """Marked content, a link, or alternative text somewhere at or below this element."""
        if self.alt or self.actual_text:
            return True
        return any(not isinstance(k, Element) or k.has_content() for k in self.kids)

    def first_page(self) -> int | None:
        for kid in self.kids:
            page = kid.first_page() if isinstance(kid, Element) else kid.page
            if page is not None:
                return page
        return None
