"""Prepared × Scope → DemographicsSection: victims and suspects by age band per authority, sex split and
its change, suspect share vs population share, and the high-harm concentration."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import (
    band_label_series,
    by_period,
    count_change,
    crossed_counts,
    harm_of,
    period_pair,
    period_refs,
    population_band_map,
    require_prepared,
    scope_people,
    share,
    unavailable_reason,
)
from snareport.models.common import SuppressibleCount
from snareport.models.demographics import (
    AgeProfile,
    DemographicsSection,
    HighHarm,
    PopulationComparison,
    RoleSexSplit,
    SexRow,
)
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.prepare import Prepared

ROLES = ("victim", "suspect")
SEXES = ("male", "female", "unknown")
UNKNOWN_AGE = "unknown"


@dataclass(frozen=True)
class DemographicsArea:
    """Victims and suspects by age band, current year: in each authority of the whole area (the area's own
    report), and in the whole area (what a district is compared with)."""

    authority_profiles: tuple[AgeProfile, ...]
    area_profiles: tuple[AgeProfile, ...]
    area_high_harm: HighHarm | None   # None without harm weights
    area_sex_split: tuple[RoleSexSplit, ...]
    area_suspect_vs_population: tuple[PopulationComparison, ...]


def whole_area(frames: Frames) -> DemographicsArea | None:
    if unavailable_reason(frames, "people", "people.age", "people.sex") or frames.people is None:
        return None
    cfg = frames.config
    whole = by_period(frames, frames.people, [cfg.comparisons.year_on_year[1]])
    whole = whole.assign(_band=band_label_series(whole["age"], cfg.age_bands).fillna(UNKNOWN_AGE))
    has_harm = not unavailable_reason(frames, "harm_weights") and frames.ds.harm_weights is not None
    yoy = cfg.comparisons.year_on_year
    rows = by_period(frames, frames.people, yoy)
    return DemographicsArea(
        tuple(_authority_profiles(frames, whole)),
        tuple(_profile(whole, cfg.area, "area", role, cfg.age_bands) for role in ROLES),
        _high_harm(frames, whole) if has_harm else None,
        tuple(_sex_split(rows, role, yoy) for role in ROLES),
        tuple(_population_comparison(frames, Scope(), whole).get("suspect_vs_population", [])),
    )


def calculate(prep: Prepared, scope: Scope) -> DemographicsSection:
    """Involvement counts (one people row = one involvement) in the current year unless stated.

    Shares are of all involvements of the role, including unknown age or sex.
    """
    require_prepared(prep)
    cfg = prep.config
    yoy = cfg.comparisons.year_on_year
    reason = unavailable_reason(prep, "people", "people.age", "people.sex")
    fixed = dict(periods=period_refs(prep, yoy), year_on_year=period_pair(prep, yoy),
                 population_year=cfg.population_year)
    if reason or prep.demographics is None:
        return DemographicsSection(**fixed, available=False, unavailable_reason=reason)
    rows = by_period(prep, scope_people(prep, scope), yoy)
    now = rows[rows["_period"] == yoy[1]]
    now = now.assign(_band=band_label_series(now["age"], cfg.age_bands).fillna(UNKNOWN_AGE))
    if scope.is_county:
        profiles, comparison = list(prep.demographics.authority_profiles), []
    else:
        profiles = [_profile(now, scope.district, "district", role, cfg.age_bands) for role in ROLES]
        comparison = list(prep.demographics.area_profiles)  # a district is compared with the area
    reason = unavailable_reason(prep, "harm_weights")
    if reason or prep.ds.harm_weights is None:
        harm: dict = dict(high_harm_available=False, high_harm_reason=reason)
    else:
        harm = dict(high_harm=_high_harm(prep, now),   # and the whole area's beside a district's
                    area_high_harm=None if scope.is_county else prep.demographics.area_high_harm)
    area = {} if scope.is_county else dict(   # the whole area's, beside the district's
        area_sex_split=list(prep.demographics.area_sex_split),
        area_suspect_vs_population=list(prep.demographics.area_suspect_vs_population))
    return DemographicsSection(
        **fixed, **area, age_profiles=profiles, comparison_profiles=comparison,
        sex_split=[_sex_split(rows, role, yoy) for role in ROLES],
        **_population_comparison(prep, scope, now), **harm,
    )


def _profile(rows: pd.DataFrame, area: str, kind: str, role: str, bands) -> AgeProfile:
    mine = rows[rows["role"] == role]
    counts = mine["_band"].value_counts()
    total = int(len(mine))
    labels = [b.label for b in bands]
    return AgeProfile(
        area=area, kind=kind, role=role, total=total,
        bands=[SuppressibleCount(label=lb, count=int(counts.get(lb, 0)), share=share(int(counts.get(lb, 0)), total))
               for lb in labels],
        unknown=SuppressibleCount(label=UNKNOWN_AGE, count=int(counts.get(UNKNOWN_AGE, 0)),
                                  share=share(int(counts.get(UNKNOWN_AGE, 0)), total)),
    )


def _authority_profiles(ds: Frames, rows: pd.DataFrame) -> list[AgeProfile]:
    district = rows["district"].astype("object")
    out = []
    for authority in ds.config.authorities:
        mine = rows[district.isin(authority.districts)]
        out.extend(_profile(mine, authority.name, "authority", role, ds.config.age_bands) for role in ROLES)
    return out


def _sex_split(rows: pd.DataFrame, role: str, yoy) -> RoleSexSplit:
    mine = rows[rows["role"] == role]
    sex = mine["sex"].astype("object").where(mine["sex"].astype("object").isin(SEXES), "unknown")
    table = crossed_counts(sex, mine["_period"], list(SEXES), list(yoy))
    prev, cur = yoy
    totals = table.sum()
    out = [SexRow(sex=s, change=count_change(int(table.at[s, prev]), int(table.at[s, cur])),
                  previous_share=share(int(table.at[s, prev]), int(totals[prev])),
                  current_share=share(int(table.at[s, cur]), int(totals[cur])))
           for s in SEXES]
    return RoleSexSplit(role=role, rows=out, total=count_change(int(totals[prev]), int(totals[cur])))


def _population_comparison(prep: Prepared | Frames, scope: Scope, now: pd.DataFrame) -> dict:
    """Suspect involvement share per age band against that band's share of the scope's population."""
    ds = prep.ds
    if unavailable_reason(ds, "population") or ds.population is None:
        return dict(population_available=False)
    pop = ds.population[ds.population["year"] == ds.config.population_year]
    if not scope.is_county:
        pop = pop[pop["district"].astype("object") == scope.district]
    band_of = population_band_map(ds.config.age_bands, pop["age_band"].unique())
    pop_by_band = pop.groupby(pop["age_band"].map(band_of))["population"].sum()
    pop_total = int(pop["population"].sum())
    suspects = now[now["role"] == "suspect"]
    counts = suspects["_band"].value_counts()
    return dict(suspect_vs_population=[
        PopulationComparison(band=band.label, suspect_count=int(counts.get(band.label, 0)),
                             suspect_share=share(int(counts.get(band.label, 0)), len(suspects)),
                             population=int(pop_by_band.get(band.label, 0)),
                             population_share=share(int(pop_by_band.get(band.label, 0)), pop_total))
        for band in ds.config.age_bands])


def _high_harm(ds: Prepared | Frames, now: pd.DataFrame) -> HighHarm:
    """People ranked by summed harm weight of their current-year offences (any role, each offence once)."""
    pairs = now.drop_duplicates(["person_id", "offence_id"])
    harm = harm_of(ds, pairs["offence_type"]).groupby(pairs["person_id"].to_numpy()).sum()
    harm = harm.sort_values(ascending=False, kind="mergesort")
    people = int(len(harm))
    top_n = math.ceil(ds.config.high_harm_top_share * people) if people else 0
    total = float(harm.sum())
    top = float(harm.iloc[:top_n].sum())
    return HighHarm(people=people, top_people=top_n, people_share=share(top_n, people),
                    harm_total=total, top_harm=top, harm_share=share(top, total),
                    top_share_setting=ds.config.high_harm_top_share)
