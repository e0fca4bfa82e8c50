"""Shared helpers for content sections: is there content, and flattening rich text into inline runs."""
from __future__ import annotations

from typing import Any

from snareport.content.scoping import area_label
from snareport.models.report import Report


def content(report: Report) -> Any:
    """The report's narrative content, or None when the report was built without any."""
    return report.content


def inline_runs(rich_text: Any) -> list[Any]:
    """A short rich text (usually one paragraph) → one list of runs, paragraphs joined by a space."""
    runs: list[Any] = []
    for block in getattr(rich_text, "blocks", []) or []:
        if runs:
            runs.append(" ")
        if block.kind == "paragraph":
            runs += list(block.runs)
        else:
            for item in block.items:
                runs += list(item) + [" "]
    return runs


def speaks_for_area(report: Report, field: str) -> bool:
    """True when a district report prints area-wide text from the content file ``field`` (or its part
    ``"<file>.<part>"``, such as ``"section_intros.knives"``)."""
    return report.metadata.district is not None and report.content_scope.get(field, "area") == "area"


def scope_note(report: Report, builder: Any, field: str) -> list[Any]:
    """The quiet "Across Kent and Medway" label above area-wide content in a district report (else nothing)."""
    if not speaks_for_area(report, field):
        return []
    return [builder.para(area_label(report.metadata.area), "muted", keep_with_next=True)]   # with its text


def intro(report: Report, builder: Any, rich_text: Any, field: str = "section_intros", style: str = "body") -> list[Any]:
    """A section's narrative opening, under the area label when it is area-wide text in a district report."""
    if not rich_text:
        return []
    return scope_note(report, builder, field) + builder.markdown(rich_text, style)


def scoped_bullets(report: Report, builder: Any, own: list[list[Any]], area_wide: list[list[Any]]) -> list[Any]:
    """Computed statements as bullets: the scope's own first; in a district report, statements about the whole
    area (every district, the highest districts) follow under the "Across <area>" label, never mixed in."""
    if report.metadata.district is None:
        return [builder.bullets(area_wide + own)] if own or area_wide else []
    out = [builder.bullets(own)] if own else []
    if area_wide:
        out += [builder.para(area_label(report.metadata.area), "muted"), builder.bullets(area_wide)]
    return out
