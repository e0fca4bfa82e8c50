"""Prepared × Scope → RecordedOffencesSection: volumes by month, offence group and district year on year,
harm-weighted volumes and district ranks. Needs only the offences table (and harm weights for harm),
and counts by calendar month, so month-precision sources such as police.uk get every figure."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from snareport.calculators import findings
from snareport.calculators.common import (
    by_period,
    change,
    count_change,
    district_population,
    harm_of,
    period_pair,
    period_refs,
    rank_desc,
    require_prepared,
    share,
    take_district,
    unavailable_reason,
)
from snareport.calculators.intervals import rate_per_1000
from snareport.loading.coverage import period_months
from snareport.models.common import Change, ScopeFigure
from snareport.models.recorded_offences import (
    DistrictVolume,
    MonthlyVolume,
    OffenceGroupVolume,
    RecordedOffencesSection,
)
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.prepare import Prepared


def calculate(prep: Prepared, scope: Scope) -> RecordedOffencesSection:
    """Every offence in the ``year_on_year`` periods counts once; harm-weighted volume = sum of the
    offences' harm weights (by offence type). Districts ranked by current volume (ties: harm, then name)
    and by current harm (ties: volume, then name)."""
    require_prepared(prep)
    cfg = prep.config
    yoy = cfg.comparisons.year_on_year
    fixed = dict(periods=period_refs(prep, yoy), year_on_year=period_pair(prep, yoy), rank_of=len(cfg.districts))
    reason = unavailable_reason(prep, "offences")
    area = prep.recorded_offences
    if reason or area is None:
        return RecordedOffencesSection(**fixed, available=False, unavailable_reason=reason)
    has_harm = _has_harm(prep)
    notes = [] if has_harm else ["Harm-weighted volumes: not available from this source (needs harm_weights)."]
    rows, county_total, county_harm = area.rows, area.county_total, area.county_harm
    mine = rows if scope.is_county else take_district(rows, area.positions, scope.district)
    if scope.is_county:  # the whole area's pair, counted once
        total, harm = county_total, county_harm
    else:
        total, harm = _pair(mine, yoy, "size"), _pair(mine, yoy, "harm") if has_harm else None
    unweighted = 0
    if has_harm:
        weighted = set(prep.ds.harm_weights["offence_type"].astype("object"))
        current = mine[mine["_period"] == yoy[1]]
        unweighted = int((~current["offence_type"].astype("object").isin(weighted)).sum())
        if unweighted:
            notes.append(f"{unweighted} offences in {cfg.period(yoy[1]).label} are of "
                         "types with no harm weight and add nothing to the harm-weighted volume.")
    districts = _districts(prep, scope, area.by_district, has_harm, county_total, county_harm)
    months, groups = _months(prep, mine, yoy), _groups(mine, yoy)
    return RecordedOffencesSection(
        **fixed, notes=notes, harm_available=has_harm, county_total=county_total, county_harm=county_harm,
        **districts, total=total, harm=harm, months=months, groups=groups, unweighted_offences=unweighted,
        **findings.recorded_offences(months, groups, districts["districts"]),
    )


def _has_harm(data) -> bool:
    return data.has("harm_weights") and data.ds.harm_weights is not None


@dataclass(frozen=True)
class RecordedArea:
    """The whole area's offences in the year-on-year periods (with ``_district`` and ``_harm`` columns), each
    district's row positions in them, their size and harm per district and period, and the area's changes."""

    rows: pd.DataFrame
    positions: Mapping[str, np.ndarray]
    by_district: pd.DataFrame
    county_total: Change
    county_harm: Change | None


def whole_area(frames: Frames) -> RecordedArea | None:
    if unavailable_reason(frames, "offences"):
        return None
    yoy = frames.config.comparisons.year_on_year
    has_harm = _has_harm(frames)
    rows = by_period(frames, frames.offences, yoy)
    rows = rows.assign(_district=rows["district"].astype("object"),
                       _harm=harm_of(frames, rows["offence_type"]) if has_harm else 0.0)
    return RecordedArea(
        rows=rows, positions=rows.groupby("_district", sort=False).indices,
        by_district=rows.groupby(["_district", "_period"])["_harm"].agg(["size", "sum"]),
        county_total=_pair(rows, yoy, "size"), county_harm=_pair(rows, yoy, "harm") if has_harm else None,
    )


def _pair(rows: pd.DataFrame, yoy: tuple[str, str], measure: str):
    """Offences (``size``) or their summed harm (``harm``) in each period, as a Change."""
    values = [rows[rows["_period"] == name] for name in yoy]
    if measure == "size":
        return count_change(len(values[0]), len(values[1]))
    return change(round(float(values[0]["_harm"].sum()), 2), round(float(values[1]["_harm"].sum()), 2))


def _districts(prep: Prepared, scope: Scope, grouped: pd.DataFrame, has_harm: bool, county_total,
               county_harm) -> dict:
    prev, cur = prep.config.comparisons.year_on_year
    names = prep.config.districts
    volume = grouped["size"].unstack(fill_value=0).reindex(index=names, columns=[prev, cur], fill_value=0)
    harm = grouped["sum"].unstack(fill_value=0.0).reindex(index=names, columns=[prev, cur], fill_value=0.0)
    volume_rank = rank_desc(volume[cur], harm[cur])
    previous_rank = rank_desc(volume[prev], harm[prev])
    harm_rank = rank_desc(harm[cur], volume[cur]) if has_harm else None
    county_volume = int(volume[cur].sum())
    population = district_population(prep.ds)
    rates = (pd.Series({d: rate_per_1000(int(volume.at[d, cur]), int(population[d])) for d in names}, dtype="float64")
             if population is not None else None)
    rate_rank = rank_desc(rates.fillna(-1.0), volume[cur]) if rates is not None else None
    districts = sorted((DistrictVolume(
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
    focus_volume = focus_harm = None
    if not scope.is_county:
        d = scope.district
        focus_volume = ScopeFigure(district=d, value=int(volume.at[d, cur]), county_value=county_total.current,
                                   rank=int(volume_rank[d]), rank_of=len(names))
        if has_harm:
            focus_harm = ScopeFigure(district=d, value=round(float(harm.at[d, cur]), 2),
                                     county_value=county_harm.current, rank=int(harm_rank[d]), rank_of=len(names))
    return dict(districts=districts, focus_volume=focus_volume, focus_harm=focus_harm,
                population_year=prep.config.population_year if population is not None else None)


def _months(ds: Prepared, rows: pd.DataFrame, yoy: tuple[str, str]) -> list[MonthlyVolume]:
    """Counts per calendar month of each period, paired by position (1st month with 1st month, …)."""
    stamps = pd.to_datetime(rows["occurred_at"])
    month_number = stamps.dt.year * 12 + stamps.dt.month   # one integer per calendar month
    counts = rows.groupby([rows["_period"], month_number.rename("_month")]).size()
    previous, current = (period_months(ds.config.period(name)) for name in yoy)
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
