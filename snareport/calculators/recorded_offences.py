"""Dataset × Scope → RecordedOffencesSection: volumes by month, offence group and district year on year,
harm-weighted volumes and district ranks. Needs only the offences table (and harm weights for harm),
and counts by calendar month, so month-precision sources such as police.uk get every figure."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import (
    by_period, cached, change, count_change, district_population, district_rows, harm_of, period_refs, rank_desc, scope_offences, share,
    unavailable_reason,
)
from snareport.calculators.intervals import rate_per_1000
from snareport.config import Period
from snareport.models.common import ScopeFigure
from snareport.models.recorded_offences import (
    DistrictVolume, MonthlyVolume, OffenceGroupVolume, RecordedOffencesSection,
)
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset


def calculate(ds: "Dataset", scope: Scope) -> RecordedOffencesSection:
    """Every offence in the ``year_on_year`` periods counts once; harm-weighted volume = sum of the
    offences' harm weights (by offence type). Districts ranked by current volume (ties: harm, then name)
    and by current harm (ties: volume, then name)."""
    cfg = ds.config
    yoy = cfg.comparisons.year_on_year
    section = RecordedOffencesSection(periods=period_refs(ds, yoy), rank_of=len(cfg.districts))
    reason = unavailable_reason(ds, "offences")
    if reason:
        section.available, section.unavailable_reason = False, reason
        return section
    has_harm = ds.has("harm_weights") and ds.harm_weights is not None
    section.harm_available = has_harm
    if not has_harm:
        section.notes.append("Harm-weighted volumes: not available from this source (needs harm_weights).")

    rows = cached(ds, ("recorded_offences", "rows"), lambda: _county_rows(ds, yoy, has_harm))
    _districts(ds, scope, rows, section)
    mine = rows if scope.is_county else district_rows(ds, "recorded_offences", rows, scope.district)
    if scope.is_county:  # the whole area's pair, already counted once per dataset
        section.total = section.county_total.model_copy()
        section.harm = section.county_harm.model_copy() if has_harm else None
    else:
        section.total = _pair(mine, yoy, "size")
        section.harm = _pair(mine, yoy, "harm") if has_harm else None
    section.months = _months(ds, mine, yoy)
    section.groups = _groups(mine, yoy)
    if has_harm:
        weighted = set(ds.harm_weights["offence_type"].astype("object"))
        current = mine[mine["_period"] == yoy[1]]
        section.unweighted_offences = int((~current["offence_type"].astype("object").isin(weighted)).sum())
        if section.unweighted_offences:
            section.notes.append(f"{section.unweighted_offences} offences in {cfg.period(yoy[1]).label} are of "
                                 "types with no harm weight and add nothing to the harm-weighted volume.")
    return section


def _county_rows(ds: "Dataset", yoy: tuple[str, str], has_harm: bool) -> pd.DataFrame:
    """The whole area's offences in the year-on-year periods with ``_district`` and ``_harm`` columns."""
    rows = by_period(ds, scope_offences(ds, Scope()), yoy)
    return rows.assign(_district=rows["district"].astype("object"),
                       _harm=harm_of(ds, rows["offence_type"]) if has_harm else 0.0)


def _pair(rows: pd.DataFrame, yoy: tuple[str, str], measure: str):
    """Offences (``size``) or their summed harm (``harm``) in each period, as a Change."""
    values = [rows[rows["_period"] == name] for name in yoy]
    if measure == "size":
        return count_change(len(values[0]), len(values[1]))
    return change(round(float(values[0]["_harm"].sum()), 2), round(float(values[1]["_harm"].sum()), 2))


