"""Prepared × Scope → LatestYearSection: offences in the main period (report.yaml ``main_period``) by
offence group and district, rates per 1,000 residents (population table, ``population_year``), and
the monthly trend over every month of the source (months the source lacks are gaps, not zeros)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import in_period, period_ref, period_refs, require_prepared, scope_offences, share
from snareport.models.common import ScopeFigure, SuppressibleCount
from snareport.models.latest_year import DistrictLatest, LatestYearSection, MonthCount
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.prepare import Prepared
    from snareport.dataset import Dataset


def calculate(prep: Prepared, scope: Scope) -> LatestYearSection:
    """Offences in the main period by group and district, rates per 1,000 residents, and the monthly trend."""
    require_prepared(prep)
    ds = prep.ds
    cfg = ds.config
    if cfg.main_period is None:
        return LatestYearSection(available=False)
    main = cfg.period(cfg.main_period)
    area = scope_offences(prep, Scope())
    stamps = pd.to_datetime(area["occurred_at"])
    district = area["district"].astype("object")
    picked = in_period(stamps, main)
    names = list(cfg.districts)
    counts = district[picked].value_counts().reindex(names, fill_value=0)
    residents = _residents(ds)
    county_total = int(picked.sum())
    county_population = int(sum(residents.values())) if residents else None
    rates = {d: rate(int(counts[d]), residents.get(d)) for d in names}
    by_volume = sorted(names, key=lambda d: (-int(counts[d]), d))
    by_rate = sorted((d for d in names if rates[d] is not None), key=lambda d: (-rates[d], d))
    districts = [DistrictLatest(
        district=d, count=int(counts[d]), share=share(int(counts[d]), county_total),
        population=residents.get(d), rate_per_1000=rates[d], rank=by_volume.index(d) + 1,
        rate_rank=by_rate.index(d) + 1 if d in by_rate else None) for d in by_volume]

    mine = picked if scope.is_county else picked & (district == scope.district)
    in_scope = area if scope.is_county else area[district == scope.district]
    total = int(mine.sum())
    population = county_population if scope.is_county else residents.get(scope.district)
    groups = area.loc[mine, "offence_group"].astype("object").value_counts()
    return LatestYearSection(
        periods=period_refs(ds, [cfg.main_period]), main=period_ref(ds, cfg.main_period),
        months_in_period=main.months,
        total=total,
        population=population,
        population_year=cfg.population_year if residents else None,
        rate_per_1000=rate(total, population),
        county_total=county_total,
        county_rate_per_1000=rate(county_total, county_population),
        groups=[SuppressibleCount(label=str(g), count=int(n), share=share(int(n), total))
                for g, n in sorted(groups.items(), key=lambda kv: (-int(kv[1]), str(kv[0])))],
        districts=districts,
        trend=(trend := _trend(ds, pd.to_datetime(in_scope["occurred_at"]), main)),
        busiest_month=busiest_month(trend),
        focus=None if scope.is_county else ScopeFigure(district=scope.district, value=total, county_value=county_total,
                                                       rank=by_volume.index(scope.district) + 1, rank_of=len(names)),
    )


def busiest_month(trend: list[MonthCount]) -> MonthCount | None:
    """The month with the most offences among the published counts, the earliest of a tie; None when no
    published count is above zero (then a withheld month could be the busiest) or the trend is empty."""
    shown = [m for m in trend if m.count is not None]
    top = max((m.count for m in shown if m.count is not None), default=0)
    return next((m for m in shown if m.count == top), None) if top > 0 else None


def rate(count: int | None, population: int | None) -> float | None:
    """Offences per 1,000 residents, to three decimal places (None without a population)."""
    if count is None or not population:
        return None
    return round(count / population * 1000, 3)


def _residents(ds: Dataset) -> dict[str, int]:
    """Residents per district in ``population_year`` (summed over age bands); {} without a population table."""
    pop = ds.population
    if pop is None or not ds.has("population"):
        return {}
    year = pop[pop["year"] == ds.config.population_year]
    if year.empty:
        return {}
    totals = year.groupby(year["district"].astype("object"))["population"].sum()
    return {str(d): int(n) for d, n in totals.items() if d in ds.config.districts}


def _trend(ds: Dataset, stamps: pd.Series, main) -> list[MonthCount]:
    """Every calendar month from the source's first to its last (report.yaml ``source.months``, else the
    offences' own range); a month the source does not cover is a gap with no count."""
    covered = list(ds.config.source.months) if ds.config.source and ds.config.source.months else []
    if covered:
        first, last = min(covered), max(covered)
    elif len(stamps):
        first, last = f"{stamps.min():%Y-%m}", f"{stamps.max():%Y-%m}"
    else:
        return []
    keys = stamps.dt.strftime("%Y-%m")
    counts = keys.value_counts()
    out = []
    for month in pd.period_range(first, last, freq="M"):
        key = str(month)
        day = month.start_time.date()
        present = not covered or key in covered
        out.append(MonthCount(month=day, count=int(counts.get(key, 0)) if present else None, in_source=present,
                              in_main_period=main.start <= day <= main.end))
    return out
