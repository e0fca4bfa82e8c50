"""Theme (partners, logos, contact, formats, licence) × report metadata → the back cover, a part of its own.

The page template draws the brand background; these blocks are the cover's words: the partnership as
a heading, its partners as a list, their logos (decoration: the names are in the list), how to get in
touch, other formats, the licence, the edition and the marking.
"""
from __future__ import annotations

import re
from typing import Any

from snareport.formatting import long_date
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report
from snareport.theme import MM


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    """Back-cover blocks (the page template draws the brand background)."""
    m = report.metadata
    back = builder.theme.back_cover
    out: list[Block] = [builder.part_heading(m.partnership, "cover_sub"), builder.space(4 * MM)]
    partners = (report.content.partners if report.content is not None else []) or builder.theme.partners
    if partners:
        out.append(builder.para("Working together in the partnership:", "on_dark"))
        out.append(builder.bullets(list(partners), style_name="on_dark"))
    if builder.theme.partner_logos:
        out.append(builder.logos(builder.theme.partner_logos))
    if back.contact:
        out.append(builder.space(3 * MM))
        out.append(builder.part_heading("Contact us", "on_dark_bold", level=3, section=False))
        out += [builder.rich(linked(line), "on_dark") for line in back.contact]
    # the theme's licence for the document, and the data's own attribution (e.g. OGL for police.uk data)
    for words in (back.alternative_formats, back.licence, m.attribution if m.attribution != back.licence else ""):
        if words:
            out.append(builder.space(2 * MM))
            out.append(builder.para(words, "on_dark_small"))
    out.append(builder.space(3 * MM))
    out.append(builder.para(f"{m.title} {m.edition}, published {long_date(m.publication_date)}.", "on_dark_small"))
    if m.protective_marking:   # the open data edition carries none
        out.append(builder.para(m.protective_marking, "on_dark_small"))
    return out


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.[\w-]+(?:\.[\w-]+)+\S*")


def linked(line: str) -> list[Any]:
    """A contact line → runs where every email address or web address is a link (mailto: or https:)."""
    runs: list[Any] = []
    at = 0
    for match in _ADDRESS.finditer(line):
        runs.append(line[at:match.start()])
        address = match.group(0).rstrip(".,;")
        target = address if address.startswith("http") else (
            f"https://{address}" if address.startswith("www.") else f"mailto:{address}")
        runs.append(Segment(address, link=target))
        at = match.start() + len(address)
    runs.append(line[at:])
    return [r for r in runs if r]


__all__: list[Any] = ["build", "linked"]
