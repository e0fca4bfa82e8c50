"""Prepared × Scope → DemographicsSection: victims and suspects by age band per authority, sex split and
its change, suspect share vs population share, and the high-harm concentration."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from snareport.calculators.common import (
    PERIOD_FLAG,
    band_of,
    count_change,
    harm_of,
    ordered_codes,
    period_pair,
    period_refs,
    population_band_map,
    require_prepared,
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
    from snareport.calculators.counts import CountTable
    from snareport.calculators.prepare import Prepared

ROLES = ("victim", "suspect")
SEXES = ("male", "female", "unknown")
UNKNOWN_AGE = "unknown"


@dataclass(frozen=True)
class DemographicsArea:
    """Victims and suspects by age band, current year: in each authority of the whole area (the area's own
    report), and in the whole area (what a district is compared with); the high-harm concentration of every
    scope (``""``: the whole area) and each scope's population by age band."""

    authority_profiles: tuple[AgeProfile, ...]
    area_profiles: tuple[AgeProfile, ...]
    high_harm: dict[str, HighHarm] | None   # None without harm weights
    area_sex_split: tuple[RoleSexSplit, ...]
    area_suspect_vs_population: tuple[PopulationComparison, ...]
    populations: dict[str, tuple[dict[str, int], int]] | None   # None without populations

    @property
    def area_high_harm(self) -> HighHarm | None:
        return None if self.high_harm is None else self.high_harm[""]


