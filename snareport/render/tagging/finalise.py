"""Untagged PDF bytes × the `Tagger` record → tagged PDF/UA-1 bytes (structure tree, ParentTree, XMP).

reportlab cannot give pages /StructParents or write a structure tree, so this runs once on the
saved file with pikepdf: it writes the elements recorded while drawing (pruning any that ended up
with no content), the ParentTree that maps every page's MCIDs and every link annotation back to its
element, and the document-level entries PDF/UA-1 asks for. The output is byte-deterministic.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from snareport.render.tagging.structure import Element, LinkAnnotation, MarkedContent
from snareport.render.tagging.tagger import Tagger
from snareport.render.tagging.xmp import DocumentFacts, xmp_packet


def finalise_pdf(pdf_bytes: bytes, tagger: Tagger, facts: DocumentFacts) -> bytes:
    """Return ``pdf_bytes`` with the structure tree ``tagger`` recorded and PDF/UA-1 metadata."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _StructureWriter(pdf, tagger).write()
        _write_document_entries(pdf, facts)
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            min_version="1.7",
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return out.getvalue()


_KEEP_EMPTY = frozenset({"TH", "TD"})  # an empty cell still holds its place in the grid


def prune(element: Element) -> bool:
    """Drop descendant elements with no content (empty table cells stay); True if ``element`` is kept."""
    element.kids = [k for k in element.kids if not isinstance(k, Element) or prune(k)]
    return element.role in _KEEP_EMPTY or element.has_content() or bool(element.elements)


def normalise_heading_levels(root: Element) -> None:
    """Headings never skip a level in the tree: an H3 straight after an H1 is written as H2.

    The page keeps its type scale; only the structure level (what a reader navigates by) changes.
    The first heading is H1."""
    previous = 0
    for el in root.walk():
        if len(el.role) == 2 and el.role[0] == "H" and el.role[1].isdigit():
            level = min(int(el.role[1]), previous + 1)
            el.role = f"H{level}"
            previous = level


