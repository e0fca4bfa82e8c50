"""The whole area's Content and one scope's merged Content → that scope's text and whom each file speaks for.

A content file speaks for the **district** in a district report when it is the district's own override
(``content/districts/<district>/<file>``, different from the area's file) or when it is written for every
scope (it uses ``{district}``). Every other file speaks for the **area**; a district report prints such text
under a quiet label ("Across Kent and Medway"), built from the area's name. In the whole-area report every
file speaks for the area and no label is printed. A file of independent texts (``section_intros``: one
paragraph or two per section) is scoped part by part, so a part written for every scope with ``{district}``
does not carry the others, which speak for the area, with it.
"""
from __future__ import annotations

from typing import Literal

from snareport.content.models import Content
from snareport.content.placeholders import model_uses, substitute_model

__all__ = ["Speaker", "scope_content", "area_label"]

Speaker = Literal["district", "area"]
# files made of independent texts (one per section): each part speaks for the district or the area on its own,
# recorded as "<file>.<part>" beside the file's own entry (which is "district" when any part is)
BY_PART = ("section_intros",)


def scope_content(area_content: Content, mine: Content, district: str | None, area: str,
                  edition: str) -> tuple[Content, dict[str, Speaker]]:
    """``mine`` with ``{district}``, ``{area}``, ``{edition}`` substituted, and {content field: who speaks}.

    ``{district}`` is the district's name in a district report and the area's name in the whole-area report.
    """
    speaks: dict[str, Speaker] = {}
    for field in type(mine).model_fields:
        value, theirs = getattr(mine, field), getattr(area_content, field)
        speaks[field] = _speaker(value, theirs, district)
        if field in BY_PART and value is not None:   # each part of the file is a text of its own
            for part in type(value).model_fields:
                speaks[f"{field}.{part}"] = _speaker(getattr(value, part), getattr(theirs, part, None), district)
    values = {"district": district or area, "area": area, "edition": edition}
    return substitute_model(mine, values), speaks


def _speaker(value: object, area_value: object, district: str | None) -> Speaker:
    own = district is not None and (value != area_value or model_uses(value, "district"))
    return "district" if own else "area"


def area_label(area: str) -> str:
    """The quiet label over area-wide text in a district report: "Across Kent and Medway"."""
    return f"Across {area}"
