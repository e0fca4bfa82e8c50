"""Markdown text (a safe subset) → RichText: blocks of styled inline runs, parsed by markdown-it-py.

Understood (CommonMark): paragraphs, ``**bold**`` and ``*italic*`` (or ``__`` / ``_``), bullet lists
(``-``, ``*`` or ``+``), numbered lists (``1.`` or ``1)``), links ``[text](https://…)`` to an ``https`` or
``mailto`` address, and backslash escapes of ASCII punctuation (``\\*`` is a literal star).

Switched off, so their text stays literal: raw HTML (``<b>``, ``<script>``), images (``![alt](src)``: the ``!``
stays and the rest is an ordinary link), headings, block quotes, code, rules, tables, entities (``&amp;`` is
five characters), autolinks and reference links; a link to any other scheme (``javascript:``, ``file:``,
``http:``, a relative path) is not a link and keeps its brackets. Nothing is interpreted as markup for a
drawing library: the text in the runs is *unescaped*; whoever draws it (render) escapes it for its own markup.
A list nested inside a list item adds its items to the outer list (the report draws one level).
:func:`parse_markdown` never raises on any string and never drops a character that is not Markdown syntax.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import Field

from snareport.models.common import FrozenModel

__all__ = ["Run", "Paragraph", "BulletList", "NumberedList", "Block", "RichText", "parse_markdown"]

_ALLOWED_LINK = re.compile(r"(https://|mailto:)[^\s<>\"]+", re.IGNORECASE)
_MAX_HREF = 2_048    # characters in a link's address
_MAX_NESTING = 20    # markdown-it levels; deeper block nesting would lose text, so lists are then left out
_SWITCHED_OFF = ["heading", "lheading", "code", "fence", "blockquote", "hr", "html_block", "reference",
                 "table", "backticks", "autolink", "html_inline", "entity", "image", "linkify", "strikethrough"]


class _Node(FrozenModel):
    """Base of the rich text models: frozen, lists read-only."""


class Run(_Node):
    """A piece of text with one style. ``link`` is the address when the run is part of a link."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None

    def _same_style(self, other: Run) -> bool:
        return (self.bold, self.italic, self.link) == (other.bold, other.italic, other.link)


class Paragraph(_Node):
    kind: Literal["paragraph"] = "paragraph"
    runs: list[Run]

    def plain_text(self) -> str:
        return "".join(r.text for r in self.runs)


class BulletList(_Node):
    kind: Literal["bullets"] = "bullets"
    items: list[list[Run]]

    def plain_text(self) -> str:
        return "\n".join("- " + "".join(r.text for r in item) for item in self.items)


class NumberedList(_Node):
    kind: Literal["numbered"] = "numbered"
    start: int = 1
    items: list[list[Run]]

    def plain_text(self) -> str:
        return "\n".join(
            f"{self.start + i}. " + "".join(r.text for r in item) for i, item in enumerate(self.items)
        )


Block = Annotated[Paragraph | BulletList | NumberedList, Field(discriminator="kind")]


class RichText(_Node):
    """Parsed Markdown: a sequence of blocks. Empty text gives no blocks."""

    blocks: list[Block] = Field(default_factory=list)

    def plain_text(self) -> str:
        """The words without styling: blocks separated by a blank line, list items marked ``- `` / ``1. ``."""
        return "\n\n".join(b.plain_text() for b in self.blocks)

    def __bool__(self) -> bool:
        return bool(self.blocks)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


def _parser(lists: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": _MAX_NESTING})
    md.disable(_SWITCHED_OFF + ([] if lists else ["list"]), ignoreInvalid=True)
    md.validateLink = _allowed_link  # type: ignore[method-assign]
    md.normalizeLink = str  # type: ignore[method-assign]   # an address is kept as written (placeholders too)
    return md


def _allowed_link(url: str) -> bool:
    return len(url) <= _MAX_HREF and _ALLOWED_LINK.fullmatch(url) is not None


_MD = _parser(lists=True)
_MD_FLAT = _parser(lists=False)   # for text whose lists nest deeper than markdown-it keeps


def parse_markdown(text: str) -> RichText:
    """Parse the safe Markdown subset. Never raises; unknown syntax stays literal text."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    tokens = _MD.parse(text)
    if not _every_line_kept(text, tokens):
        tokens = _MD_FLAT.parse(text)
    return RichText(blocks=_blocks(tokens))


def _every_line_kept(text: str, tokens: Sequence[Token]) -> bool:
    """False when markdown-it stopped at its nesting limit and left lines out (only lists nest here)."""
    covered: set[int] = set()
    for token in tokens:
        if token.type == "inline" and token.map:
            covered.update(range(*token.map))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return all(i in covered or not _has_words(line) for i, line in enumerate(lines))


def _has_words(line: str) -> bool:
    """A line with more than list markers and spaces (an empty list item, "-" or "1.", has no text to keep)."""
    return re.fullmatch(r"(\s*([-+*]|\d{1,9}[.)])(?=\s|$))*\s*", line) is None


# --- blocks -----------------------------------------------------------------------------------------

def _blocks(tokens: Sequence[Token]) -> list[Paragraph | BulletList | NumberedList]:
    blocks: list[Paragraph | BulletList | NumberedList] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "inline" and token.level == 1:      # a top-level paragraph's text
            runs = _inline(token.children or [])
            if runs:
                blocks.append(Paragraph(runs=runs))
        elif token.type in ("bullet_list_open", "ordered_list_open") and token.level == 0:
            end = _closing(tokens, i)
            items = [item for item in _items(tokens[i + 1:end]) if item]
            if items and token.type == "bullet_list_open":
                blocks.append(BulletList(items=items))
            elif items:
                blocks.append(NumberedList(start=int(token.attrGet("start") or 1), items=items))
            i = end
        i += 1
    return blocks


def _closing(tokens: Sequence[Token], i: int) -> int:
    """Index of the token that closes ``tokens[i]``."""
    depth = 0
    for k in range(i, len(tokens)):
        depth += tokens[k].nesting
        if depth == 0:
            return k
    return len(tokens) - 1


def _items(tokens: Sequence[Token]) -> list[list[Run]]:
    """One item per list item at any depth, in reading order; paragraphs of one item joined by a space."""
    items: list[list[Run]] = []
    for token in tokens:
        if token.type == "list_item_open":
            items.append([])
        elif token.type == "inline" and items:
            runs = _inline(token.children or [])
            if items[-1] and runs:
                runs = [Run(text=" "), *runs]
            items[-1] = _merge(items[-1] + runs)
    return items


# --- inline -----------------------------------------------------------------------------------------

def _inline(children: Sequence[Token]) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None
    link_start = 0
    for token in children:
        kind = token.type
        if kind in ("text", "text_special"):
            runs.append(Run(text=token.content, bold=bold > 0, italic=italic > 0, link=link))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(text=" ", bold=bold > 0, italic=italic > 0, link=link))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link, link_start = str(token.attrGet("href")), len(runs)
        elif kind == "link_close":
            if not any(r.text for r in runs[link_start:]):   # "[](https://…)" has no words to link: keep it
                runs.append(Run(text=f"[]({link})", bold=bold > 0, italic=italic > 0))
            link = None
        else:   # nothing else is switched on; keep any other token's source rather than lose it
            runs.append(Run(text=token.content or token.markup, bold=bold > 0, italic=italic > 0, link=link))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1]._same_style(run):
            merged[-1] = merged[-1].model_copy(update={"text": merged[-1].text + run.text})
        else:
            merged.append(run)
    return merged
