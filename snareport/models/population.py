"""PopulationSection: population total and by district with shares, age-band shares, census growth."""
from __future__ import annotations

from snareport.models.common import Section, SectionModel, SuppressibleCount


class DistrictPopulation(SectionModel):
    district: str
    authority: str
    population: int
    share: float                     # of the whole area
    rank: int


class Growth(SectionModel):
    from_year: int
    to_year: int
    from_population: int
    to_population: int
    change: int
    change_pct: float | None


class PopulationSection(Section):
    year: int
    population_total: int | None = None          # the scope's population (district or whole area)
    county_population_total: int | None = None   # the whole area, for comparison
    districts: list[DistrictPopulation] = []
    authorities: list[SuppressibleCount] = []
    age_bands: list[SuppressibleCount] = []      # shares of the scope's population
    county_age_bands: list[SuppressibleCount] = []
    growth: Growth | None = None
    area_growth: Growth | None = None            # the whole area's, beside a district's (district scope)
    focus: DistrictPopulation | None = None
