"""The batch's published figures as one table of cells, where each is printed, and the sums that tie them.

A *cell* is one count with a stable key, e.g. ``("ro", "Maidstone", "Homicide", "Y1")``: the same figure
printed in several reports (a district's total in its own report, in the county's district table and in
every other district's table) is one cell with several *locations* (report, path into its model dump).
A *relation* says ``total = sum(parts)`` and is only kept when the unsuppressed values satisfy it. A
*derived* location (a share, a % change, a saving, a word) is withheld when any cell it is built from is.

Cells that are never printed can still matter: an unlisted remainder (all ages minus under 25s) is a
*hidden* cell with a known value; a part whose value no report carries is *free* (value unknown).
"""
from __future__ import annotations

import logging
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import NamedTuple

log = logging.getLogger(__name__)

Key = tuple[Hashable, ...]
Path = tuple[Hashable, ...]          # keys and list indices into a report's model dump


class Location(NamedTuple):        # a tuple: ~14,000 are made per batch, and a frozen dataclass costs twice as much
    report: str                      # "" for the whole area's report, else the district's name
    path: Path
    headline: bool = False           # printed as one of a report's headline figures


@dataclass(slots=True)
class Cell:
    key: Key
    value: float | None              # None: a free cell (no report carries its value)
    threshold: int                   # counts from 1 to this are withheld (5, or 7 for hospital admissions)
    locations: list[Location] = field(default_factory=list)
    kind: str = "count"              # "count", or "harm" (a weighted sum withheld with its count)
    linked: list[Key] = field(default_factory=list)   # withheld together with this cell (its harm)

    @property
    def printed(self) -> bool:
        return bool(self.locations)

    @property
    def sensitive(self) -> bool:
        """A count from 1 to the threshold: never printed, and protected from being worked out."""
        return self.kind == "count" and self.value is not None and 1 <= round(self.value) <= self.threshold


class Relation(NamedTuple):
    total: Key
    parts: tuple[Key, ...]


class Derived(NamedTuple):
    """A printed value computed from cells: withheld (set to ``None``, or to ``replacement``) with any of them."""

    location: Location
    depends: tuple[Key, ...]
    flag: Path | None = None         # a ``suppressed`` flag to set when withheld
    replacement: object = None
    share: bool = False              # a share: 0% of anything gives nothing away, so a zero stays


class Catalogue:
    """Collects cells, relations and derived values from the raw reports of one batch."""

    def __init__(self, threshold: int):
        self.threshold = threshold
        self.cells: dict[Key, Cell] = {}
        self.relations: dict[tuple, Relation] = {}
        self.derived: list[Derived] = []
        self.flags: dict[Key, list[tuple[str, Path]]] = {}
        self.dropped: list[tuple[Relation, str]] = []
        self._pending: list[tuple[Key, tuple[Key, ...], bool]] = []

    # cells -----------------------------------------------------------------------------------------
    def cell(self, key: Key, value: float | None, report: str | None = None, path: Path | None = None, *,
             threshold: int | None = None, headline: bool = False, kind: str = "count",
             flag: Path | None = None) -> Key:
        """Register a cell (hidden when ``path`` is None) and, with ``path``, one place it is printed."""
        c = self.cells.get(key)
        if c is None:
            c = self.cells[key] = Cell(key, None if value is None else float(value),
                                       threshold if threshold is not None else self.threshold, kind=kind)
        elif c.value is None and value is not None:
            c.value = float(value)
        elif value is not None and abs(c.value - float(value)) > 1e-6:
            log.debug("cell %s printed as %s and %s", key, c.value, value)
        if path is not None and report is not None:
            c.locations.append(Location(report, tuple(path), headline))
            if flag is not None:
                self.flags.setdefault(key, []).append((report, tuple(flag)))
        return key

    def link(self, count: Key, harm: Key) -> None:
        """``harm`` is withheld whenever ``count`` is (and the other way round)."""
        if count in self.cells and harm in self.cells:
            self.cells[count].linked.append(harm)
            self.cells[harm].linked.append(count)

    def derive(self, report: str, path: Path, depends: list[Key], flag: Path | None = None,
               replacement: object = None) -> None:
        self.derived.append(Derived(Location(report, tuple(path)), tuple(depends),
                                    None if flag is None else tuple(flag), replacement,
                                    share=str(path[-1]).endswith("share")))

    # relations -------------------------------------------------------------------------------------
    def relate(self, total: Key, parts: list[Key], *, free_parts: bool = False) -> None:
        """``total = sum(parts)``. Parts no report registers are zero, or free cells with ``free_parts``."""
        parts = [p for p in dict.fromkeys(parts) if p != total]
        if parts:
            self._pending.append((total, tuple(parts), free_parts))

    def finish(self) -> None:
        """Create free cells, drop parts known to be zero, and keep only relations the raw values satisfy."""
        for _total, parts, free in self._pending:
            if free:
                for p in parts:
                    if p not in self.cells:
                        self.cells[p] = Cell(p, None, self.threshold)
        kept: dict[tuple, Relation] = {}
        cells = self.cells
        for total, parts, _ in self._pending:
            parts = tuple(p for p in parts if p in cells)
            if total not in cells or not parts:
                continue
            rel = Relation(total, parts)
            values = [cells[p].value for p in parts]
            known_values = [v for v in values if v is not None]
            value = cells[total].value
            known = sum(known_values)
            if value is not None and len(known_values) == len(values) and abs(value - known) > 1e-6:
                self.dropped.append((rel, f"{value} != {known}"))
                continue
            if value is not None and known > value + 1e-6:
                self.dropped.append((rel, "known parts exceed the total"))
                continue
            kept[rel] = rel          # (total, parts): the same relation given twice is kept once
        self.relations = kept
        for rel, why in self.dropped:
            log.debug("relation dropped (%s): %s = sum %s", why, rel.total, rel.parts)
