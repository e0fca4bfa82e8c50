"""Render's tagging hook → tagged flowables, artifacts and the finished PDF/UA-1 bytes.

`DocumentTagger` is the one tagging interface: ``tag(flowable, role, **attributes)`` while the story is
made, ``artifact(canvas)`` around page furniture; its ``recorder`` goes to the document template (every
pass's canvas carries it) and ``finish(pdf_bytes, doc)`` writes the structure tree after the build. A top-level
``H1`` opens a new ``Sect`` (draw time, so the sections follow the pages); layout tables become a
``Div`` (or the role asked for) whose backgrounds and rules are artifacts.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from reportlab.platypus import Flowable, ListFlowable, Paragraph, Table

from snareport.render import reportlab_private as private
from snareport.render.tagging.finalise import finalise_pdf
from snareport.render.tagging.structure import Node
from snareport.render.tagging.tagged_flowables import LayoutNode, SelfTagged, TaggedBox, tag_table
from snareport.render.tagging.tagger import Tagger, tagger_of
from snareport.render.tagging.xmp import DocumentFacts

_NUMBERING = {True: "Decimal", False: "Disc"}


class DocumentTagger:
    """One document's tagging: wraps render's flowables, records while drawing, finishes the PDF."""

    def __init__(self, lang: str = "en-GB") -> None:
        self.recorder = Tagger()
        self.lang = lang
        self._pending_caption: Node | None = None

    # ── while the story is made ──────────────────────────────────────────

    def tag(self, flowable: Flowable, role: str, **attributes: Any) -> Flowable:
        """``flowable`` drawn as structure element ``role`` (H1…H6, P, Caption, L, Table, Figure,
        BlockQuote, TOC). Attributes: ``alt`` (Figure), ``header_rows``/``header_columns`` (Table),
        ``layout=True`` (a table used for layout, not data), ``numbered`` (L), ``title``.
        A Caption made just before a data table becomes that table's first child.

        Paragraphs and tables must be made as `TaggedParagraph` and `TaggedTable` (they split, and keep their
        element when they do); they come back tagged. Any other flowable (a list, whose items tag themselves,
        or one that never splits: a chart, a drawing) comes back held by a `TaggedBox`."""
        caption, self._pending_caption = self._pending_caption, None
        if isinstance(flowable, (Paragraph, Table)) and not isinstance(flowable, SelfTagged):
            raise TypeError(f"make a Tagged{type(flowable).__name__} to tag a {type(flowable).__name__}")
        if role == "TOC":
            box: SelfTagged = ContentsBox(flowable)
            box.node = Node("TOC")
            return box
        target: Any = flowable if isinstance(flowable, SelfTagged) else TaggedBox(flowable)
        if role == "Table" and attributes.get("layout"):
            target.node = LayoutNode("Div", cell_role="P")
        elif role == "BlockQuote" and isinstance(flowable, Table):
            target.node = LayoutNode("BlockQuote", cell_role=None)
        elif role == "Table":
            tag_table(target, header_rows=int(attributes.get("header_rows", 1)),
                      header_columns=int(attributes.get("header_columns", 0)))
            if caption is not None:
                caption.parent = target.node  # the table's caption is its first child
        elif role == "Caption":
            self._pending_caption = target.node = Node("Caption")
        elif role == "L" and isinstance(flowable, ListFlowable):
            target.node = Node("L", attributes={"List": {"ListNumbering": _NUMBERING[bool(attributes.get("numbered"))]}})
            private.tag_list_items(flowable, target.node)
        else:
            opens = "Sect" if role == "H1" or attributes.get("section") else None   # section=True: a part of its own
            target.node = Node(role, alt=attributes.get("alt"), opens=opens)
        return target

    @contextlib.contextmanager
    def artifact(self, canvas: Any, pagination: str | None = None) -> Iterator[None]:
        """Page furniture drawn inside is an /Artifact (``pagination``: "Header" or "Footer")."""
        tagger = tagger_of(canvas) or self.recorder
        with tagger.artifact(canvas, pagination):
            yield None

    # ── after the build ──────────────────────────────────────────────────

    def finish(self, pdf_bytes: bytes, doc: Any, report: Any = None) -> bytes:
        """The saved (untagged) bytes → tagged PDF/UA-1 bytes, metadata agreeing with the doc's Info title."""
        return finalise_pdf(pdf_bytes, self.recorder, self.facts(doc, report))

    def facts(self, doc: Any, report: Any = None) -> DocumentFacts:
        meta = getattr(report, "metadata", None)
        date = getattr(meta, "publication_date", None)
        keywords = getattr(doc, "keywords", "") or ""
        if isinstance(keywords, (list, tuple)):
            keywords = ", ".join(str(k) for k in keywords)
        return DocumentFacts(
            title=str(getattr(doc, "title", "") or getattr(meta, "title", "") or "Report"),
            lang=str(getattr(doc, "lang", None) or getattr(meta, "language", None) or self.lang),
            author=str(getattr(doc, "author", "") or ""),
            subject=str(getattr(doc, "subject", "") or ""),
            keywords=str(keywords),
            creator_tool=str(getattr(doc, "creator", "") or "snareport"),
            producer=str(getattr(doc, "producer", "") or "snareport"),
            date=dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC) if date else None,
        )


# ── contents page: one TOCI > Link per link annotation ─────────────────────────────────────


class ContentsBox(TaggedBox):
    """A contents flowable tagged as TOC: whatever it draws up to and including each link annotation
    is one entry (TOCI > Link holding the entry's text and the annotation). Entry titles for the
    annotations' /Contents come from the flowable's ``entries`` ((key, title) pairs) when it has them."""

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canv)
        if tagger is None:
            self.inner.drawOn(canv, x, y, _sW)
            return
        titles = {str(k): str(t) for k, t in (getattr(self.inner, "entries", None) or ())}
        entries = self.__dict__.setdefault("entry_nodes", [])
        position = [0]

        def entry(i: int) -> Node:
            while len(entries) <= i:
                entries.append(Node("Link", Node("TOCI", self.node)))
            return entries[i]

        def next_entry() -> None:
            tagger.end(canv)
            position[0] += 1
            tagger.begin(canv, entry(position[0]))

        with tagger.tag(canv, self.node):
            tagger.begin(canv, entry(0))
            canv.link_listeners.append(next_entry)
            try:
                self.inner.drawOn(canv, x, y, _sW)
            finally:
                canv.link_listeners.remove(next_entry)
                tagger.end(canv)
            if titles:
                for node in entries:
                    tagger.note_link_text(node, titles)


__all__ = ["ContentsBox", "DocumentTagger"]
