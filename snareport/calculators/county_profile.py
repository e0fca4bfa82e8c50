"""Dataset × Scope → CountyProfileSection: population total and by district with shares, age-band
shares, and growth between the two census years."""
from __future__ import annotations

from typing import TYPE_CHECKING

from snareport.calculators.common import pct_change, population_band_map, rank_desc, share, unavailable_reason
from snareport.models.common import SuppressibleCount
from snareport.models.county_profile import CountyProfileSection, DistrictPopulation, Growth
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from snareport.dataset import Dataset


def calculate(ds: "Dataset", scope: Scope) -> CountyProfileSection:
    """Population in ``population_year``; growth between the first and last ``census_years`` present."""
    cfg = ds.config
    section = CountyProfileSection(year=cfg.population_year)
    reason = unavailable_reason(ds, "population")
    if reason or ds.population is None:
        section.available, section.unavailable_reason = False, reason
        return section
    pop = ds.population.assign(_district=ds.population["district"].astype("object"))
    year = pop[pop["year"] == cfg.population_year]
    by_district = year.groupby("_district")["population"].sum().reindex(cfg.districts, fill_value=0).astype(int)
    total = int(by_district.sum())
    ranks = rank_desc(by_district)
    section.districts = [
        DistrictPopulation(district=d, authority=cfg.authority_of(d).name, population=int(by_district[d]),
                           share=share(int(by_district[d]), total) or 0.0, rank=int(ranks[d]))
        for d in cfg.districts
    ]
    section.authorities = [
        SuppressibleCount(label=a.name, count=int(by_district[a.districts].sum()),
                          share=share(int(by_district[a.districts].sum()), total))
        for a in cfg.authorities
    ]
    section.county_population_total = total
    section.county_age_bands = _bands(ds, year)
    if scope.is_county:
        section.population_total = total
        section.age_bands = section.county_age_bands
        census = pop
    else:
        section.focus = next(d for d in section.districts if d.district == scope.district)
        section.population_total = section.focus.population
        section.age_bands = _bands(ds, year[year["_district"] == scope.district])
        census = pop[pop["_district"] == scope.district]
    section.growth = _growth(census, cfg.census_years)
    if not scope.is_county:   # the whole area's growth, beside the district's
        section.area_growth = _growth(pop, cfg.census_years)
    return section


def _bands(ds: "Dataset", rows: "pd.DataFrame") -> list[SuppressibleCount]:
    band_of = population_band_map(ds.config.age_bands, rows["age_band"].unique())
    sums = rows.groupby(rows["age_band"].map(band_of))["population"].sum()
    total = int(rows["population"].sum())
    counts = {b.label: int(sums.get(b.label, 0)) for b in ds.config.age_bands}
    return [SuppressibleCount(label=label, count=n, share=share(n, total)) for label, n in counts.items()]


def _growth(rows: "pd.DataFrame", census_years: list[int]) -> Growth | None:
    present = sorted(set(census_years) & set(int(y) for y in rows["year"].unique()))
    if len(present) < 2:
        return None
    first, last = present[0], present[-1]
    a = int(rows.loc[rows["year"] == first, "population"].sum())
    b = int(rows.loc[rows["year"] == last, "population"].sum())
    return Growth(from_year=first, to_year=last, from_population=a, to_population=b, change=b - a,
                  change_pct=pct_change(a, b))
