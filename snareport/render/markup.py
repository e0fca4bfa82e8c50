"""User and model text → reportlab paragraph markup that prints every character literally."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape, quoteattr


def text(value: object) -> str:
    """Plain user or model text → reportlab paragraph markup that prints it literally."""
    return escape("" if value is None else str(value))


def runs_markup(runs: Iterable[Any]) -> str:
    """Inline runs (content Markdown ``Run`` or ``Segment``, or plain strings) → escaped markup."""
    out: list[str] = []
    for run in runs:
        if isinstance(run, str):
            out.append(text(run))
            continue
        piece = text(run.text)
        if getattr(run, "italic", False):
            piece = f"<i>{piece}</i>"
        if getattr(run, "bold", False):
            piece = f"<b>{piece}</b>"
        link = getattr(run, "link", None)
        if link:
            piece = f"<a href={quoteattr(link)} underline=\"1\">{piece}</a>"
        out.append(piece)
    return "".join(out)
