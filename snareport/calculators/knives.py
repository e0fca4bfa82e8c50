"""Prepared × Scope → KnivesSection: districts of most concern, age at knife incident, under-25 injury and
non-injury change, minimum saving, suspects' sex and modal age, victims' female share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import (
    by_period,
    count_change,
    counts_by_district,
    district_population,
    period_pair,
    period_refs,
    rank_desc,
    require_prepared,
    scope_people,
    share,
    unavailable_reason,
)
from snareport.calculators.intervals import rate_per_1000
from snareport.models.common import Ranked, ScopeFigure, SuppressibleCount
from snareport.models.knives import AgeCount, KnivesSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.prepare import Prepared

COHORT = "under_25"
KNOWN_SEXES = ("male", "female")


@dataclass(frozen=True)
class KnivesArea:
    """The area's knife-enabled offences stacked by year-on-year period (with the cohort flags), and their
    current-year count per district: a district report ranks its district among all of them."""

    offences: pd.DataFrame
    district_counts: pd.Series


def whole_area(frames: Frames) -> KnivesArea | None:
    if unavailable_reason(frames, "offences.knife_enabled"):
        return None
    yoy = frames.config.comparisons.year_on_year
    everywhere = frames.flagged
    knife = by_period(frames, everywhere[everywhere["knife_enabled"].astype(bool)], yoy)
    return KnivesArea(knife, counts_by_district(frames, knife[knife["_period"] == yoy[1]]))


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
    knife_all = prep.knives.offences
    knife = knife_all if scope.is_county else knife_all[knife_all["district"] == scope.district]
    per_period = knife["_period"].value_counts()
    knife_offences = count_change(int(per_period.get(prev, 0)), int(per_period.get(cur, 0)))
    districts = _districts(scope, prep.knives.district_counts, cfg.definitions.districts_of_concern,
                           district_population(prep.ds), cfg.population_year)

    people_reason = unavailable_reason(prep, "people", "people.age", "people.sex")
    if people_reason:
        return KnivesSection(**periods, **districts, knife_offences=knife_offences, people_available=False,
                             notes=[f"Ages and sexes of people involved: {people_reason}."])
    under_25, notes = _under_25(prep, knife, yoy)
    area = {}
    if not scope.is_county:   # the whole area's figures, beside the district's
        whole = calculate(prep, Scope())
        area = dict(area_under_25_injury=whole.under_25_injury, area_under_25_non_injury=whole.under_25_non_injury,
                    area_suspect_sex=whole.suspect_sex, area_victim_female_share=whole.victim_female_share)
    return KnivesSection(**periods, **districts, knife_offences=knife_offences, **under_25,
                         **_people(prep, scope, cur), **area, notes=notes)


def _districts(scope: Scope, counts: pd.Series, top_n: int, population: pd.Series | None, year: int) -> dict:
    """Every district's knife-enabled offences ranked by count, with its rate per 1,000 residents (all ages)
    ranked by rate when the source has a population table; the top ``top_n`` by count are of most concern."""
    ranks = rank_desc(counts)
    rates = (pd.Series({d: rate_per_1000(int(counts[d]), int(population.get(d, 0))) for d in counts.index},
                       dtype="float64") if population is not None else None)
    rate_ranks = rank_desc(rates.fillna(-1.0), counts) if rates is not None else None
    ranking = sorted((Ranked(name=d, value=int(counts[d]), rank=int(ranks[d]),
                             rate_per_1000=None if rates is None or pd.isna(rates[d]) else float(rates[d]),
                             rate_rank=int(rate_ranks[d]) if rate_ranks is not None else None)
                      for d in counts.index), key=lambda r: r.rank)
    focus = None
    if not scope.is_county:
        focus = ScopeFigure(district=scope.district, value=int(counts[scope.district]),
                            county_value=int(counts.sum()), rank=int(ranks[scope.district]), rank_of=len(counts))
    return dict(district_ranking=ranking, districts_of_concern=ranking[:top_n], focus=focus,
                population_year=None if population is None else year)


def _under_25(prep: Prepared, knife: pd.DataFrame, yoy) -> tuple[dict, list[str]]:
    """The under-25 injury and non-injury changes and the minimum saving, with any notes."""
    prev, cur = yoy
    mine = knife[knife[COHORT]]
    injury = mine["offence_group"].astype("object").isin(prep.config.definitions.knife_injury_groups)
    table = pd.crosstab(injury, mine["_period"]).reindex(index=[True, False], columns=list(yoy), fill_value=0)
    fields = dict(under_25_injury=count_change(int(table.at[True, prev]), int(table.at[True, cur])),
                  under_25_non_injury=count_change(int(table.at[False, prev]), int(table.at[False, cur])))
    costs = prep.ds.unit_costs
    if not prep.has("unit_costs") or costs is None:
        return fields, ["Minimum saving: not available from this source (needs unit_costs)."]
    price_year = prep.config.costs.minimum_price_year
    match = costs[(costs["offence_group"] == prep.config.definitions.knife_cost_group) & (costs["price_year"].astype(str) == price_year)]
    if match.empty:
        return fields, [f"Minimum saving: no unit cost for {prep.config.definitions.knife_cost_group} at {price_year}."]
    unit = float(match["unit_cost_gbp"].iloc[0])
    fall = max(int(table.at[True, prev]) - int(table.at[True, cur]), 0)
    return {**fields, "minimum_saving_unit_cost_gbp": unit, "minimum_saving_gbp": round(fall * unit, 2)}, []


def _people(prep: Prepared, scope: Scope, cur: str) -> dict:
    ppl = by_period(prep, scope_people(prep, scope), [cur])
    ppl = ppl[ppl["knife_enabled"].astype(bool)]
    ages = pd.to_numeric(ppl["age"], errors="coerce").astype("float64")
    known = ages.dropna().astype(int).value_counts().sort_index()

    suspects = ppl[ppl["role"] == "suspect"]
    s_sex = suspects["sex"].astype("object")
    known_sex = s_sex[s_sex.isin(KNOWN_SEXES)]
    counts = known_sex.value_counts()
    modal_sex, pair, modal_count = None, None, None
    if len(known_sex):
        modal_sex = str(sorted(counts.index, key=lambda s: (-counts[s], s))[0])
        modal_ages = pd.to_numeric(suspects.loc[s_sex == modal_sex, "age"], errors="coerce")
        pair = modal_age_pair(modal_ages)
        if pair is not None:
            modal_count = int(modal_ages.between(*pair).sum())

    victims = ppl[ppl["role"] == "victim"]
    v_sex = victims["sex"].astype("object")
    v_known = v_sex[v_sex.isin(KNOWN_SEXES)]
    return dict(
        age_distribution=[AgeCount(age=int(a), count=int(n)) for a, n in known.items()],
        age_unknown=int(ages.isna().sum()),
        suspect_sex=[SuppressibleCount(label=s, count=int(counts.get(s, 0)),
                                       share=share(int(counts.get(s, 0)), len(known_sex))) for s in KNOWN_SEXES],
        suspect_sex_unknown=int(len(s_sex) - len(known_sex)),
        modal_suspect_sex=modal_sex,
        modal_suspect_age_from=pair[0] if pair else None,
        modal_suspect_age_to=pair[1] if pair else None,
        modal_suspect_age_count=modal_count,
        victim_female=int((v_known == "female").sum()), victim_known_sex=int(len(v_known)),
        victim_female_share=share(int((v_known == "female").sum()), len(v_known)),
    )


def modal_age_pair(ages: pd.Series) -> tuple[int, int] | None:
    """The pair of consecutive ages (a, a+1) with the most involvements (youngest pair on ties)."""
    counts = ages.dropna().astype(int).value_counts()
    if counts.empty:
        return None
    pairs = {a: int(counts.get(a, 0)) + int(counts.get(a + 1, 0)) for a in range(int(counts.index.min()) - 1,
                                                                                     int(counts.index.max()) + 1)}
    best = max(pairs.values())
    a = min(k for k, v in pairs.items() if v == best)
    return a, a + 1
