"""Theme (partners, logos, contact, formats, licence) × report metadata → the back cover, a part of its own.

The page template draws the brand background; these flowables are the cover's words: the partnership as
a heading, its partners as a list, their logos (decoration: the names are in the list), how to get in
touch, other formats, the licence, the edition and the marking.
"""
from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import Flowable

from snareport.formatting import long_date
from snareport.layout.door import Door, Segment
from snareport.models.report import Report
from snareport.theme import MM


def build(report: Report, door: Door) -> list[Flowable]:
    """Back-cover flowables (the page template draws the brand background)."""
    m = report.metadata
    back = door.theme.back_cover
    out: list[Flowable] = [door.part_heading(m.partnership, "cover_sub"), door.space(4 * MM)]
    partners = (report.content.partners if report.content is not None else []) or door.theme.partners
    if partners:
        out.append(door.para("Working together in the partnership:", "on_dark"))
        out.append(door.bullets(list(partners), style_name="on_dark"))
    if door.theme.partner_logos:
        out.append(PartnerLogos(door, door.theme.partner_logos))
    if back.contact:
        out.append(door.space(3 * MM))
        out.append(door.part_heading("Contact us", "on_dark_bold", level=3, section=False))
        out += [door.rich(linked(line), "on_dark") for line in back.contact]
    # the theme's licence for the document, and the data's own attribution (e.g. OGL for police.uk data)
    for words in (back.alternative_formats, back.licence, m.attribution if m.attribution != back.licence else ""):
        if words:
            out.append(door.space(2 * MM))
            out.append(door.para(words, "on_dark_small"))
    out.append(door.space(3 * MM))
    out.append(door.para(f"{m.title} {m.edition}, published {long_date(m.publication_date)}.", "on_dark_small"))
    if m.protective_marking:   # the open data edition carries none
        out.append(door.para(m.protective_marking, "on_dark_small"))
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


class PartnerLogos(Flowable):
    """The partners' logos in a row on light tiles (an artifact: the partners are named in the list)."""

    HEIGHT = 34.0
    GAP = 8.0

    def __init__(self, door: Door, files: list[str]) -> None:
        super().__init__()
        self.door, self.files = door, list(files)
        self.spaceBefore = self.spaceAfter = 4 * MM

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        per_row = max(1, int((available_width + self.GAP) // (self.HEIGHT * 2.2 + self.GAP)))
        rows = (len(self.files) + per_row - 1) // per_row
        self._per_row = per_row
        self.width, self.height = available_width, rows * (self.HEIGHT + self.GAP) - self.GAP
        return self.width, self.height

    def draw(self) -> None:
        from snareport.layout.logos import draw_logo_file

        canvas, d = self.canv, self.door
        tile_w, pad = self.HEIGHT * 2.2, 4.0
        with d.artifact(canvas):
            for i, path in enumerate(self.files):
                row, col = divmod(i, self._per_row)
                x = col * (tile_w + self.GAP)
                y = self.height - (row + 1) * self.HEIGHT - row * self.GAP
                canvas.setFillColor(d.colour["on_primary"])
                canvas.roundRect(x, y, tile_w, self.HEIGHT, 3, stroke=0, fill=1)
                draw_logo_file(canvas, d, path, x + pad, y + pad, tile_w - 2 * pad, self.HEIGHT - 2 * pad)


__all__: list[Any] = ["build", "PartnerLogos"]
