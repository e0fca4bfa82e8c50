"""Document facts (title, language, dates) → the XMP packet a PDF/UA-1 file declares itself with."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from snareport.render.markup import escape as _xml_escape

# Characters XML 1.0 cannot hold at all (C0 controls other than tab/LF/CR, surrogates, U+FFFE/U+FFFF), and the
# C1 controls: a metadata value keeps its words and loses these.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def plain_metadata(text: str) -> str:
    """``text`` without control characters, with runs of white space as one space: fit for XMP and /Info."""
    return " ".join(_NOT_XML.sub("", text).split())


def escape(text: str) -> str:
    """XML-escaped metadata text (controls removed first, so the packet is always well-formed XML)."""
    return _xml_escape(plain_metadata(text))


@dataclass(frozen=True)
class DocumentFacts:
    """What the finished PDF says about itself. ``date`` is the fixed document date (reproducible output)."""

    title: str
    lang: str = "en-GB"
    author: str = ""
    subject: str = ""
    keywords: str = ""
    creator_tool: str = "snareport"
    producer: str = "snareport (reportlab, pikepdf)"
    date: dt.date | dt.datetime | None = None


def _iso(date: dt.date | dt.datetime) -> str:
    if isinstance(date, dt.datetime):
        return date.replace(microsecond=0).isoformat()
    return f"{date.isoformat()}T00:00:00Z"


def xmp_packet(facts: DocumentFacts) -> bytes:
    """An XMP packet with dc:title, dc:language, pdfuaid:part 1 and (if given) the document date."""
    title = escape(facts.title)
    lang = escape(facts.lang)
    lines = [
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<rdf:Description rdf:about=""',
        '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
        '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
        '  xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        '  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
        "<dc:format>application/pdf</dc:format>",
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>',
        f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>",
    ]
    if facts.author:
        lines.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(facts.author)}</rdf:li></rdf:Seq></dc:creator>")
    if facts.subject:
        lines.append(
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(facts.subject)}</rdf:li></rdf:Alt></dc:description>'
        )
    if facts.keywords:
        lines.append(f"<pdf:Keywords>{escape(facts.keywords)}</pdf:Keywords>")
    lines.append(f"<pdf:Producer>{escape(facts.producer)}</pdf:Producer>")
    lines.append(f"<xmp:CreatorTool>{escape(facts.creator_tool)}</xmp:CreatorTool>")
    if facts.date is not None:
        stamp = _iso(facts.date)
        lines += [f"<xmp:CreateDate>{stamp}</xmp:CreateDate>", f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>"]
    lines += [
        "<pdfuaid:part>1</pdfuaid:part>",
        "</rdf:Description>",
        "</rdf:RDF>",
        "</x:xmpmeta>",
        '<?xpacket end="w"?>',
    ]
    return "\n".join(lines).encode("utf-8")
