"""Shared helpers for content sections: is there content, and flattening rich text into inline runs."""
from __future__ import annotations

from typing import Any

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
