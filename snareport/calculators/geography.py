"""Prepared × Scope → GeographySection: per-district volume and harm scores of offences involving the
under-25 cohort, ranks, % change between rolling windows and the direction over three windows."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from snareport.calculators import findings
from snareport.calculators.common import (
    change,
    count_change,
    district_population,
    harm_of,
    period_mask,
    period_pair,
    period_refs,
    rank_desc,
    require_prepared,
    unavailable_reason,
)
from snareport.calculators.intervals import rate_per_1000
from snareport.models.common import Change
from snareport.models.geography import DistrictScore, GeographySection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.prepare import Prepared

COHORT = "under_25"


def direction(values: list[float]) -> str:
    """'falling' when each window is lower than the one before, 'rising' when each is higher, else 'mixed'."""
    pairs = list(zip(values, values[1:]))
    if pairs and all(b < a for a, b in pairs):
        return "falling"
    if pairs and all(b > a for a, b in pairs):
        return "rising"
    return "mixed"


def calculate(prep: Prepared, scope: Scope) -> GeographySection:
    """Volume score = offences involving the cohort; harm score = their summed harm weights.

    Every district's scores come from one grouped pass over the area (``whole_area``, made once per
    dataset); a district scope gets its own row as ``focus`` with its rank, and the county totals beside
    it. Ranked by current volume (ties: harm, then name; 1 = highest).
    """
    require_prepared(prep)
    cfg = prep.config
    top_n = cfg.definitions.most_affected_districts
    windows, (prev, cur) = _windows(cfg), cfg.comparisons.rolling
    cohort = getattr(cfg.cohorts, COHORT)
    fixed = dict(periods=period_refs(prep, [*windows, prev, cur]), rolling=period_pair(prep, (prev, cur)),
                 windows=period_refs(prep, windows), cohort=COHORT, cohort_label=cohort.label,
                 rank_of=len(cfg.districts),
                 population_year=cfg.population_year if prep.has("population") and prep.ds.population is not None
                 else None)
    reason = unavailable_reason(prep, "people", "people.age")
    if reason or prep.geography is None:
        return GeographySection(**fixed, available=False, unavailable_reason=reason)
    has_harm = _has_harm(prep)
    scores = list(prep.geography.scores)
    county_volume, county_harm = prep.geography.county_volume, prep.geography.county_harm
    return GeographySection(
        **fixed,
        notes=[] if has_harm else ["Harm scores: not available from this source (needs harm_weights)."],
        districts=scores, county_volume=county_volume, county_harm=county_harm,
        top=[s.district for s in scores[:top_n]],
        previous_top=[s.district for s in sorted(scores, key=lambda s: s.previous_rank)[:top_n]],
        top_unchanged=bool(scores[:top_n]) and {s.district for s in scores[:top_n]} == {
            s.district for s in sorted(scores, key=lambda s: s.previous_rank)[:top_n]},
        direction_windows=len(windows),
        falling_every_window=[s.district for s in scores if s.volume_direction == "falling"],
        volume_rose=[s.district for s in scores if _rose(s.volume.previous, s.volume.current)],
        harm_rose=[s.district for s in scores if has_harm and _rose(s.harm.previous, s.harm.current)],
        focus=None if scope.is_county else next(s for s in scores if s.district == scope.district),
        **findings.geography(scores),
    )


def _windows(cfg) -> tuple[str, ...]:
    return tuple(cfg.comparisons.three_year or cfg.comparisons.rolling)


def _has_harm(data) -> bool:
    return data.has("harm_weights") and data.ds.harm_weights is not None


@dataclass(frozen=True)
class GeographyArea:
    """Every district's scores, by current rank, and the area's volume and harm changes."""

    scores: tuple[DistrictScore, ...]
    county_volume: Change
    county_harm: Change | None


def whole_area(frames: Frames) -> GeographyArea | None:
    if unavailable_reason(frames, "people", "people.age"):
        return None
    prev, cur = frames.config.comparisons.rolling
    scores, county_volume, county_harm = _scores(frames, _windows(frames.config), prev, cur, _has_harm(frames))
    return GeographyArea(tuple(scores), county_volume, county_harm)


def _scores(ds: Frames, windows, prev: str, cur: str, has_harm: bool):
    """Every district's scores (one grouped pass), sorted by current rank, and the county totals."""
    cfg = ds.config
    off = ds.flagged
    district = off["district"].astype("category")
    codes, named = district.cat.codes.to_numpy(), district.cat.categories
    cohort = off[COHORT].to_numpy(dtype=bool) & (codes >= 0)
    harm_of_row = harm_of(ds, off["offence_type"]).to_numpy() if has_harm else np.zeros(len(off))
    names = list(dict.fromkeys([*windows, prev, cur]))
    volumes, harms = {}, {}
    for name in names:   # each district's cohort offences in the period, and their harm summed in row order
        rows = cohort & period_mask(ds, off, name)
        volumes[name] = np.bincount(codes[rows], minlength=len(named))
        harms[name] = pd.Series(harm_of_row[rows]).groupby(codes[rows]).sum().reindex(range(len(named)),
                                                                                      fill_value=0.0).to_numpy()
    volume = pd.DataFrame(volumes, index=named).reindex(index=cfg.districts, fill_value=0)
    harm = pd.DataFrame(harms, index=named).reindex(index=cfg.districts, fill_value=0.0)

    rank_now = rank_desc(volume[cur], harm[cur])
    rank_before = rank_desc(volume[prev], harm[prev])
    population = district_population(ds.ds, getattr(cfg.cohorts, COHORT))    # the cohort's ages
    rates = (pd.Series({d: rate_per_1000(int(volume.at[d, cur]), int(population[d])) for d in cfg.districts},
                       dtype="float64") if population is not None else None)
    rate_rank = rank_desc(rates.fillna(-1.0), volume[cur]) if rates is not None else None
    scores = []
    for d in cfg.districts:
        v, h = [float(volume.at[d, w]) for w in windows], [float(harm.at[d, w]) for w in windows]
        scores.append(DistrictScore(
            district=d,
            volume=count_change(int(volume.at[d, prev]), int(volume.at[d, cur])),
            harm=change(float(harm.at[d, prev]), float(harm.at[d, cur])) if has_harm else change(None, None),
            volume_by_window=v, harm_by_window=h if has_harm else [None] * len(h),
            volume_direction=direction(v), harm_direction=direction(h) if has_harm else "mixed",
            rank=int(rank_now[d]), previous_rank=int(rank_before[d]),
            population=int(population[d]) if population is not None else None,
            rate_per_1000=None if rates is None or pd.isna(rates[d]) else float(rates[d]),
            rate_rank=int(rate_rank[d]) if rate_rank is not None else None,
        ))
    scores.sort(key=lambda s: s.rank)
    county_volume = count_change(int(volume[prev].sum()), int(volume[cur].sum()))
    county_harm = change(float(harm[prev].sum()), float(harm[cur].sum())) if has_harm else None
    return scores, county_volume, county_harm


def _rose(previous: float | None, current: float | None) -> bool:
    return previous is not None and current is not None and current > previous
