"""Theme partners × report metadata → the back cover: who the partnership is, on the brand colour."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport.formatting import long_date
from snareport.layout.door import Door
from snareport.models.report import Report
from snareport.theme import MM


def build(report: Report, door: Door) -> list[Flowable]:
    """Back-cover flowables (the page template draws the brand background)."""
    m = report.metadata
    out: list[Flowable] = [door.para(m.partnership, "cover_sub"), door.space(6 * MM)]
    partners = (report.content.partners if report.content is not None else []) or door.theme.partners
    if partners:
        out.append(door.para("Working together in the partnership:", "on_dark"))
        out.append(door.space(2 * MM))
        out += [door.para(name, "on_dark") for name in partners]
        out.append(door.space(8 * MM))
    out.append(door.para(f"{m.title} {m.edition}, published {long_date(m.publication_date)}.", "on_dark_small"))
    out += [door.para(text, "on_dark_small") for text in (m.attribution, m.protective_marking) if text]
    return out
