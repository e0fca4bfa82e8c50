"""Drawing with reportlab → tagged PDF/UA-1: marked content while drawing, structure tree after saving.

The one interface is `DocumentTagger`, in the order a document uses it::

    from snareport.render.multibuild import TwoPassDocTemplate
    from snareport.render.tagging import DocumentTagger

    tagging = DocumentTagger()
    doc = TwoPassDocTemplate(buffer, tagger=tagging.recorder, title=…, lang="en-GB")   # every pass's canvas
    story = [tagging.tag(TaggedParagraph(title, h1), "H1"),                            # carries the recorder
             tagging.tag(TaggedParagraph(text, body), "P"),
             tagging.tag(chart_flowable, "Figure", alt="Bar chart of …"),
             tagging.tag(TaggedTable(rows, repeatRows=1), "Table", header_rows=1),
             tagging.tag(ListFlowable(items), "L")]
    def on_page(canvas, doc):                                   # running header/footer, rules, logos
        with tagging.artifact(canvas, "Header"):
            ...
    doc.multiBuild(story)                                       # writes untagged bytes
    pdf = tagging.finish(buffer.getvalue(), doc)                # structure tree, ParentTree, XMP

Paragraphs and tables are made as the tagging subclasses (they split and keep their element when they
do); anything else is held by a `TaggedBox`. Anything drawn outside a tagged flowable or an artifact is
untagged: every drawing must go through them.
"""
from __future__ import annotations

from snareport.render.tagging.document_tagger import DocumentTagger
from snareport.render.tagging.finalise import finalise_pdf
from snareport.render.tagging.structure import Element, Node
from snareport.render.tagging.tagged_flowables import SelfTagged, TaggedBox, TaggedParagraph, TaggedTable
from snareport.render.tagging.tagger import Tagger, tagger_of
from snareport.render.tagging.xmp import DocumentFacts, xmp_packet

__all__ = ["DocumentFacts", "DocumentTagger", "Element", "Node", "SelfTagged", "TaggedBox", "TaggedParagraph",
           "TaggedTable", "Tagger", "finalise_pdf", "tagger_of", "xmp_packet"]