class _StructureWriter:
    def __init__(self, pdf: pikepdf.Pdf, tagger: Tagger) -> None:
        self.pdf = pdf
        self.tagger = tagger
        self.pages = list(pdf.pages)
        self.page_mcids: dict[int, dict[int, Any]] = {}  # page → mcid → element dict
        self.annot_parents: list[tuple[Any, Any]] = []  # (annotation, element dict)

    def write(self) -> None:
        root_el = self.tagger.root
        prune(root_el)
        normalise_heading_levels(root_el)
        tree_root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self._element(root_el, tree_root)
        tree_root.K = Array([document])
        tree_root.ParentTree = self._parent_tree()
        tree_root.ParentTreeNextKey = len(self.pages) + len(self.annot_parents)
        self.pdf.Root.StructTreeRoot = tree_root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)
        for page in self.pages:
            page.obj.Tabs = Name.S

    def _element(self, el: Element, parent: Any) -> Any:
        d = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + el.role), P=parent))
        first = el.first_page()
        if first is not None:
            d.Pg = self.pages[first].obj
        if el.role == "Link" and not el.alt and not any(isinstance(k, MarkedContent) for k in el.kids):
            el.alt = self._link_alt(el)  # a link with no words of its own (inside a paragraph's text)
        for key, value in (("Alt", el.alt), ("ActualText", el.actual_text), ("Lang", el.lang), ("T", el.title)):
            if value:
                d[Name("/" + key)] = String(value)
        attributes = self._attributes(el)
        if attributes:
            d.A = attributes[0] if len(attributes) == 1 else Array(attributes)
        kids = Array()
        for kid in el.kids:
            if isinstance(kid, Element):
                kids.append(self._element(kid, d))
            elif isinstance(kid, MarkedContent):
                self.page_mcids.setdefault(kid.page, {})[kid.mcid] = d
                if kid.page == first:
                    kids.append(kid.mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=self.pages[kid.page].obj, MCID=kid.mcid))
            elif isinstance(kid, LinkAnnotation):
                kids.append(self._link_annotation(kid, el, d))
        d.K = kids
        return d

    def _attributes(self, el: Element) -> list[Any]:
        out = []
        box = self.tagger.figure_boxes.get(id(el))
        layout = dict(el.attributes.get("Layout", {}))
        if box is not None:
            layout.setdefault("BBox", [round(v, 2) for v in box[1]])
            layout.setdefault("Placement", "Block")
        owners = dict(el.attributes)
        if layout:
            owners["Layout"] = layout
        for owner in sorted(owners):
            attr = Dictionary(O=Name("/" + owner))
            for key, value in sorted(owners[owner].items()):
                attr[Name("/" + key)] = _pdf_value(value)
            out.append(attr)
        return out

    def _link_alt(self, el: Element) -> str:
        for kid in el.kids:
            if isinstance(kid, LinkAnnotation):
                text = el.link_text.get(kid.target.lstrip("#"))
                if text:
                    return text
                if kid.target.startswith(("http://", "https://", "mailto:")):
                    return f"Link to {kid.target}"
                if kid.target:
                    return f"Link to {kid.target.replace('_', ' ').replace('-', ' ')}"
        return "Link"

    def _link_annotation(self, kid: LinkAnnotation, el: Element, d: Any) -> Any:
        annots = self.pages[kid.page].obj.get("/Annots")
        annot = annots[kid.index]
        if not str(annot.get("/Contents", "")).strip():
            annot.Contents = String(el.alt or self._link_alt(el))
        annot.F = int(annot.get("/F", 0)) | 4  # print the link as shown on screen
        annot.StructParent = len(self.pages) + len(self.annot_parents)
        self.annot_parents.append((annot, d))
        return Dictionary(Type=Name.OBJR, Obj=annot, Pg=self.pages[kid.page].obj)

    def _parent_tree(self) -> Any:
        nums = Array()
        for index, page in enumerate(self.pages):
            mcids = self.page_mcids.get(index, {})
            page.obj.StructParents = index
            count = max(mcids) + 1 if mcids else 0
            nums.append(index)
            nums.append(self.pdf.make_indirect(Array([mcids.get(i) for i in range(count)])))
        for offset, (_annot, element) in enumerate(self.annot_parents):
            nums.append(len(self.pages) + offset)
            nums.append(element)
        return self.pdf.make_indirect(Dictionary(Nums=nums))


def _pdf_value(value: Any) -> Any:
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return Array([_pdf_value(v) for v in value])
    return Name("/" + str(value))


def _pdf_date(date: dt.date | dt.datetime) -> str:
    if isinstance(date, dt.datetime):
        return date.strftime("D:%Y%m%d%H%M%S")
    return date.strftime("D:%Y%m%d000000Z")


def _write_document_entries(pdf: pikepdf.Pdf, facts: DocumentFacts) -> None:
    root = pdf.Root
    root.Lang = String(facts.lang)
    root.PageMode = Name.UseOutlines  # the bookmarks panel opens with the document
    prefs = root.get("/ViewerPreferences")
    prefs = Dictionary() if not isinstance(prefs, Dictionary) else prefs
    prefs.DisplayDocTitle = True
    root.ViewerPreferences = prefs
    root.Metadata = pdf.make_stream(xmp_packet(facts), Type=Name.Metadata, Subtype=Name.XML)
    info = pdf.docinfo
    info.Title = String(facts.title)
    info.Producer = String(facts.producer)
    info.Creator = String(facts.creator_tool)
    for key, value in (("Author", facts.author), ("Subject", facts.subject), ("Keywords", facts.keywords)):
        if value:
            info[Name("/" + key)] = String(value)
    if facts.date is not None:
        info.CreationDate = String(_pdf_date(facts.date))
        info.ModDate = String(_pdf_date(facts.date))
