"""TemporalSection: day-of-week × hour counts for the under-18 and under-25 cohorts and their peak windows."""
from __future__ import annotations

from snareport.models.common import PeriodRef, Section, SectionModel


class PeakWindow(SectionModel):
    """Consecutive peak hours shared by a group of days; ``end_hour`` is exclusive (15–17 = 3pm–5pm)."""

    days: list[int]                 # Monday = 0
    days_label: str                 # "weekdays", "Friday", "Saturday & Sunday"
    start_hour: int
    end_hour: int
    label: str                      # "weekdays 3pm–5pm"


class PeakCell(SectionModel):
    """One day × hour cell at or above the peak line (``peak_threshold`` × ``max_count``); ``end_hour`` exclusive."""

    day: int                        # Monday = 0
    start_hour: int
    end_hour: int
    count: int


class CohortHeatmap(SectionModel):
    cohort: str
    cohort_label: str
    counts: list[list[int | None]]  # 7 rows (Monday first) × 24 / band_hours columns; None: withheld
    band_hours: int = 1             # hours per column (report.yaml definitions.time_band_hours: wider where counts are small)
    total: int | None
    max_count: int | None
    peak_threshold: float           # fraction of max_count at or above which a cell is a peak
    peaks: list[PeakWindow]
    peak_cells: list[PeakCell] = []  # the cells behind ``peaks``, busiest first (ties: Monday first, then by hour)
    summary: str                    # the peak windows joined as the report words them
    peaks_withheld: bool = False    # no peaks named because cells are withheld (disclosure control), not for want of any
    area_summary: str | None = None  # the whole area's peak windows, beside a district's (district scope)


class TemporalSection(Section):
    current: PeriodRef | None = None           # the year the counts cover
    cohorts: list[CohortHeatmap] = []
