"""Two report models (as JSON data) → their figures that differ, figure by figure, for QA of a rebuild or
a new edition: the figure's path, its value in each, the change and the % change.

List items are named by what they are about (a district, a cohort, a key) rather than by position where
they can be, so a figure is matched with the same figure in the other report even when ranks reorder
the lists.
"""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_NAMING_FIELDS = ("key", "district", "name", "group", "category", "cohort", "table", "topic", "band", "sex", "label",
                  "offence_group", "offence_type", "age", "month")


@dataclass(frozen=True)
class FigureChange:
    path: str
    a: float | int | None           # None: not in A (or withheld there)
    b: float | int | None

    @property
    def change(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def change_pct(self) -> float | None:
        if self.a is None or self.b is None or self.a == 0:
            return None
        return (self.b - self.a) / abs(self.a) * 100


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _item_name(item: Any, siblings: list[Any]) -> str | None:
    """A name for a list item from the first naming field whose values are distinct across the list."""
    if not isinstance(item, dict):
        return None
    for field in _NAMING_FIELDS:
        values = [s.get(field) if isinstance(s, dict) else None for s in siblings]
        if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values) and len(set(values)) == len(values):
            return str(item[field])
    area, role = item.get("area"), item.get("role")
    if isinstance(area, str) and isinstance(role, str):
        keys = [(s.get("area"), s.get("role")) for s in siblings if isinstance(s, dict)]
        if len(set(keys)) == len(keys):
            return f"{area}/{role}"
    return None


def figures(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of the report data with its path, e.g. ``recorded_offences.districts[Thanet].volume.current``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from figures(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            name = _item_name(item, data)
            yield from figures(item, f"{path}[{name if name is not None else i}]")
    else:
        yield path, data


def compare(a: Any, b: Any) -> tuple[list[FigureChange], int]:
    """Numeric figures that differ (or exist on one side only), in A's order then B's extras; and the
    number of text values that differ."""
    left, right = dict(figures(a)), dict(figures(b))
    changes, texts = [], 0
    for path in list(left) + [p for p in right if p not in left]:
        x, y = left.get(path), right.get(path)
        if _is_number(x) or _is_number(y):
            x = x if _is_number(x) else None
            y = y if _is_number(y) else None
            if x != y:
                changes.append(FigureChange(path, x, y))
        elif x != y:
            texts += 1
    return changes, texts


def number(value: float | int | None) -> str:
    """A figure as the diff prints it: thousands separators, at most four decimal places, '–' for none."""
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def as_table(changes: list[FigureChange], a_name: str = "A", b_name: str = "B") -> str:
    """A plain-text table: one figure a line."""
    rows = [("figure", a_name, b_name, "change", "change %")]
    for c in changes:
        pct = c.change_pct
        rows.append((c.path, number(c.a), number(c.b), number(c.change), "–" if pct is None else f"{pct:+.1f}%"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join([r[0].ljust(widths[0])] + [v.rjust(w) for v, w in zip(r[1:], widths[1:])]).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def as_csv(changes: list[FigureChange]) -> str:
    """CSV with full-precision values: figure, a, b, change, change_pct."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["figure", "a", "b", "change", "change_pct"])
    for c in changes:
        writer.writerow([c.path, "" if c.a is None else c.a, "" if c.b is None else c.b,
                         "" if c.change is None else c.change, "" if c.change_pct is None else c.change_pct])
    return buffer.getvalue()
