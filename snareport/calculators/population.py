"""Prepared × Scope → PopulationSection: population total and by district with shares, age-band
shares, and growth between the two census years."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from snareport.calculators.common import (
    pct_change,
    population_band_map,
    rank_desc,
    require_prepared,
    share,
    unavailable_reason,
)
from snareport.models.common import SuppressibleCount
from snareport.models.population import DistrictPopulation, Growth, PopulationSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from snareport.calculators.common import Frames
    from snareport.calculators.prepare import Prepared
    from snareport.config import ReportConfig
    from snareport.dataset import Dataset


@dataclass(frozen=True)
class PopulationArea:
    """What every scope's population section shares: the whole area's figures, made once per dataset."""

    districts: list[DistrictPopulation]
    authorities: list[SuppressibleCount]
    total: int
    bands: list[SuppressibleCount]
    growth: Growth | None
    district_bands: dict[str, list[SuppressibleCount]]   # each district's age bands and growth
    district_growth: dict[str, Growth | None]


def whole_area(frames: Frames) -> PopulationArea | None:
    """The whole area's population figures (None when the source has no usable population table)."""
    ds = frames.ds
    cfg = ds.config
    if unavailable_reason(ds, "population") or ds.population is None:
        return None
    pop = ds.population.assign(_district=ds.population["district"].astype("object"))
    year = pop[pop["year"] == cfg.population_year]
    by_district = year.groupby("_district")["population"].sum().reindex(cfg.districts, fill_value=0).astype(int)
    total = int(by_district.sum())
    ranks = rank_desc(by_district)
    districts = [
        DistrictPopulation(district=d, authority=cfg.authority_of(d).name, population=int(by_district[d]),
                           share=share(int(by_district[d]), total) or 0.0, rank=int(ranks[d]))
        for d in cfg.districts
    ]
    authorities = [SuppressibleCount(label=a.name, count=int(by_district[a.districts].sum()),
                                     share=share(int(by_district[a.districts].sum()), total))
                   for a in cfg.authorities]
    # every district's age bands and growth from one group-by each (sums of whole numbers: the same as a
    # district's rows summed alone)
    bands = year["age_band"].map(population_band_map(cfg.age_bands, year["age_band"].unique()))
    band_sums = year.groupby(["_district", bands])["population"].sum()
    year_sums = pop.groupby(["_district", "year"])["population"].sum()
    district_bands, district_growth = {}, {}
    for d in cfg.districts:
        mine = band_sums[d].to_dict() if d in band_sums.index.get_level_values(0) else {}
        district_bands[d] = _band_counts(cfg, mine, int(by_district[d]))
        district_growth[d] = _growth_of(year_sums[d].to_dict() if d in year_sums.index.get_level_values(0) else {},
                                        cfg.census_years)
    return PopulationArea(districts, authorities, total, _bands(ds, year), _growth(pop, cfg.census_years),
                          district_bands, district_growth)


def calculate(prep: Prepared, scope: Scope) -> PopulationSection:
    """Population in ``population_year``; growth between the first and last ``census_years`` present."""
    require_prepared(prep)
    ds = prep.ds
    cfg = ds.config
    area = prep.population
    if area is None:
        return PopulationSection(year=cfg.population_year, available=False,
                                 unavailable_reason=unavailable_reason(ds, "population"))
    focus = None if scope.is_county else next(d for d in area.districts if d.district == scope.district)
    return PopulationSection(
        year=cfg.population_year, districts=area.districts, authorities=area.authorities,
        county_population_total=area.total, county_age_bands=area.bands, focus=focus,
        population_total=area.total if focus is None else focus.population,
        age_bands=area.bands if focus is None else area.district_bands[scope.district],
        growth=area.growth if focus is None else area.district_growth[scope.district],
        area_growth=None if focus is None else area.growth,  # the whole area's, beside it
    )


def _bands(ds: Dataset, rows: pd.DataFrame) -> list[SuppressibleCount]:
    band_of = population_band_map(ds.config.age_bands, rows["age_band"].unique())
    sums = rows.groupby(rows["age_band"].map(band_of))["population"].sum()
    return _band_counts(ds.config, sums.to_dict(), int(rows["population"].sum()))


def _band_counts(cfg: ReportConfig, sums: dict, total: int) -> list[SuppressibleCount]:
    """Each configured age band's population (``sums``: by band label) and its share of ``total``."""
    counts = {b.label: int(sums.get(b.label, 0)) for b in cfg.age_bands}
    return [SuppressibleCount(label=label, count=n, share=share(n, total)) for label, n in counts.items()]


def _growth(rows: pd.DataFrame, census_years: list[int]) -> Growth | None:
    return _growth_of(rows.groupby("year")["population"].sum().to_dict(), census_years)


def _growth_of(by_year: dict, census_years: list[int]) -> Growth | None:
    """Growth between the first and last census years present (``by_year``: population summed by year)."""
    present = sorted(set(census_years) & set(int(y) for y in by_year))
    if len(present) < 2:
        return None
    first, last = present[0], present[-1]
    a, b = int(by_year[first]), int(by_year[last])
    return Growth(from_year=first, to_year=last, from_population=a, to_population=b, change=b - a,
                  change_pct=pct_change(a, b))
