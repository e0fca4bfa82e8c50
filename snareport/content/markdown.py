"""Markdown text (a safe subset) → RichText: blocks of styled inline runs.

Understood: paragraphs (separated by blank lines), ``**bold**``, ``*italic*``, bullet lists (``- item``),
numbered lists (``1. item`` or ``1) item``), links ``[text](https://…)`` with an ``http``, ``https`` or
``mailto`` address, and backslash escapes of ASCII punctuation (``\\*`` is a literal star).

Everything else is literal text: ``<``, ``&``, ``>``, HTML tags, ``<font …>``, headings, unmatched ``*`` or
``**`` and links to other schemes are kept character for character — never interpreted, never dropped.
The text in the runs is *unescaped*; whoever draws it (the layout) escapes it for its own markup.
:func:`parse_markdown` never raises on any string.
"""
from __future__ import annotations

import re
import string
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Run", "Paragraph", "BulletList", "NumberedList", "Block", "RichText", "parse_markdown"]

_ESCAPABLE = frozenset(string.punctuation)
_ALLOWED_LINK = re.compile(r"^(https?://[^\s<>\"]+|mailto:[^\s<>\"]+)$", re.IGNORECASE)
_BULLET = re.compile(r"^-[ \t]+(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,9})[.)][ \t]+(?=\S)")
_MAX_NESTING = 12
_MAX_LABEL = 1_000   # characters in a link's text
_MAX_HREF = 2_048    # characters in a link's address


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


