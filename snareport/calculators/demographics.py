"""Dataset × Scope → DemographicsSection: victims and suspects by age band per authority, sex split and
its change, suspect share vs population share, and the high-harm concentration."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import (
    crossed_counts,
    count_change,
    band_label_series, by_period, cached, harm_of, period_refs, population_band_map, scope_people, share,
    unavailable_reason,
)
from snareport.models.common import SuppressibleCount
from snareport.models.demographics import (
    AgeProfile, DemographicsSection, HighHarm, PopulationComparison, RoleSexSplit, SexRow,
)
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset

ROLES = ("victim", "suspect")
SEXES = ("male", "female", "unknown")
UNKNOWN_AGE = "unknown"


def calculate(ds: "Dataset", scope: Scope) -> DemographicsSection:
    """Involvement counts (one people row = one involvement) in the current year unless stated.

    Shares are of all involvements of the role, including unknown age or sex.
    """
    cfg = ds.config
    yoy = cfg.comparisons.year_on_year
    reason = unavailable_reason(ds, "people", "people.age", "people.sex")
    section = DemographicsSection(periods=period_refs(ds, yoy), population_year=cfg.population_year)
    if reason or ds.people is None:
        section.available, section.unavailable_reason = False, reason
        return section
    rows = by_period(ds, scope_people(ds, scope), yoy)
    now = rows[rows["_period"] == yoy[1]]
    now = now.assign(_band=band_label_series(now["age"], cfg.age_bands).fillna(UNKNOWN_AGE))

    if scope.is_county:
        section.age_profiles = _authority_profiles(ds, now)
    else:
        section.age_profiles = [_profile(now, scope.district, "district", role, cfg.age_bands) for role in ROLES]

        def area_now() -> pd.DataFrame:
            whole = by_period(ds, scope_people(ds, Scope()), [yoy[1]])
            return whole.assign(_band=band_label_series(whole["age"], cfg.age_bands).fillna(UNKNOWN_AGE))

        def area_profiles() -> list[AgeProfile]:
            """The whole area's profile: a district is compared with the area, not with its own authority."""
            whole = cached(ds, "demographics.area_now", area_now)
            return [_profile(whole, cfg.area, "area", role, cfg.age_bands) for role in ROLES]

        profiles = cached(ds, "demographics.area_profiles", area_profiles)
        section.comparison_profiles = [p.model_copy(deep=True) for p in profiles]
    section.sex_split = [_sex_split(rows, role, yoy) for role in ROLES]
    _population_comparison(ds, scope, now, section)
    if not scope.is_county:   # the whole area's sex split and population comparison, beside the district's
        area = cached(ds, "demographics.area_section", lambda: calculate(ds, Scope()))
        section.area_sex_split = [x.model_copy(deep=True) for x in area.sex_split]
        section.area_suspect_vs_population = [x.model_copy() for x in area.suspect_vs_population]
    reason = unavailable_reason(ds, "harm_weights")
    if reason or ds.harm_weights is None:
        section.high_harm_available, section.high_harm_reason = False, reason
    else:
        section.high_harm = _high_harm(ds, now)
        if not scope.is_county:   # the whole area's figure, printed beside the district's
            area = cached(ds, "demographics.area_high_harm",
                          lambda: _high_harm(ds, cached(ds, "demographics.area_now", area_now)))
            section.area_high_harm = area.model_copy(deep=True)
    return section


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


def _authority_profiles(ds: "Dataset", rows: pd.DataFrame) -> list[AgeProfile]:
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


def _population_comparison(ds: "Dataset", scope: Scope, now: pd.DataFrame, section: DemographicsSection) -> None:
    """Suspect involvement share per age band against that band's share of the scope's population."""
    if unavailable_reason(ds, "population") or ds.population is None:
        section.population_available = False
        return
    pop = ds.population[ds.population["year"] == ds.config.population_year]
    if not scope.is_county:
        pop = pop[pop["district"].astype("object") == scope.district]
    band_of = population_band_map(ds.config.age_bands, pop["age_band"].unique())
    pop_by_band = pop.groupby(pop["age_band"].map(band_of))["population"].sum()
    pop_total = int(pop["population"].sum())
    suspects = now[now["role"] == "suspect"]
    counts = suspects["_band"].value_counts()
    for band in ds.config.age_bands:
        n = int(counts.get(band.label, 0))
        p = int(pop_by_band.get(band.label, 0))
        section.suspect_vs_population.append(PopulationComparison(
            band=band.label, suspect_count=n, suspect_share=share(n, len(suspects)),
            population=p, population_share=share(p, pop_total)))


def _high_harm(ds: "Dataset", now: pd.DataFrame) -> HighHarm:
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
