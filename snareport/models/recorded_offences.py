"""RecordedOffencesSection: recorded serious-violence offences by month, offence group and district,
year on year, with harm-weighted volumes and district ranks (what any offences table can give)."""
from __future__ import annotations

import datetime as dt

from snareport.models.common import (
    Change,
    ComparisonFindings,
    ItemChange,
    PeriodPair,
    ScopeFigure,
    Section,
    SectionModel,
)


class MonthlyVolume(SectionModel):
    """Offences recorded in the n-th month of the current period and in the matching month a year earlier.

    Months are calendar months (first day given); a side is ``None`` when that period has no such month.
    """

    previous_month: dt.date | None
    current_month: dt.date | None
    volume: Change


class OffenceGroupVolume(SectionModel):
    """One offence group's volume in both periods and its share (fraction 0–1) of all offences in scope."""

    group: str
    volume: Change
    previous_share: float | None
    current_share: float | None
    suppressed: bool = False


class DistrictVolume(SectionModel):
    """One district's volume and harm-weighted volume in both periods, with its ranks (1 = highest)."""

    district: str
    volume: Change
    harm: Change | None                      # None when the source has no harm weights
    volume_rank: int | None                  # by current volume (ties: harm, then name); None: withheld
    harm_rank: int | None                    # by current harm-weighted volume (ties: volume, then name)
    previous_volume_rank: int | None
    current_share: float | None              # share of the area's current volume
    population: int | None = None            # all ages, in report.yaml's population_year
    rate_per_1000: float | None = None       # current volume per 1,000 population
    rate_rank: int | None = None             # by current rate (1 = highest; ties: volume, then name)
    suppressed: bool = False


class RecordedOffencesSection(Section):
    """Periods: ``comparisons.year_on_year`` (previous, current). Figures are for the scope unless named
    ``county_…``; ``districts`` always lists every district so a district report shows where it stands."""

    year_on_year: PeriodPair | None = None

    total: Change | None = None                       # offences in scope, previous → current
    harm: Change | None = None                        # harm-weighted volume in scope (sum of harm weights)
    months: list[MonthlyVolume] = []                  # in scope, month by month through the periods
    groups: list[OffenceGroupVolume] = []             # in scope, by current volume (largest first)
    groups_rose: list[str] = []                       # the offence groups with the largest rises in number, largest
                                                      # first (report.yaml definitions.largest_rises)
    area_groups: list[OffenceGroupVolume] = []
    """District scope: the whole area's offence groups (by the area's current volume), printed beside the
    district's; empty in the whole-area report."""
    districts: list[DistrictVolume] = []              # every district, by current volume rank
    highest_volumes: list[str] = []                   # the districts named for the highest current volumes, highest
                                                      # first (report.yaml definitions.highest_volume_districts)
    county_total: Change | None = None                # the whole area's volume (beside a district's)
    county_harm: Change | None = None
    focus_volume: ScopeFigure | None = None           # district scope: its volume, the area's, the average district's, its rank
    focus_harm: ScopeFigure | None = None             # district scope: the same for harm-weighted volume
    rank_of: int = 0
    population_year: int | None = None                # the population behind the district rates (None: no rates)
    harm_available: bool = True
    month_findings: ComparisonFindings | None = None  # month by month: months lower and higher, the overall change
    district_findings: ComparisonFindings | None = None  # by district: which rose and fell, highest and lowest
    group_largest_rise: ItemChange | None = None      # in scope, the offence group with the largest rise in number
    group_largest_fall: ItemChange | None = None      # … and the largest fall
    unweighted_offences: int | None = 0               # current-period offences in scope whose type has no weight (None: withheld)
