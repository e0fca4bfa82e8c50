"""Font files → the characters they can draw; text → the characters they cannot, with where they stand.

A character the report's font lacks would print as an empty box (and reach the text layer as U+0000), so input
text is checked against the bundled fonts when the dataset is read, and a character they cannot draw is a
problem naming the file, the line (or key/column) and the character. Tabs and line breaks are layout, not text.
The fonts' character maps are read directly (the TrueType ``cmap`` table, formats 4 and 12): a few milliseconds.
"""
from __future__ import annotations

import struct
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from snareport.resources import bundled_dir

#: The faces every report may use (the bundled themes' family): a character must be in all of them.
BUNDLED_FACES = ("Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Italic.ttf", "Lato-BoldItalic.ttf")
_LAYOUT = frozenset("\n\r\t")


def font_characters(path: Path) -> frozenset[int]:
    """The code points a TrueType/OpenType font maps to glyphs (its best Unicode cmap subtable)."""
    data = path.read_bytes()
    tables = _table_directory(data)
    if b"cmap" not in tables:
        raise ValueError(f"{path.name}: not a TrueType/OpenType font (no cmap table)")
    base = tables[b"cmap"]
    _, count = struct.unpack_from(">HH", data, base)
    best: tuple[int, int] | None = None
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, base + 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, base + offset)[0]
        rank = {(3, 10, 12): 3, (0, 4, 12): 3, (3, 1, 4): 2, (0, 3, 4): 2}.get((platform, encoding, fmt), 0)
        if rank and (best is None or rank > best[0]):
            best = (rank, base + offset)
    if best is None:
        raise ValueError(f"{path.name}: no Unicode character map")
    return frozenset(_format12(data, best[1]) if best[0] == 3 else _format4(data, best[1]))


def _table_directory(data: bytes) -> dict[bytes, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    return {data[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">I", data, 12 + 16 * i + 8)[0] for i in range(count)}


def _format4(data: bytes, at: int) -> Iterator[int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    for k, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, offsets)):
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = struct.unpack_from(">H", data, range_at + 2 * k + offset + 2 * (code - start))[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                yield code


def _format12(data: bytes, at: int) -> Iterator[int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    for k in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * k)
        yield from (code for code in range(start, end + 1) if glyph + code - start)


@lru_cache(maxsize=4)
def drawable(folder: Path | None = None, faces: tuple[str, ...] = BUNDLED_FACES) -> frozenset[int]:
    """Characters every one of ``faces`` (in ``folder``, default the bundled fonts) can draw."""
    folder = folder or bundled_dir("fonts")
    sets = [font_characters(folder / face) for face in faces]
    return frozenset.intersection(*sets)


def describe(char: str) -> str:
    """'→' → "'→' (U+2192 RIGHTWARDS ARROW)"; a control character is shown by its code alone."""
    name = unicodedata.name(char, "")
    shown = repr(char) if unicodedata.category(char)[0] != "C" else "a control character"
    return f"{shown} (U+{ord(char):04X}{' ' + name if name else ''})"


def undrawable_in_lines(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line number, character) for each line holding a character the bundled fonts cannot draw (first one)."""
    lines = dict(enumerate(text.splitlines(), start=first_line))
    by_text = dict(undrawable_in(lines.values()))
    return [(number, by_text[line]) for number, line in lines.items() if line in by_text]


@lru_cache(maxsize=1)
def _drawable_text() -> frozenset[str]:
    """The characters of :func:`drawable` (and the layout characters) as one-character strings."""
    return frozenset(map(chr, drawable())) | _LAYOUT


def undrawable_in(values: Iterable[str]) -> list[tuple[str, str]]:
    """(value, character) for each value holding a character the bundled fonts cannot draw (its first one).
    A value's distinct characters are checked at once; only a value with one the fonts lack is read in order."""
    ok = _drawable_text()
    found = []
    for value in values:
        lacking = set(value) - ok
        if lacking:
            found.append((value, next(c for c in value if c in lacking)))
    return found


EXPECTED = "characters the report's fonts can draw (Latin, Greek and Cyrillic letters, digits, punctuation)"
