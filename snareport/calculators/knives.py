"""Dataset × Scope → KnivesSection: districts of most concern, age at knife incident, under-25 injury and
non-injury change, minimum saving, suspects' sex and modal age, victims' female share."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import (
    crossed_counts,
    count_change,
    by_period, cached, counts_by_district, offences_with_flags, period_refs, rank_desc, scope_people, share,
    unavailable_reason,
)
from snareport.models.common import Ranked, ScopeFigure, SuppressibleCount
from snareport.models.knives import AgeCount, KnivesSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset

COHORT = "under_25"
KNOWN_SEXES = ("male", "female")


def calculate(ds: "Dataset", scope: Scope) -> KnivesSection:
    """Knife-enabled offences year on year; people measures over current-year knife-enabled offences."""
    cfg = ds.config
    yoy = cfg.comparisons.year_on_year
    prev, cur = yoy
    section = KnivesSection(periods=period_refs(ds, yoy), minimum_price_year=cfg.costs.minimum_price_year)
    reason = unavailable_reason(ds, "offences.knife_enabled")
    if reason:
        section.available, section.unavailable_reason = False, reason
        return section

    def all_knife() -> pd.DataFrame:
        everywhere = offences_with_flags(ds, Scope())
        return by_period(ds, everywhere[everywhere["knife_enabled"].astype(bool)], yoy)

    knife_all = cached(ds, "knives.offences", all_knife)
    _districts(ds, scope, cached(ds, "knives.district_counts",
                                 lambda: counts_by_district(ds, knife_all[knife_all["_period"] == cur])), section)
    knife = knife_all if scope.is_county else knife_all[knife_all["district"] == scope.district]
    per_period = knife["_period"].value_counts()
    section.knife_offences = count_change(int(per_period.get(prev, 0)), int(per_period.get(cur, 0)))

    people_reason = unavailable_reason(ds, "people", "people.age", "people.sex")
    if people_reason:
        section.people_available = False
        section.notes.append(f"Ages and sexes of people involved: {people_reason}.")
        return section
    _under_25(ds, knife, yoy, section)
    _people(ds, scope, cur, section)
    if not scope.is_county:   # the whole area's figures, beside the district's
        area = cached(ds, "knives.area_section", lambda: calculate(ds, Scope()))
        section.area_under_25_injury = _copy(area.under_25_injury)
        section.area_under_25_non_injury = _copy(area.under_25_non_injury)
        section.area_suspect_sex = [c.model_copy() for c in area.suspect_sex]
        section.area_victim_female_share = area.victim_female_share
    return section


def _copy(change):
    return None if change is None else change.model_copy()


def _districts(ds: "Dataset", scope: Scope, counts: pd.Series, section: KnivesSection) -> None:
    ranks = rank_desc(counts)
    ranking = sorted((Ranked(name=d, value=int(counts[d]), rank=int(ranks[d])) for d in counts.index),
                     key=lambda r: r.rank)
    section.district_ranking = ranking
    section.districts_of_concern = ranking[:ds.config.definitions.districts_of_concern]
    if not scope.is_county:
        section.focus = ScopeFigure(district=scope.district, value=int(counts[scope.district]),
                                    county_value=int(counts.sum()), rank=int(ranks[scope.district]),
                                    rank_of=len(counts))


def _under_25(ds: "Dataset", knife: pd.DataFrame, yoy, section: KnivesSection) -> None:
    prev, cur = yoy
    mine = knife[knife[COHORT]]
    injury = mine["offence_group"].astype("object").isin(ds.config.definitions.knife_injury_groups)
    table = crossed_counts(injury, mine["_period"], [True, False], list(yoy))
    section.under_25_injury = count_change(int(table.at[True, prev]), int(table.at[True, cur]))
    section.under_25_non_injury = count_change(int(table.at[False, prev]), int(table.at[False, cur]))
    if not ds.has("unit_costs") or ds.unit_costs is None:
        section.notes.append("Minimum saving: not available from this source (needs unit_costs).")
        return
    costs = ds.unit_costs
    match = costs[(costs["offence_group"] == ds.config.definitions.knife_cost_group)
                  & (costs["price_year"].astype(str) == ds.config.costs.minimum_price_year)]
    if match.empty:
        section.notes.append(f"Minimum saving: no unit cost for {ds.config.definitions.knife_cost_group} at {ds.config.costs.minimum_price_year}.")
        return
    unit = float(match["unit_cost_gbp"].iloc[0])
    fall = max(int(table.at[True, prev]) - int(table.at[True, cur]), 0)
    section.minimum_saving_unit_cost_gbp = unit
    section.minimum_saving_gbp = round(fall * unit, 2)


def _people(ds: "Dataset", scope: Scope, cur: str, section: KnivesSection) -> None:
    ppl = by_period(ds, scope_people(ds, scope), [cur])
    ppl = ppl[ppl["knife_enabled"].astype(bool)]
    ages = pd.to_numeric(ppl["age"], errors="coerce").astype("float64")
    known = ages.dropna().astype(int).value_counts().sort_index()
    section.age_distribution = [AgeCount(age=int(a), count=int(n)) for a, n in known.items()]
    section.age_unknown = int(ages.isna().sum())

    suspects = ppl[ppl["role"] == "suspect"]
    s_sex = suspects["sex"].astype("object")
    known_sex = s_sex[s_sex.isin(KNOWN_SEXES)]
    counts = known_sex.value_counts()
    section.suspect_sex = [SuppressibleCount(label=s, count=int(counts.get(s, 0)),
                                             share=share(int(counts.get(s, 0)), len(known_sex)))
                           for s in KNOWN_SEXES]
    section.suspect_sex_unknown = int(len(s_sex) - len(known_sex))
    if len(known_sex):
        modal = sorted(counts.index, key=lambda s: (-counts[s], s))[0]
        section.modal_suspect_sex = str(modal)
        modal_ages = pd.to_numeric(suspects.loc[s_sex == modal, "age"], errors="coerce")
        pair = modal_age_pair(modal_ages)
        if pair is not None:
            section.modal_suspect_age_from, section.modal_suspect_age_to = pair
            section.modal_suspect_age_count = int(modal_ages.between(*pair).sum())

    victims = ppl[ppl["role"] == "victim"]
    v_sex = victims["sex"].astype("object")
    v_known = v_sex[v_sex.isin(KNOWN_SEXES)]
    section.victim_female, section.victim_known_sex = int((v_known == "female").sum()), int(len(v_known))
    section.victim_female_share = share(section.victim_female, section.victim_known_sex)


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
