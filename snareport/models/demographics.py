"""DemographicsSection: victims and suspects by age band per authority, sex split and its change,
suspect share against population share, and the high-harm concentration."""
from __future__ import annotations

from typing import Literal

from snareport.models.common import Change, PeriodPair, Section, SectionModel, SuppressibleCount


class AgeProfile(SectionModel):
    """Involvements of one role in one area by age band (shares of all involvements incl. unknown age)."""

    area: str                    # authority name, the district's name, or the whole area's name
    kind: Literal["authority", "district", "area"]
    role: Literal["victim", "suspect"]
    total: int | None
    bands: list[SuppressibleCount]
    unknown: SuppressibleCount
    largest_band: str | None = None  # the band with the largest published share (None: no share above zero shown)


class SexRow(SectionModel):
    """One sex for one role: counts previous → current, and shares of that role's involvements."""

    sex: str
    change: Change
    previous_share: float | None
    current_share: float | None


class RoleSexSplit(SectionModel):
    role: Literal["victim", "suspect"]
    rows: list[SexRow]
    total: Change


class PopulationComparison(SectionModel):
    """Share of suspect involvements in an age band vs the band's share of the scope's population."""

    band: str
    suspect_count: int | None
    suspect_share: float | None
    population: int | None
    population_share: float | None
    suppressed: bool = False


class HighHarm(SectionModel):
    """The top ``top_share_setting`` of people ranked by summed harm weight, and their share of harm."""

    people: int | None               # None: withheld by disclosure control
    top_people: int | None
    people_share: float | None
    harm_total: float
    top_harm: float
    harm_share: float | None
    top_share_setting: float
    suppressed: bool = False


class DemographicsSection(Section):
    year_on_year: PeriodPair | None = None
    age_profiles: list[AgeProfile] = []
    comparison_profiles: list[AgeProfile] = []     # the whole area's profiles (district scope)
    sex_split: list[RoleSexSplit] = []
    suspect_vs_population: list[PopulationComparison] = []
    population_year: int | None = None
    population_available: bool = True
    high_harm: HighHarm | None = None
    area_high_harm: HighHarm | None = None         # the whole area's, beside the district's (district scope)
    area_sex_split: list[RoleSexSplit] = []         # the whole area's (district scope)
    area_suspect_vs_population: list[PopulationComparison] = []   # the whole area's (district scope)
    high_harm_available: bool = True
    high_harm_reason: str | None = None
