"""Prepared × Scope → RecordedOffencesSection: volumes by month, offence group and district year on year,
harm-weighted volumes and district ranks. Needs only the offences table (and harm weights for harm),
and counts by calendar month, so month-precision sources such as police.uk get every figure."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators import findings
from snareport.calculators.common import (
    change,
    count_change,
    district_mean,
    district_population,
    harm_of,
    period_pair,
    period_refs,
    rank_desc,
    require_prepared,
    share,
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
    from snareport.calculators.counts import CountTable
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
    county_total, county_harm = area.county_total, area.county_harm
    mine, months = prep.offence_counts, prep.month_counts
    if not scope.is_county:
        mine, months = mine.where(district=scope.district), months.where(district=scope.district)
    if scope.is_county:  # the whole area's pair, counted once
        total, harm = county_total, county_harm
    else:
        total, harm = _pair(mine, yoy, None), _pair(mine, yoy, area.weights) if has_harm else None
    unweighted = 0
    if has_harm:
        weighted = set(area.weights.index)
        unweighted = mine.where(period=yoy[1], offence_type=lambda t: t not in weighted).total()
        if unweighted:
            notes.append(f"{unweighted} offences in {cfg.period(yoy[1]).label} are of "
                         "types with no harm weight and add nothing to the harm-weighted volume.")
    districts = _districts(prep, scope, area, has_harm)
    by_month, groups = _months(prep, months, yoy), _groups(mine, yoy)
    return RecordedOffencesSection(
        **fixed, notes=notes, harm_available=has_harm, county_total=county_total, county_harm=county_harm,
        **districts, total=total, harm=harm, months=by_month, groups=groups, unweighted_offences=unweighted,
        groups_rose=findings.largest_rises(groups, prep.config.definitions.largest_rises),
        area_groups=[] if scope.is_county else _groups(prep.offence_counts, yoy),   # the area's, beside
        **findings.recorded_offences(by_month, groups, districts["districts"]),
    )


def _has_harm(data) -> bool:
    return data.has("harm_weights") and data.ds.harm_weights is not None


@dataclass(frozen=True)
class RecordedArea:
    """Every district's volumes, harm and ranks year on year, the harm weight of each offence type that has
    one, and the area's changes."""

    districts: tuple[DistrictVolume, ...]
    population_year: int | None
    weights: pd.Series
    county_total: Change
    county_harm: Change | None


def whole_area(frames: Frames) -> RecordedArea | None:
    if unavailable_reason(frames, "offences"):
        return None
    yoy = list(frames.config.comparisons.year_on_year)
    has_harm = _has_harm(frames)
    counts = frames.offence_counts
    types = pd.Series(counts.labels("offence_type"), dtype="object")
    weights = harm_of(frames, types) if has_harm else pd.Series(0.0, index=types.index)
    weights.index = types.to_numpy()
    by_type = {name: counts.where(period=name).by("district", "offence_type") for name in dict.fromkeys(yoy)}
    districts = pd.Index(counts.labels("district"), dtype="object")
    volume = pd.DataFrame({name: by_type[name].sum(axis=1) for name in by_type}, index=districts)[yoy]
    harm = pd.DataFrame({name: by_type[name] @ weights.to_numpy() for name in by_type}, index=districts)[yoy]
    if has_harm:
        weights = weights[types.isin(set(frames.ds.harm_weights["offence_type"].astype("object"))).to_numpy()]
    districts, population_year = _district_volumes(frames, volume, harm, has_harm)
    return RecordedArea(
        districts=tuple(districts), population_year=population_year, weights=weights,
        county_total=_pair(counts, yoy, None), county_harm=_pair(counts, yoy, weights) if has_harm else None,
    )


def _pair(rows: CountTable, yoy, weights: pd.Series | None):
    """Offences (no ``weights``) or their summed harm (harm weight by offence type) in each period, as a
    Change."""
    if weights is None:
        per_period = rows.counts("period")
        return count_change(int(per_period[yoy[0]]), int(per_period[yoy[1]]))
    by_type = rows.by("period", "offence_type")
    harm = by_type @ weights.reindex(rows.labels("offence_type"), fill_value=0.0).to_numpy()
    at = {name: i for i, name in enumerate(rows.periods)}
    return change(round(float(harm[at[yoy[0]]]), 2), round(float(harm[at[yoy[1]]]), 2))


def _districts(prep: Prepared, scope: Scope, area: RecordedArea, has_harm: bool) -> dict:
    """Every district's volumes and ranks (made once, in ``whole_area``) and the scope's own figures."""
    focus_volume = focus_harm = None
    if not scope.is_county:
        d = next(x for x in area.districts if x.district == scope.district)
        focus_volume = ScopeFigure(district=d.district, value=d.volume.current, county_value=area.county_total.current,
                                   rank=d.volume_rank, rank_of=len(area.districts),
                                   district_mean=district_mean(x.volume.current for x in area.districts))
        if has_harm:
            focus_harm = ScopeFigure(district=d.district, value=d.harm.current, county_value=area.county_harm.current,
                                     rank=d.harm_rank, rank_of=len(area.districts))
    n = prep.config.definitions.highest_volume_districts
    return dict(districts=list(area.districts), focus_volume=focus_volume, focus_harm=focus_harm,
                population_year=area.population_year,
                highest_volumes=[d.district for d in sorted(area.districts, key=_by_volume_rank)][:n])


def _by_volume_rank(d: DistrictVolume) -> tuple[bool, int]:
    return d.volume_rank is None, d.volume_rank or 0


def _district_volumes(frames: Frames, volume: pd.DataFrame, harm: pd.DataFrame,
                      has_harm: bool) -> tuple[list[DistrictVolume], int | None]:
    """Every configured district's volume and harm year on year, with its ranks (by current volume), and the
    population year when the source has populations."""
    prev, cur = frames.config.comparisons.year_on_year
    names = frames.config.districts
    volume = volume.reindex(index=names, fill_value=0)
    harm = harm.reindex(index=names, fill_value=0.0)
    volume_rank = rank_desc(volume[cur], harm[cur])
    previous_rank = rank_desc(volume[prev], harm[prev])
    harm_rank = rank_desc(harm[cur], volume[cur]) if has_harm else None
    county_volume = int(volume[cur].sum())
    population = district_population(frames.ds)
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
    return districts, frames.config.population_year if population is not None else None


def _months(ds: Prepared, rows: CountTable, yoy: tuple[str, str]) -> list[MonthlyVolume]:
    """Counts per calendar month of each period, paired by position (1st month with 1st month, …)."""
    table = rows.by("period", "month")
    counts = {(period, number): int(table[i, j]) for i, period in enumerate(rows.periods)
              for j, number in enumerate(rows.labels("month"))}
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


def _groups(rows: CountTable, yoy: tuple[str, str]) -> list[OffenceGroupVolume]:
    table = rows.per_period("offence_group", yoy)
    totals = [sum(pair[i] for pair in table.values()) for i in (0, 1)]
    order = sorted(table, key=lambda g: (-table[g][1], -table[g][0], str(g)))
    return [OffenceGroupVolume(group=str(g), volume=count_change(*table[g]),
                               previous_share=share(table[g][0], totals[0]),
                               current_share=share(table[g][1], totals[1]))
            for g in order]
