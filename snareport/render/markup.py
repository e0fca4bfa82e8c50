"""User and model text → reportlab paragraph markup that prints every character literally."""
from __future__ import annotations

from collections.abc import Iterable
from html import escape as _html_escape
from typing import Any

# (html, not xml.sax.saxutils: the same escaping, and saxutils imports urllib.request, http.client and ssl,
# a tenth of a second's worth of modules nothing else in a build needs)


def escape(value: str) -> str:
    """``&``, ``<`` and ``>`` as entities (xml.sax.saxutils.escape; quotes are left as they are)."""
    return _html_escape(value, quote=False)


def quoteattr(value: str) -> str:
    """An XML attribute value with its quotes (xml.sax.saxutils.quoteattr): double quotes unless the value
    holds one and no single quote; tab and line ends as character references."""
    value = escape(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


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
