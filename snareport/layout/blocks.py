"""What is on the pages, as data: a frozen tree of blocks that layout makes and render draws.

A block says *what* is printed (a heading, a paragraph of runs, a list, a table, big-number tiles, a chart
and its figures) and never how: styles, escaping of user text, geometry that needs font metrics and PDF
tagging are render's (:mod:`snareport.render.flowables`). Every block is a frozen dataclass, so a page can
be built, compared and tested without reportlab.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    """A piece of inline text with emphasis, for sentences that mix figures and words."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


#: inline text: plain strings, Segments, or the content Markdown's runs (text, bold, italic, link)
Run = Any


@dataclass(frozen=True)
class Tile:
    """A big-number tile: the value, what it measures, its direction in words and its period."""

    value: str
    label: str
    detail: str = ""
    icon: str | None = None       # a pictogram name (decoration): knife, hospital, money, people, calendar, map


class Block:
    """A piece of the page."""


@dataclass(frozen=True)
class Heading(Block):
    """A heading. ``level`` is its structure level (H1…H6), ``style`` its look; a ``key`` makes it a section's
    heading (bookmark, outline entry at ``outline_level``, contents entry, running header); ``opens_part``
    starts a part of its own in the structure (the back cover)."""

    text: str
    level: int
    style: str = "h2"
    key: str | None = None
    outline_level: int = 0
    opens_part: bool = False


@dataclass(frozen=True)
class Paragraph(Block):
    """Text in one style, as inline runs."""

    runs: tuple[Run, ...]
    style: str = "body"
    keep_with_next: bool = False    # on the page of what follows (a table's key before its source line)


@dataclass(frozen=True)
class BulletList(Block):
    """A list whose items are inline runs; numbered from ``start`` or bulleted."""

    items: tuple[tuple[Run, ...], ...]
    numbered: bool = False
    start: int = 1
    style: str = "bullet"


@dataclass(frozen=True)
class Caption(Block):
    """A data table's title, kept with the table."""

    text: str


@dataclass(frozen=True)
class Table(Block):
    """A data table: one header row, numeric columns right-aligned, ``widths`` as fractions of the width."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    widths: tuple[float, ...]
    compact: bool = False
    keep_with_next: bool = False    # a short table stays on the page of its key and source line


@dataclass(frozen=True)
class FactorTable(Block):
    """Levels (individual → community), each with its risk and protective factors as lists."""

    levels: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


@dataclass(frozen=True)
class Quote(Block):
    """A pull quote and who said it."""

    text: str
    credit: str = ""


@dataclass(frozen=True)
class Tiles(Block):
    """Big-number tiles in a grid; ``columns`` None: as many as fit without shrinking a number too far."""

    tiles: tuple[Tile, ...]
    columns: int | None = None


@dataclass(frozen=True)
class Figure(Block):
    """A chart, as which chart (a function of :mod:`snareport.charts`) and the figures and words it is
    given (its ``style`` argument a :class:`ChartSize`); render draws it."""

    chart: str
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, Any], ...]

    def arguments(self) -> dict[str, Any]:
        return dict(self.kwargs)


@dataclass(frozen=True)
class ChartSize:
    """A chart's box in points (the theme's default, or a column of it); stands for the chart style in a
    :class:`Figure`'s arguments until render fills in the theme's fonts and colours."""

    width: float
    height: float

    def model_copy(self, update: dict[str, float]) -> ChartSize:
        return ChartSize(**{"width": self.width, "height": self.height, **update})


@dataclass(frozen=True)
class Columns(Block):
    """Two groups of blocks side by side (a layout grid, not a data table); ``split`` is the left's share."""

    left: tuple[Block, ...]
    right: tuple[Block, ...]
    split: float = 0.5


@dataclass(frozen=True)
class Panel(Block):
    """A tinted panel around a few blocks (a call-out)."""

    blocks: tuple[Block, ...]
    fill: str = "tint"


@dataclass(frozen=True)
class KeepTogether(Block):
    """Blocks that stay on one page."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Space(Block):
    points: float


@dataclass(frozen=True)
class PageBreak(Block):
    """A new page; ``template`` names the page template it starts (inner, columns, back)."""

    template: str | None = None


@dataclass(frozen=True)
class NextPageTemplate(Block):
    """The page template the next page break starts."""

    template: str


@dataclass(frozen=True)
class NextFrame(Block):
    """Go on in the page's next frame (the cover's foot)."""


@dataclass(frozen=True)
class KeepSpace(Block):
    """Start a new page unless ``points`` of space are left on this one."""

    points: float


@dataclass(frozen=True)
class Contents(Block):
    """The contents list: (bookmark key, title, level) rows, page numbers filled in while laid out."""

    entries: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class KeyFindings(Block):
    """Findings, each under its topic and its chapter's page, the whole entry a link to the chapter."""

    findings: tuple[Any, ...]    # each with key (bookmark), topic, own and area (inline runs)
    area: str = ""


@dataclass(frozen=True)
class Logos(Block):
    """Logo files in a row on light tiles (decoration: the partners are named in a list)."""

    files: tuple[str, ...]


def figures(blocks: Sequence[Block]) -> list[Figure]:
    """Every chart in ``blocks``, in the order they are printed (inside columns, panels and groups too)."""
    found: list[Figure] = []
    for block in blocks:
        if isinstance(block, Figure):
            found.append(block)
        elif isinstance(block, Columns):
            found += figures(block.left) + figures(block.right)
        elif isinstance(block, (Panel, KeepTogether)):
            found += figures(block.blocks)
    return found