def whole_area(frames: Frames) -> DemographicsArea | None:
    if (unavailable_reason(frames, "people", "people.age", "people.sex") or frames.people is None
            or frames.people_counts is None):
        return None
    cfg = frames.config
    yoy = cfg.comparisons.year_on_year
    rows = frames.people_counts.where(period=list(yoy))
    now = rows.where(period=yoy[1])
    has_harm = not unavailable_reason(frames, "harm_weights") and frames.ds.harm_weights is not None
    populations = _populations(frames)
    return DemographicsArea(
        tuple(_authority_profiles(frames, now)),
        tuple(_profile(now, cfg.area, "area", role, cfg.age_bands) for role in ROLES),
        _high_harm_by_scope(frames, yoy[1]) if has_harm else None,
        tuple(_sex_split(rows, role, yoy) for role in ROLES),
        tuple(_population_comparison(frames, populations, "", now).get("suspect_vs_population", [])),
        populations,
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
    area = prep.demographics
    if reason or area is None:
        return DemographicsSection(**fixed, available=False, unavailable_reason=reason)
    rows = prep.people_counts.where(period=list(yoy))
    if not scope.is_county:
        rows = rows.where(district=scope.district)
    now = rows.where(period=yoy[1])
    if scope.is_county:
        profiles, comparison = list(area.authority_profiles), []
    else:
        profiles = [_profile(now, scope.district, "district", role, cfg.age_bands) for role in ROLES]
        comparison = list(area.area_profiles)  # a district is compared with the area
    reason = unavailable_reason(prep, "harm_weights")
    if reason or prep.ds.harm_weights is None or area.high_harm is None:
        harm: dict = dict(high_harm_available=False, high_harm_reason=reason)
    else:
        harm = dict(high_harm=area.high_harm.get(scope.district or "", _no_harm(prep)),   # and the whole area's
                    area_high_harm=None if scope.is_county else area.area_high_harm)    # beside a district's
    beside = {} if scope.is_county else dict(   # the whole area's, beside the district's
        area_sex_split=list(area.area_sex_split),
        area_suspect_vs_population=list(area.area_suspect_vs_population))
    return DemographicsSection(
        **fixed, **beside, age_profiles=profiles, comparison_profiles=comparison,
        sex_split=[_sex_split(rows, role, yoy) for role in ROLES],
        **_population_comparison(prep, area.populations, scope.district or "", now), **harm,
    )


def _bands(rows: CountTable, bands) -> dict[str, int]:
    """Counts by age band label, with ages in no band (and unknown ages) as ``unknown``."""
    out: dict[str, int] = {}
    for age, n in zip(rows.labels("age"), rows.by("age")):
        label = band_of(age, bands) or UNKNOWN_AGE
        out[label] = out.get(label, 0) + int(n)
    return out


def _profile(rows: CountTable, area: str, kind: str, role: str, bands) -> AgeProfile:
    mine = rows.where(role=role)
    counts = _bands(mine, bands)
    total = mine.total()
    labels = [b.label for b in bands]
    rows = [SuppressibleCount(label=lb, count=counts.get(lb, 0), share=share(counts.get(lb, 0), total)) for lb in labels]
    return AgeProfile(
        area=area, kind=kind, role=role, total=total, bands=rows, largest_band=largest_band(rows),
        unknown=SuppressibleCount(label=UNKNOWN_AGE, count=counts.get(UNKNOWN_AGE, 0),
                                  share=share(counts.get(UNKNOWN_AGE, 0), total)),
    )


def _authority_profiles(ds: Frames, rows: CountTable) -> list[AgeProfile]:
    out = []
    for authority in ds.config.authorities:
        mine = rows.where(district=list(authority.districts))
        out.extend(_profile(mine, authority.name, "authority", role, ds.config.age_bands) for role in ROLES)
    return out


def _sex_split(rows: CountTable, role: str, yoy) -> RoleSexSplit:
    table = rows.where(role=role).per_period("sex", yoy)
    counts = {s: [0, 0] for s in SEXES}
    for sex, pair in table.items():
        for i, n in enumerate(pair):
            counts[sex if sex in SEXES else "unknown"][i] += n
    totals = [sum(c[i] for c in counts.values()) for i in (0, 1)]
    out = [SexRow(sex=s, change=count_change(*counts[s]), previous_share=share(counts[s][0], totals[0]),
                  current_share=share(counts[s][1], totals[1]))
           for s in SEXES]
    return RoleSexSplit(role=role, rows=out, total=count_change(*totals))


def _populations(frames: Frames) -> dict[str, tuple[dict[str, int], int]] | None:
    """Each scope's population by age band label and in all (``""``: the whole area)."""
    ds = frames.ds
    if unavailable_reason(ds, "population") or ds.population is None:
        return None
    pop = ds.population[ds.population["year"] == ds.config.population_year]
    band_of_code = population_band_map(ds.config.age_bands, pop["age_band"].unique())
    district = pop["district"].astype("object")
    labels = pop["age_band"].map(band_of_code)
    out = {"": ({str(k): int(v) for k, v in pop.groupby(labels)["population"].sum().items()},
                int(pop["population"].sum()))}
    by_band: dict[str, dict[str, int]] = {}
    for (d, band), n in pop.groupby([district, labels])["population"].sum().items():
        by_band.setdefault(str(d), {})[str(band)] = int(n)
    totals = {str(d): int(n) for d, n in pop.groupby(district)["population"].sum().items()}
    for d in ds.config.districts:
        out[d] = (by_band.get(d, {}), totals.get(d, 0))
    return out


def _population_comparison(prep: Prepared | Frames, populations, scope: str, now: CountTable) -> dict:
    """Suspect involvement share per age band against that band's share of the scope's population."""
    if populations is None:
        return dict(population_available=False)
    pop_by_band, pop_total = populations.get(scope, ({}, 0))
    suspects = now.where(role="suspect")
    counts, total = _bands(suspects, prep.config.age_bands), suspects.total()
    return dict(suspect_vs_population=[
        PopulationComparison(band=band.label, suspect_count=counts.get(band.label, 0),
                             suspect_share=share(counts.get(band.label, 0), total),
                             population=pop_by_band.get(band.label, 0),
                             population_share=share(pop_by_band.get(band.label, 0), pop_total))
        for band in prep.config.age_bands])


def _high_harm_by_scope(frames: Frames, current: str) -> dict[str, HighHarm]:
    """The high-harm concentration of the whole area (``""``) and of each district with people in it.

    Each district's people are summed by one group-by on a single integer key (district code, then person, as
    a group-by on both would sort them), and a district's sums are a slice of the result."""
    people = frames.people
    now = people[["person_id", "offence_id", "offence_type", "district"]][people[PERIOD_FLAG + current].to_numpy()]
    pairs = now.drop_duplicates(["person_id", "offence_id"])
    harm = harm_of(frames, pairs["offence_type"])
    person = ordered_codes(pairs["person_id"])
    known = person >= 0
    # (unsorted group-bys then sorted by key: the same sums, in the same order, as a sorted group-by, sooner)
    out = {"": _high_harm(frames, harm[known].groupby(person[known], sort=False).sum().sort_index())}
    district = pairs["district"].astype("category")
    codes = district.cat.codes.to_numpy().astype(np.int64)
    named = known & (codes >= 0)
    span = int(person.max()) + 1 if len(person) else 1
    per_person = harm[named].groupby(codes[named] * span + person[named], sort=False).sum().sort_index()
    keys = per_person.index.to_numpy() // span
    for code in np.unique(keys):
        first, end = np.searchsorted(keys, [code, code + 1])
        out[str(district.cat.categories[code])] = _high_harm(frames, per_person.iloc[first:end])
    return out


def _no_harm(ds: Prepared) -> HighHarm:
    return _high_harm(ds, pd.Series([], dtype="float64"))


def _high_harm(ds: Prepared | Frames, harm: pd.Series) -> HighHarm:
    """People ranked by summed harm weight of their current-year offences (any role, each offence once):
    ``harm`` is each person's sum."""
    harm = harm.sort_values(ascending=False, kind="mergesort")
    people = int(len(harm))
    top_n = math.ceil(ds.config.high_harm_top_share * people) if people else 0
    total = float(harm.sum())
    top = float(harm.iloc[:top_n].sum())
    return HighHarm(people=people, top_people=top_n, people_share=share(top_n, people),
                    harm_total=total, top_harm=top, harm_share=share(top, total),
                    top_share_setting=ds.config.high_harm_top_share)


def largest_band(bands: list[SuppressibleCount]) -> str | None:
    """The band with the largest published share (the first of a tie); None when no published share is above
    zero (then a withheld band could be the largest)."""
    top = max((b.share for b in bands if b.share is not None), default=0.0)
    return next((b.label for b in bands if b.share == top), None) if top > 0 else None