def _districts(ds: "Dataset", scope: Scope, rows: pd.DataFrame, section: RecordedOffencesSection) -> None:
    prev, cur = ds.config.comparisons.year_on_year
    names = ds.config.districts
    grouped = cached(ds, ("recorded_offences", "district periods"),
                     lambda: rows.groupby(["_district", "_period"])["_harm"].agg(["size", "sum"]))
    volume = grouped["size"].unstack(fill_value=0).reindex(index=names, columns=[prev, cur], fill_value=0)
    harm = grouped["sum"].unstack(fill_value=0.0).reindex(index=names, columns=[prev, cur], fill_value=0.0)
    has_harm = section.harm_available
    volume_rank = rank_desc(volume[cur], harm[cur])
    previous_rank = rank_desc(volume[prev], harm[prev])
    harm_rank = rank_desc(harm[cur], volume[cur]) if has_harm else None
    county_volume = int(volume[cur].sum())
    population = district_population(ds)
    section.population_year = ds.config.population_year if population is not None else None
    rates = (pd.Series({d: rate_per_1000(int(volume.at[d, cur]), int(population[d])) for d in names}, dtype="float64")
             if population is not None else None)
    rate_rank = rank_desc(rates.fillna(-1.0), volume[cur]) if rates is not None else None
    section.county_total = cached(ds, ("recorded_offences", "county size"),
                                  lambda: _pair(rows, (prev, cur), "size")).model_copy()
    section.county_harm = cached(ds, ("recorded_offences", "county harm"),
                                 lambda: _pair(rows, (prev, cur), "harm")).model_copy() if has_harm else None
    section.districts = sorted((DistrictVolume(
        district=d,
        volume=count_change(int(volume.at[d, prev]), int(volume.at[d, cur])),
        harm=change(round(float(harm.at[d, prev]), 2), round(float(harm.at[d, cur]), 2)) if has_harm else None,
        volume_rank=int(volume_rank[d]), previous_volume_rank=int(previous_rank[d]),
        harm_rank=int(harm_rank[d]) if harm_rank is not None else None,
        current_share=share(int(volume.at[d, cur]), county_volume),
        population=int(population[d]) if population is not None else None,
        rate_per_1000=rate_per_1000(int(volume.at[d, cur]), int(population[d])) if population is not None else None,
        rate_rank=int(rate_rank[d]) if rate_rank is not None else None,
    ) for d in names), key=lambda x: x.volume_rank)
    if not scope.is_county:
        d = scope.district
        section.focus_volume = ScopeFigure(district=d, value=int(volume.at[d, cur]),
                                           county_value=section.county_total.current,
                                           rank=int(volume_rank[d]), rank_of=len(names))
        if has_harm:
            section.focus_harm = ScopeFigure(district=d, value=round(float(harm.at[d, cur]), 2),
                                             county_value=section.county_harm.current,
                                             rank=int(harm_rank[d]), rank_of=len(names))


def month_starts(period: Period) -> list[dt.date]:
    """The first day of every calendar month the period touches, in order."""
    out, year, month = [], period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        out.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _months(ds: "Dataset", rows: pd.DataFrame, yoy: tuple[str, str]) -> list[MonthlyVolume]:
    """Counts per calendar month of each period, paired by position (1st month with 1st month, …)."""
    stamps = pd.to_datetime(rows["occurred_at"])
    month_number = stamps.dt.year * 12 + stamps.dt.month   # one integer per calendar month
    counts = rows.groupby([rows["_period"], month_number.rename("_month")]).size()
    previous, current = (month_starts(ds.config.period(name)) for name in yoy)
    out = []
    for i in range(max(len(previous), len(current))):
        before = previous[i] if i < len(previous) else None
        after = current[i] if i < len(current) else None
        out.append(MonthlyVolume(
            previous_month=before, current_month=after,
            volume=count_change(int(counts.get((yoy[0], _month_number(before)), 0)) if before else None,
                          int(counts.get((yoy[1], _month_number(after)), 0)) if after else None)))
    return out


def _month_number(day: dt.date) -> int:
    return day.year * 12 + day.month


def _groups(rows: pd.DataFrame, yoy: tuple[str, str]) -> list[OffenceGroupVolume]:
    prev, cur = yoy
    table = pd.crosstab(rows["offence_group"].astype("object"), rows["_period"])
    table = table.reindex(columns=[prev, cur], fill_value=0)
    totals = table.sum()
    order = sorted(table.index, key=lambda g: (-int(table.at[g, cur]), -int(table.at[g, prev]), str(g)))
    return [OffenceGroupVolume(group=str(g), volume=count_change(int(table.at[g, prev]), int(table.at[g, cur])),
                               previous_share=share(int(table.at[g, prev]), int(totals[prev])),
                               current_share=share(int(table.at[g, cur]), int(totals[cur])))
            for g in order]
