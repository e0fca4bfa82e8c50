"""The whole area's Content and one scope's merged Content → that scope's text and whom each file speaks for.

A content file speaks for the **district** in a district report when it is the district's own override
(``content/districts/<district>/<file>``, different from the area's file) or when it is written for every
scope (it uses ``{district}``). Every other file speaks for the **area**; a district report prints such text
under a quiet label ("Across Kent and Medway"), built from the area's name. In the whole-area report every
file speaks for the area and no label is printed.
"""
from __future__ import annotations

from typing import Literal

from snareport.content.models import Content
from snareport.content.placeholders import model_uses, substitute_model

__all__ = ["Speaker", "scope_content", "area_label"]

Speaker = Literal["district", "area"]


def scope_content(area_content: Content, mine: Content, district: str | None, area: str,
                  edition: str) -> tuple[Content, dict[str, Speaker]]:
    """``mine`` with ``{district}``, ``{area}``, ``{edition}`` substituted, and {content field: who speaks}.

    ``{district}`` is the district's name in a district report and the area's name in the whole-area report.
    """
    speaks: dict[str, Speaker] = {}
    for field in type(mine).model_fields:
        value = getattr(mine, field)
        own = district is not None and (value != getattr(area_content, field) or model_uses(value, "district"))
        speaks[field] = "district" if own else "area"
    values = {"district": district or area, "area": area, "edition": edition}
    return substitute_model(mine, values), speaks


def area_label(area: str) -> str:
    """The quiet label over area-wide text in a district report: "Across Kent and Medway"."""
    return f"Across {area}"
