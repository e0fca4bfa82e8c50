"""Drawing with reportlab → tagged PDF/UA-1: marked content while drawing, structure tree after saving.

The interface, in the order a document uses it::

    from snareport.render import tagging

    tagger = tagging.attach(doc)                                # doc: a platypus BaseDocTemplate
    story += tagging.group("Sect", [                            # one section of the report
        tagging.tagged(Paragraph(title, h1), "H1"),
        tagging.tagged(Paragraph(text, body), "P"),
        tagging.tagged(chart_flowable, "Figure", alt="Bar chart of …"),
        tagging.tagged_table(Table(rows, repeatRows=1), header_rows=1),
        *tagging.tagged_list([(Paragraph("•", s), Paragraph(item, s)) for item in items], indent=12),
    ])
    def on_page(canvas, doc):                                   # running header/footer, rules, logos
        with tagging.artifact_on(canvas):
            ...
    doc.multiBuild(story)                                       # writes untagged bytes
    pdf = tagging.finalise_pdf(pdf_bytes, tagger, tagging.DocumentFacts(title=…, lang="en-GB", date=…))

The report's layout door uses `DocumentTagger` (``tag(flowable, role, **attributes)``,
``artifact(canvas)``, ``begin(doc)``, ``finish(pdf_bytes)``), which builds on the same pieces.
Inside a custom flowable's ``draw``, ``with tagging.tag_on(canvas, node):`` marks what it draws.
Anything drawn outside these wrappers is untagged: every drawing must go through them.
"""
from __future__ import annotations

from typing import Any

from snareport.render.tagging.document_tagger import DocumentTagger, tagged_list_flowable
from snareport.render.tagging.finalise import finalise_pdf
from snareport.render.tagging.flowables import (
    Artifact,
    LayoutNode,
    ListItemFlowable,
    TableNode,
    Tagged,
    artifact,
    group,
    link_texts,
    tagged,
    tagged_list,
    tagged_table,
)
from snareport.render.tagging.structure import Element, Node
from snareport.render.tagging.tagger import Tagger, tagger_of
from snareport.render.tagging.tagger import artifact as artifact_on
from snareport.render.tagging.tagger import tag as tag_on
from snareport.render.tagging.xmp import DocumentFacts, xmp_packet


def attach(doc: Any) -> Tagger:
    """Give a platypus doc template a `Tagger`; its flowables and page callbacks will find it."""
    tagger = Tagger()
    doc.tagger = tagger
    return tagger


__all__ = [
    "Artifact",
    "DocumentFacts",
    "DocumentTagger",
    "LayoutNode",
    "Element",
    "ListItemFlowable",
    "Node",
    "TableNode",
    "Tagged",
    "Tagger",
    "artifact",
    "artifact_on",
    "attach",
    "finalise_pdf",
    "group",
    "link_texts",
    "tag_on",
    "tagged",
    "tagged_list",
    "tagged_list_flowable",
    "tagged_table",
    "tagger_of",
    "xmp_packet",
]
