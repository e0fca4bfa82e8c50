"""Prepared × Scope → KnivesSection: districts of most concern, age at knife incident, under-25 injury and
non-injury change, the estimated cost of crime their fall avoided, suspects' sex and modal age, victims' female share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import (
    count_change,
    district_mean,
    district_population,
    period_pair,
    period_refs,
    ranked_districts,
    require_prepared,
    share,
    unavailable_reason,
)
from snareport.models.common import Ranked, ScopeFigure, SuppressibleCount
from snareport.models.knives import AgeCount, AgeGroup, KnivesSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.counts import CountTable
    from snareport.calculators.prepare import Prepared

COHORT = "under_25"
KNOWN_SEXES = ("male", "female")


@dataclass(frozen=True)
class KnivesArea:
    """Every district's current-year knife-enabled offences (a district report ranks its district among
    them) and the whole area's figures printed beside a district's own."""

    district_counts: pd.Series
    area: dict
    ranking: list[Ranked]          # every district ranked by count (and by rate), the same in every report
    population: pd.Series | None   # every district's population (all ages) in population_year
    unit_cost: tuple[float, str | None] | str   # the injury group's unit cost and source, or why there is none


def whole_area(frames: Frames) -> KnivesArea | None:
    if unavailable_reason(frames, "offences.knife_enabled"):
        return None
    cfg = frames.config
    current = frames.offence_counts.where(period=cfg.comparisons.year_on_year[1], knife_enabled=True)
    area = {}
    unit_cost = _unit_cost(frames)
    if not unavailable_reason(frames, "people", "people.age", "people.sex") and frames.people_counts is not None:
        under_25, _ = _under_25(frames, frames.offence_counts.where(knife_enabled=True), cfg.comparisons.year_on_year,
                                unit_cost)
        people = _people(frames, Scope(), cfg.comparisons.year_on_year[1])
        area = dict(area_under_25_injury=under_25["under_25_injury"],
                    area_under_25_non_injury=under_25["under_25_non_injury"],
                    area_suspect_sex=people["suspect_sex"], area_victim_female_share=people["victim_female_share"],
                    area_age_known=people["age_known"], area_age_groups=people["age_groups"])
    counts = current.series("district", cfg.districts)
    population = district_population(frames.ds)
    return KnivesArea(counts, area, ranked_districts(counts, population), population, unit_cost)


def calculate(prep: Prepared, scope: Scope) -> KnivesSection:
    """Knife-enabled offences year on year; people measures over current-year knife-enabled offences."""
    require_prepared(prep)
    cfg = prep.config
    yoy = cfg.comparisons.year_on_year
    prev, cur = yoy
    periods = dict(periods=period_refs(prep, yoy), year_on_year=period_pair(prep, yoy),
                   minimum_price_year=cfg.costs.minimum_price_year, cohort_label=getattr(cfg.cohorts, COHORT).label)
    reason = unavailable_reason(prep, "offences.knife_enabled")
    if reason or prep.knives is None:
        return KnivesSection(**periods, available=False, unavailable_reason=reason)
    knife = prep.frames.offence_counts.where(knife_enabled=True)
    if not scope.is_county:
        knife = knife.where(district=scope.district)
    per_period = knife.counts("period")
    knife_offences = count_change(int(per_period[prev]), int(per_period[cur]))
    districts = _districts(scope, prep.knives, cfg.definitions.districts_of_concern, cfg.population_year)

    people_reason = unavailable_reason(prep, "people", "people.age", "people.sex")
    if people_reason:
        return KnivesSection(**periods, **districts, knife_offences=knife_offences, people_available=False,
                             notes=[f"Ages and sexes of people involved: {people_reason}."])
    under_25, notes = _under_25(prep, knife, yoy, prep.knives.unit_cost)
    area = {} if scope.is_county else dict(prep.knives.area)   # the whole area's figures, beside the district's
    return KnivesSection(**periods, **districts, knife_offences=knife_offences, **under_25,
                         **_people(prep, scope, cur), **area, notes=notes)


def _districts(scope: Scope, area: KnivesArea, top_n: int, year: int) -> dict:
    """Every district's knife-enabled offences ranked by count, with its rate per 1,000 residents (all ages)
    ranked by rate when the source has a population table; the top ``top_n`` by count are of most concern."""
    counts, ranking, population = area.district_counts, area.ranking, area.population
    focus = None
    if not scope.is_county:
        focus = ScopeFigure(district=scope.district, value=int(counts[scope.district]),
                            county_value=int(counts.sum()), rank=next(r.rank for r in ranking if r.name == scope.district),
                            rank_of=len(counts),
                            district_mean=district_mean(counts))
    return dict(district_ranking=ranking, districts_of_concern=ranking[:top_n], focus=focus,
                population_year=None if population is None else year)


def _under_25(prep: Prepared | Frames, knife: CountTable, yoy,
              unit_cost: tuple[float, str | None] | str) -> tuple[dict, list[str]]:
    """The under-25 injury and non-injury changes and the cost of crime their fall avoided, with any notes (``knife``: the
    scope's knife-enabled offence counts; ``unit_cost``: :func:`_unit_cost`)."""
    prev, cur = yoy
    mine = knife.where(**{COHORT: True})
    injury_groups = set(prep.config.definitions.knife_injury_groups)
    injury = mine.where(offence_group=injury_groups.__contains__).counts("period")
    other = mine.where(offence_group=lambda g: g not in injury_groups).counts("period")
    fields = dict(under_25_injury=count_change(int(injury[prev]), int(injury[cur])),
                  under_25_non_injury=count_change(int(other[prev]), int(other[cur])))
    if isinstance(unit_cost, str):
        return fields, [unit_cost]
    unit, source = unit_cost
    fall = max(int(injury[prev]) - int(injury[cur]), 0)
    return {**fields, "minimum_saving_unit_cost_gbp": unit, "minimum_saving_gbp": round(fall * unit, 2),
            "minimum_saving_rounding_gbp": prep.config.costs.rounding_gbp,
            "minimum_saving_source": source}, []


def _unit_cost(frames: Frames) -> tuple[float, str | None] | str:
    """The unit cost (and its source) of report.yaml's knife injury group at the minimum price year, looked up
    once for every scope; or the note saying why there is none."""
    costs = frames.ds.unit_costs
    what = "Estimated cost of crime avoided by the fall in injury offences"
    if not frames.has("unit_costs") or costs is None:
        return f"{what}: not available from this source (needs unit_costs)."
    price_year, group = frames.config.costs.minimum_price_year, frames.config.definitions.knife_cost_group
    match = costs[(costs["offence_group"] == group) & (costs["price_year"].astype(str) == price_year)]
    if match.empty:
        return f"{what}: no unit cost for {group} at {price_year}."
    return float(match["unit_cost_gbp"].iloc[0]), str(match["source"].iloc[0]) or None


def _people(prep: Prepared | Frames, scope: Scope, cur: str) -> dict:
    """Ages and sexes of the people involved in the scope's current-year knife-enabled offences."""
    ppl = prep.people_counts.where(period=cur, knife_enabled=True)
    if not scope.is_county:
        ppl = ppl.where(district=scope.district)
    by_age = ppl.counts("age")
    known = {int(a): int(n) for a, n in by_age.items() if a is not None and n}

    suspects = ppl.where(role="suspect")
    counts = suspects.where(sex=list(KNOWN_SEXES)).counts("sex", KNOWN_SEXES)
    known_sex = sum(counts.values())
    modal_sex, pair, modal_count = None, None, None
    if known_sex:
        modal_sex = str(sorted((s for s in counts if counts[s]), key=lambda s: (-counts[s], s))[0])
        modal_ages = {int(a): int(n) for a, n in suspects.where(sex=modal_sex).counts("age").items()
                      if a is not None and n}
        pair = modal_age_pair(modal_ages)
        if pair is not None:
            modal_count = modal_ages.get(pair[0], 0) + modal_ages.get(pair[1], 0)

    victims = ppl.where(role="victim").where(sex=list(KNOWN_SEXES)).counts("sex", KNOWN_SEXES)
    v_known, v_female = sum(victims.values()), victims["female"]
    return dict(
        age_distribution=(ages := [AgeCount(age=a, count=n) for a, n in sorted(known.items())]),
        **dict(zip(("peak_ages", "next_ages"), most_frequent_ages(ages))),
        age_unknown=ppl.count("age", None),
        age_known=sum(known.values()),
        age_groups=[_age_group(c, known) for c in (prep.config.cohorts.under_18, prep.config.cohorts.under_25)],
        suspect_sex=[SuppressibleCount(label=s, count=int(counts[s]), share=share(int(counts[s]), known_sex))
                     for s in KNOWN_SEXES],
        suspect_sex_unknown=suspects.total() - known_sex,
        modal_suspect_sex=modal_sex,
        modal_suspect_age_from=pair[0] if pair else None,
        modal_suspect_age_to=pair[1] if pair else None,
        modal_suspect_age_count=modal_count,
        victim_female=v_female, victim_known_sex=v_known, victim_female_share=share(v_female, v_known),
    )


def most_frequent_ages(ages: list[AgeCount], others: int = 2) -> tuple[list[int], list[int]]:
    """(the ages with the most people, the next ``others`` most frequent ages) among the published counts,
    youngest first on ties; none when no published count is above zero (a withheld age could be the peak)."""
    shown = [(a.count, a.age) for a in ages if a.count]
    top = max((n for n, _ in shown), default=0)
    if top <= 0:
        return [], []
    rest = sorted((t for t in shown if t[0] < top), key=lambda t: (-t[0], t[1]))[:others]
    return [a for n, a in shown if n == top], [a for _, a in rest]


def _age_group(cohort, known: dict[int, int]) -> AgeGroup:
    """People of known age (``known``: people at each age) in a report.yaml cohort, and their share."""
    n = sum(c for a, c in known.items() if a >= cohort.min_age and (cohort.max_age is None or a <= cohort.max_age))
    return AgeGroup(label=cohort.label, min_age=cohort.min_age, max_age=cohort.max_age, count=n,
                    share=share(n, sum(known.values())))


def modal_age_pair(ages: pd.Series | dict[int, int]) -> tuple[int, int] | None:
    """The pair of consecutive ages (a, a+1) with the most involvements (youngest pair on ties): ``ages`` is
    one age per involvement (a Series, unknown ages missing) or the number of involvements at each age."""
    counts = ages if isinstance(ages, dict) else ages.dropna().astype(int).value_counts().to_dict()
    counts = {a: n for a, n in counts.items() if n}
    if not counts:
        return None
    pairs = {a: int(counts.get(a, 0)) + int(counts.get(a + 1, 0)) for a in range(min(counts) - 1, max(counts) + 1)}
    best = max(pairs.values())
    a = min(k for k, v in pairs.items() if v == best)
    return a, a + 1
