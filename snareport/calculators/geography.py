"""Dataset × Scope → GeographySection: per-district volume and harm scores of offences involving the
under-25 cohort, ranks, % change between rolling windows and the direction over three windows."""
from __future__ import annotations

from typing import TYPE_CHECKING

from snareport.calculators.common import (
    count_change,
    by_period, cached, change, harm_of, offences_with_flags, period_refs, rank_desc, unavailable_reason,
)
from snareport.models.geography import DistrictScore, GeographySection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset

COHORT = "under_25"


def direction(values: list[float]) -> str:
    """'falling' when each window is lower than the one before, 'rising' when each is higher, else 'mixed'."""
    pairs = list(zip(values, values[1:]))
    if pairs and all(b < a for a, b in pairs):
        return "falling"
    if pairs and all(b > a for a, b in pairs):
        return "rising"
    return "mixed"


def calculate(ds: "Dataset", scope: Scope) -> GeographySection:
    """Volume score = offences involving the cohort; harm score = their summed harm weights.

    One grouped pass over all districts; a district scope gets its own row as ``focus`` with its rank,
    and the county totals beside it. Ranked by current volume (ties: harm, then name; 1 = highest).
    """
    cfg = ds.config
    windows, (prev, cur) = cfg.comparisons.three_year or cfg.comparisons.rolling, cfg.comparisons.rolling
    cohort = getattr(cfg.cohorts, COHORT)
    section = GeographySection(periods=period_refs(ds, [*windows, prev, cur]), cohort=COHORT,
                               cohort_label=cohort.label, rank_of=len(cfg.districts))
    reason = unavailable_reason(ds, "people", "people.age")
    if reason:
        section.available, section.unavailable_reason = False, reason
        return section
    has_harm = ds.has("harm_weights") and ds.harm_weights is not None
    if not has_harm:
        section.notes.append("Harm scores: not available from this source (needs harm_weights).")

    scores, county_volume, county_harm = cached(ds, "geography.scores",
                                                lambda: _scores(ds, windows, prev, cur, has_harm))
    scores = [x.model_copy(deep=True) for x in scores]
    section.districts = scores
    section.county_volume = county_volume.model_copy()
    section.county_harm = county_harm.model_copy() if county_harm else None
    section.top = [s.district for s in scores[:cfg.definitions.most_affected_districts]]
    section.previous_top = [s.district for s in sorted(scores, key=lambda s: s.previous_rank)[:cfg.definitions.most_affected_districts]]
    section.top_unchanged = bool(section.top) and set(section.top) == set(section.previous_top)
    section.direction_windows = len(windows)
    section.falling_every_window = [s.district for s in scores if s.volume_direction == "falling"]
    section.volume_rose = [s.district for s in scores if _rose(s.volume.previous, s.volume.current)]
    section.harm_rose = [s.district for s in scores if has_harm and _rose(s.harm.previous, s.harm.current)]
    if not scope.is_county:
        section.focus = next(s for s in scores if s.district == scope.district)
    return section


def _scores(ds: "Dataset", windows, prev: str, cur: str, has_harm: bool):
    """Every district's scores (one grouped pass), sorted by current rank, and the county totals."""
    cfg = ds.config
    off = offences_with_flags(ds, Scope())
    off = off[off[COHORT]]
    rows = by_period(ds, off, dict.fromkeys([*windows, prev, cur]))
    rows = rows.assign(_harm=harm_of(ds, rows["offence_type"]) if has_harm else 0.0,
                       _district=rows["district"].astype("object"))
    grouped = rows.groupby(["_district", "_period"])["_harm"].agg(["size", "sum"])
    names = list(dict.fromkeys([*windows, prev, cur]))
    volume = grouped["size"].unstack(fill_value=0).reindex(index=cfg.districts, columns=names, fill_value=0)
    harm = grouped["sum"].unstack(fill_value=0.0).reindex(index=cfg.districts, columns=names, fill_value=0.0)

    rank_now = rank_desc(volume[cur], harm[cur])
    rank_before = rank_desc(volume[prev], harm[prev])
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
        ))
    scores.sort(key=lambda s: s.rank)
    county_volume = count_change(int(volume[prev].sum()), int(volume[cur].sum()))
    county_harm = change(float(harm[prev].sum()), float(harm[cur].sum())) if has_harm else None
    return scores, county_volume, county_harm


def _rose(previous: float | None, current: float | None) -> bool:
    return previous is not None and current is not None and current > previous