def parse_markdown(text: str) -> RichText:
    """Parse the safe Markdown subset. Never raises; unknown syntax stays literal text."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    blocks: list[Paragraph | BulletList | NumberedList] = []
    for kind, start, chunks in _split_blocks(text.split("\n")):
        if kind == "paragraph":
            runs = _inline(" ".join(chunks[0]))
            if runs:
                blocks.append(Paragraph(runs=runs))
            continue
        items = [_inline(" ".join(lines)) for lines in chunks]
        if kind == "bullets":
            blocks.append(BulletList(items=items))
        else:
            blocks.append(NumberedList(start=start, items=items))
    return RichText(blocks=blocks)


# --- blocks -----------------------------------------------------------------------------------------

def _list_marker(line: str) -> tuple[str, int, str] | None:
    """(kind, number, rest) when the stripped line starts a list item."""
    m = _BULLET.match(line)
    if m:
        return "bullets", 1, line[m.end():]
    m = _NUMBERED.match(line)
    if m:
        return "numbered", int(m.group(1)), line[m.end():]
    return None


def _split_blocks(lines: list[str]) -> list[tuple[str, int, list[list[str]]]]:
    """Group lines into (kind, start number, items-of-lines); a paragraph is one item."""
    blocks: list[tuple[str, int, list[list[str]]]] = []
    current: tuple[str, int, list[list[str]]] | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            current = None
            continue
        marker = _list_marker(line)
        if marker is not None:
            kind, number, rest = marker
            starts_list = current is None or current[0] != kind
            if current is not None and current[0] == "paragraph" and kind == "numbered" and number != 1:
                current[2][0].append(line)  # "2019. was…" inside a paragraph is not a list
                continue
            if starts_list:
                current = (kind, number, [[rest]])
                blocks.append(current)
            else:
                current[2].append([rest])
            continue
        if current is None:
            current = ("paragraph", 1, [[line]])
            blocks.append(current)
        else:
            current[2][-1].append(line)  # paragraph line, or continuation of the last list item
    return blocks


# --- inline -----------------------------------------------------------------------------------------

def _inline(text: str) -> list[Run]:
    runs: list[Run] = []
    _InlineParser(text).parse(text, False, False, None, 0, runs)
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


class _InlineParser:
    """Emphasis and links in one paragraph.

    Searching for closing delimiters can cost a lot on adversarial text (thousands of unmatched ``*``
    or ``[``); a work budget proportional to the text's length bounds it. Once spent, the rest of the
    paragraph's delimiters are kept as literal characters — the result is still deterministic.
    """

    def __init__(self, text: str):
        self.budget = 20_000 + 50 * len(text)

    def _spend(self, steps: int) -> bool:
        self.budget -= steps
        return self.budget >= 0

    def parse(self, s: str, bold: bool, italic: bool, link: str | None, depth: int, out: list[Run]) -> None:
        buf: list[str] = []

        def flush() -> None:
            if buf:
                out.append(Run(text="".join(buf), bold=bold, italic=italic, link=link))
                buf.clear()

        i, n = 0, len(s)
        nest = depth < _MAX_NESTING
        while i < n:
            c = s[i]
            if c == "\\" and i + 1 < n and s[i + 1] in _ESCAPABLE:
                buf.append(s[i + 1])
                i += 2
                continue
            if c == "*" and nest and self.budget > 0:
                if s.startswith("**", i):
                    j = self.find_closer(s, i + 2, "**")
                    if j is not None:
                        flush()
                        self.parse(s[i + 2:j], True, italic, link, depth + 1, out)
                        i = j + 2
                        continue
                    # an unmatched "**" might still open italic ("**a*" → "*" + italic "a")
                j = self.find_closer(s, i + 1, "*")
                if j is not None:
                    flush()
                    self.parse(s[i + 1:j], bold, True, link, depth + 1, out)
                    i = j + 1
                    continue
                buf.append(c)
                i += 1
                continue
            if c == "[" and link is None and nest and self.budget > 0:
                found = self.match_link(s, i)
                if found is not None:
                    label, href, end = found
                    flush()
                    self.parse(label, bold, italic, href, depth + 1, out)
                    i = end
                    continue
            buf.append(c)
            i += 1
        flush()

    def find_closer(self, s: str, start: int, delim: str) -> int | None:
        """Index of the delimiter closing an emphasis opened just before ``start``, or None.

        An opener must be followed by a non-space; a closer must follow a non-space; what is between
        must not be only stars. Inside italic, a complete ``**bold**`` is skipped so ``*a **b** c*`` nests.
        """
        n = len(s)
        if start >= n or s[start].isspace() or (delim == "*" and s[start] == "*"):
            return None
        k = start
        while k < n:
            if not self._spend(1):
                return None
            c = s[k]
            if c == "\\" and k + 1 < n and s[k + 1] in _ESCAPABLE:
                k += 2
                continue
            if c == "*":
                if delim == "**":
                    if s.startswith("**", k) and k > start and not s[k - 1].isspace():
                        run_end = k
                        while run_end < n and s[run_end] == "*":
                            run_end += 1
                        closer = run_end - 2  # "***x***": the last two stars close the bold
                        if not self._spend(run_end - k):
                            return None
                        return closer if any(ch != "*" for ch in s[start:closer]) else None
                    k += 1
                    continue
                if s.startswith("**", k):
                    inner = self.find_closer(s, k + 2, "**") if k + 2 < n else None
                    if inner is not None:
                        k = inner + 2
                        continue
                if k > start and not s[k - 1].isspace():
                    return k
            k += 1
        return None

    def match_link(self, s: str, i: int) -> tuple[str, str, int] | None:
        """``[label](href)`` starting at ``s[i] == "["`` with an allowed href: (label, href, end index)."""
        depth, k, n = 0, i, min(len(s), i + _MAX_LABEL)
        while k < n:
            c = s[k]
            if c == "\\":
                k += 2
                continue
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        else:
            self._spend(k - i)
            return None
        self._spend(k - i)
        label_end = k
        if label_end + 1 >= len(s) or s[label_end + 1] != "(" or label_end == i + 1:
            return None
        depth, k, n = 0, label_end + 1, min(len(s), label_end + 1 + _MAX_HREF)
        while k < n:
            c = s[k]
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            elif c.isspace():
                return None
            k += 1
        else:
            self._spend(k - label_end)
            return None
        self._spend(k - label_end)
        href = s[label_end + 2:k]
        if not _ALLOWED_LINK.match(href):
            return None
        return s[i + 1:label_end], href, k + 1
