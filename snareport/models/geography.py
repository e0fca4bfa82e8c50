"""GeographySection: per-district volume and harm scores for the under-25 cohort, ranks, changes,
three-window direction, the top four and the districts that rose."""
from __future__ import annotations

from typing import Literal

from snareport.models.common import Change, ComparisonFindings, PeriodPair, PeriodRef, Section, SectionModel

Direction = Literal["falling", "rising", "mixed"]


class DistrictScore(SectionModel):
    """One district's scores: change previous → current window, all three windows, rank now and before."""

    district: str
    volume: Change
    harm: Change
    volume_by_window: list[float | None]      # the three_year windows, earliest first
    harm_by_window: list[float | None]
    volume_direction: Direction | None        # None: a window's figure is withheld
    harm_direction: Direction | None
    rank: int | None                          # among districts whose figure is published; None: withheld
    previous_rank: int | None
    population: int | None = None             # the cohort's ages, in report.yaml's population_year
    rate_per_1000: float | None = None        # current volume score per 1,000 of the cohort's population
    rate_rank: int | None = None              # by that rate (1 = highest; ties: volume, then name)
    suppressed: bool = False


class GeographySection(Section):
    rolling: PeriodPair | None = None         # the two windows a change compares
    windows: list[PeriodRef] = []             # the three_year windows of the direction of travel, earliest first
    cohort: str
    cohort_label: str
    districts: list[DistrictScore] = []       # every district, by current rank
    county_volume: Change | None = None
    county_harm: Change | None = None
    top: list[str] = []                       # top districts by current volume score (report.yaml sets how many)
    previous_top: list[str] = []
    top_unchanged: bool = False               # the same districts were the top in the window before
    direction_windows: int = 0                # how many windows the direction of travel follows
    falling_every_window: list[str] = []      # districts whose volume score fell in each successive window
    volume_rose: list[str] = []
    harm_rose: list[str] = []
    volume_findings: ComparisonFindings | None = None   # what the volume score chart says (rose, fell, highest)
    harm_findings: ComparisonFindings | None = None     # … and the harm score chart
    focus: DistrictScore | None = None        # the district of a district scope
    rank_of: int = 0
    population_year: int | None = None        # the population behind the rates (None: no population table)
