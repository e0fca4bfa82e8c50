"""Prepared × Scope → TemporalSection: weekday × hour counts of current-year offences involving the
under-18 and under-25 cohorts, and the peak windows found from them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from snareport.calculators.common import (
    period_ref,
    period_refs,
    require_prepared,
    unavailable_reason,
)
from snareport.models.temporal import CohortHeatmap, PeakCell, PeakWindow, TemporalSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.prepare import Prepared
    from snareport.config import Definitions

COHORTS = ("under_18", "under_25")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = (0, 1, 2, 3, 4)


def calculate(prep: Prepared, scope: Scope) -> TemporalSection:
    """7 × 24 counts (Monday = 0) of offences involving each cohort in the current year, with peaks."""
    require_prepared(prep)
    current = prep.config.comparisons.year_on_year[1]
    fixed = dict(periods=period_refs(prep, [current]), current=period_ref(prep, current))
    reason = unavailable_reason(prep, "offences.time_of_day", "people", "people.age")
    if reason:
        return TemporalSection(**fixed, available=False, unavailable_reason=reason)
    grids = _grids(prep, scope, current)
    share = prep.config.definitions.peak_share
    area = None if scope.is_county else prep.temporal   # the whole area's peaks, beside the district's
    cohorts = []
    for name, hourly in grids.items():
        grid, band = banded(hourly, prep.config.definitions)
        peaks = peak_windows(grid, share, band)
        cohorts.append(CohortHeatmap(
            cohort=name, cohort_label=getattr(prep.config.cohorts, name).label, counts=grid.tolist(), band_hours=band,
            total=int(grid.sum()), max_count=int(grid.max()), peak_threshold=share, peaks=peaks,
            peak_cells=peak_cells(grid, share, band),
            summary=join_words([p.label for p in peaks]), area_summary=None if area is None else area.summaries[name]))
    return TemporalSection(**fixed, cohorts=cohorts)


def banded(hourly: np.ndarray, definitions: Definitions) -> tuple[np.ndarray, int]:
    """7 × 24 hourly counts → (7 × 24/b counts, b): b is the narrowest of ``time_band_hours`` whose cells
    average at least ``time_band_min_average`` offences, else the widest (report.yaml definitions)."""
    total = int(hourly.sum())
    hours = definitions.time_band_hours
    band = next((b for b in hours if total / (7 * 24 // b) >= definitions.time_band_min_average), hours[-1])
    return hourly.reshape(7, 24 // band, band).sum(axis=2), band


@dataclass(frozen=True)
class TemporalArea:
    """The whole area's peak windows per cohort, worded as the report prints them."""

    summaries: dict[str, str]


def whole_area(frames: Frames) -> TemporalArea | None:
    if unavailable_reason(frames, "offences.time_of_day", "people", "people.age"):
        return None
    grids = _grids(frames, Scope(), frames.config.comparisons.year_on_year[1])
    definitions = frames.config.definitions
    summaries = {}
    for name, hourly in grids.items():
        grid, band = banded(hourly, definitions)
        summaries[name] = join_words([p.label for p in peak_windows(grid, definitions.peak_share, band)])
    return TemporalArea(summaries)


def _grids(ds: Prepared | Frames, scope: Scope, current: str) -> dict[str, np.ndarray]:
    """{cohort: 7 × 24 counts} of the scope's current-year offences involving each cohort (from the offences'
    count by hour of the week, Monday 00:00 = 0)."""
    rows = ds.hour_counts.where(period=current)
    if not scope.is_county:
        rows = rows.where(district=scope.district)
    hours = list(rows.labels("week_hour"))
    grids = {}
    for name in COHORTS:
        grid = np.zeros(7 * 24, dtype=int)
        grid[hours] = rows.where(**{name: True}).by("week_hour")
        grids[name] = grid.reshape(7, 24)
    return grids


def peak_windows(grid: np.ndarray, peak_share: float, band_hours: int = 1) -> list[PeakWindow]:
    """Peak cells (≥ peak_share × max) as windows of consecutive hours, grouped by days sharing them.

    Hours that peak on all five weekdays form the "weekdays" windows; the remaining peak hours of each
    day form that day's windows, and days with identical windows are grouped ("Saturday & Sunday").
    Each column of ``grid`` covers ``band_hours`` hours.
    """
    top = int(grid.max())
    if top == 0:
        return []
    peak = grid >= peak_share * top
    weekday_hours = peak[list(WEEKDAYS)].all(axis=0)
    windows: list[PeakWindow] = []
    b = band_hours
    for start, end in _runs(weekday_hours):
        windows.append(_window(list(WEEKDAYS), "weekdays", start * b, end * b))
    remaining = peak.copy()
    remaining[list(WEEKDAYS)] &= ~weekday_hours
    groups: dict[tuple, list[int]] = {}
    for day in range(7):
        runs = tuple(_runs(remaining[day]))
        if runs:
            groups.setdefault(runs, []).append(day)
    for runs, days in sorted(groups.items(), key=lambda kv: kv[1][0]):
        for start, end in runs:
            windows.append(_window(days, _days_label(days), start * b, end * b))
    return windows


def peak_cells(grid: np.ndarray, peak_share: float, band_hours: int = 1) -> list[PeakCell]:
    """The cells at or above ``peak_share`` × the busiest cell, busiest first (ties: by day, then hour);
    none when no cell is above zero. Each column of ``grid`` covers ``band_hours`` hours."""
    top = int(grid.max()) if grid.size else 0
    if top <= 0:
        return []
    days, columns = np.nonzero(grid >= peak_share * top)
    cells = sorted(zip(days.tolist(), columns.tolist()), key=lambda c: (-int(grid[c]), c[0], c[1]))
    return [PeakCell(day=d, start_hour=c * band_hours, end_hour=(c + 1) * band_hours, count=int(grid[d, c]))
            for d, c in cells]


def _runs(hours: np.ndarray) -> list[tuple[int, int]]:
    """(start, end-exclusive) of each run of True hours."""
    out, start = [], None
    for h, flag in enumerate([*hours.tolist(), False]):
        if flag and start is None:
            start = h
        elif not flag and start is not None:
            out.append((start, h))
            start = None
    return out


def _days_label(days: list[int]) -> str:
    if tuple(days) == WEEKDAYS:
        return "weekdays"
    if len(days) == 1:
        return DAY_NAMES[days[0]] + "s"
    return join_words([DAY_NAMES[d] for d in days], last=" & ")


def hour_words(hour: int) -> str:
    """0 or 24 → 'midnight', 12 → 'midday', 15 → '3pm'."""
    if hour % 24 == 0:
        return "midnight"
    if hour == 12:
        return "midday"
    return f"{hour % 12 or 12}{'am' if hour < 12 else 'pm'}"


def _window(days: list[int], label: str, start: int, end: int) -> PeakWindow:
    return PeakWindow(days=days, days_label=label, start_hour=start, end_hour=end,
                      label=f"{label} {hour_words(start)}–{hour_words(end)}")


def join_words(items: list[str], last: str = " and ") -> str:
    """['a', 'b', 'c'] → 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]
