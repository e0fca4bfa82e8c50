"""LatestYearSection: the report's main period (the latest 12 months of a source such as police.uk) —
volume by category and district, rates per 1,000 residents, and the trend over every month in the source."""
from __future__ import annotations

import datetime as dt

from snareport.models.common import PeriodRef, ScopeFigure, Section, SectionModel, SuppressibleCount


class MonthCount(SectionModel):
    """Offences in scope in one calendar month. ``in_source=False``: the source has no data for the
    month (a gap, never a zero), so ``count`` is ``None``."""

    month: dt.date                   # first day of the month
    count: int | None
    in_source: bool = True
    in_main_period: bool = False
    suppressed: bool = False


class DistrictLatest(SectionModel):
    """One district in the main period: volume, share of the area, residents and rate per 1,000."""

    district: str
    count: int | None
    share: float | None              # of the area's volume (0–1)
    population: int | None           # residents in ``population_year`` (None: no population table)
    rate_per_1000: float | None
    rank: int | None                 # by volume (1 = highest; ties by name)
    rate_rank: int | None            # by rate (1 = highest)
    suppressed: bool = False


class LatestYearSection(Section):
    """Periods: [``main_period``] from report.yaml. ``available=False`` (no reason) when the report has
    no main period. Figures are for the scope unless named ``county_…``."""

    main: PeriodRef | None = None                    # report.yaml's main_period
    months_in_period: int = 0
    total: int | None = None                         # offences in scope in the main period
    population: int | None = None                    # residents in scope
    population_year: int | None = None
    rate_per_1000: float | None = None
    county_total: int | None = None
    county_rate_per_1000: float | None = None
    groups: list[SuppressibleCount] = []             # by offence group, largest first; share of ``total``
    districts: list[DistrictLatest] = []             # every district, by volume rank
    trend: list[MonthCount] = []                     # in scope: every month from the source's first to last
    busiest_month: MonthCount | None = None          # the trend's month with the most published offences (earliest
                                                     # of a tie); None when none can be named (nothing above zero shown)
    focus: ScopeFigure | None = None                 # district scope: its volume beside the area's, its rank
