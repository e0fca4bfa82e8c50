"""Chart inputs for tests: counts in two periods → the Change rows and the findings the model would carry
(worked out by snareport.calculators.findings, as the calculators and the disclosure step do)."""
from __future__ import annotations

from collections.abc import Sequence

from snareport.calculators.common import pct_change
from snareport.calculators.findings import compare
from snareport.models.common import Change, ComparisonFindings


def changes(previous: Sequence[float | None], current: Sequence[float | None]) -> list[Change]:
    """``None`` is a withheld figure (the change is then marked suppressed)."""
    if len(previous) != len(current):
        raise ValueError("previous and current must have the same length")
    return [Change(previous=p, current=c, change_pct=None if p is None or c is None else pct_change(p, c),
                   suppressed=p is None or c is None) for p, c in zip(previous, current)]


def compared(names: Sequence[str], previous: Sequence[float | None], current: Sequence[float | None], *,
             overall: float | None = None, add_up: bool = False) -> tuple[list[Change], ComparisonFindings]:
    """(the rows, their findings); ``overall`` is the % change of the whole the items belong to."""
    rows = changes(previous, current)
    whole = None if overall is None else Change(previous=None, current=None, change_pct=overall)
    return rows, compare(list(zip(names, rows)), whole, add_up=add_up)


def by_district(names: Sequence[str], previous: Sequence[float | None], current: Sequence[float | None]):
    """District rows: findings over the districts in name order (ties by name), as the calculators do."""
    rows = changes(previous, current)
    return rows, compare(sorted(zip(names, rows), key=lambda t: t[0]))


def heat_peaks(grid: Sequence[Sequence[int | None]], share: float = 0.75, band_hours: int = 1) -> list[tuple]:
    """A heat map's peak cells as the model carries them (calculators.temporal.peak_cells over the published
    cells), in the chart's form: (count, day, first hour)."""
    import numpy as np

    from snareport.calculators.temporal import peak_cells

    cells = peak_cells(np.array([[v or 0 for v in row] for row in grid], dtype=int), share, band_hours)
    return [(c.count, c.day, c.start_hour) for c in cells]
