"""Prepared × Scope → AchievementsSection: knife-enabled change by cohort, sharp-object admissions,
offence groups/types that fell, and the estimated cost of crime avoided (net of rises)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from snareport.calculators.common import (
    NOT_AVAILABLE,
    change,
    count_change,
    in_period,
    period_pair,
    period_refs,
    require_prepared,
    unavailable_reason,
)
from snareport.formatting import month_list
from snareport.loading.schema import MECHANISM_CAUSES
from snareport.models.achievements import AchievementsSection, CostSaving
from snareport.models.common import LabelledChange

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.counts import CountTable
    from snareport.calculators.prepare import Prepared
    from snareport.dataset import Dataset
    from snareport.scope import Scope

KNIFE_COHORTS = ("under_18", "age_18_25")


@dataclass(frozen=True)
class AchievementsArea:
    """The whole area's knife-enabled changes by cohort and its sharp-object admissions (empty when the source
    lacks them), printed beside a district's own."""

    knife_enabled: tuple[LabelledChange, ...]
    admissions: tuple[LabelledChange, ...]
    district_admissions: dict[str, tuple[LabelledChange, ...]]   # each district's, when the source has them
    unit_costs: UnitCosts | None = None                           # None without a unit costs table


@dataclass(frozen=True)
class UnitCosts:
    """The unit costs of the offence groups report.yaml costs, at its savings price year (the same in every
    scope's savings)."""

    unit: dict[str, float]        # each costed group's unit cost
    costed: tuple[str, ...]       # the groups of ``costs.groups`` with a unit cost, in that order
    source: str | None            # their sources, joined
    notes: tuple[str, ...]        # one for each group without a unit cost


def whole_area(frames: Frames) -> AchievementsArea:
    cfg = frames.config
    knife: tuple[LabelledChange, ...] = ()
    if not unavailable_reason(frames, "offences.knife_enabled", "people", "people.age"):
        knife = tuple(_knife_changes(frames, frames.offence_counts, cfg.comparisons.year_on_year)["knife_enabled"])
    adm = frames.ds.hospital_admissions
    admissions: tuple[LabelledChange, ...] = ()
    by_district: dict[str, tuple[LabelledChange, ...]] = {}
    if adm is not None and frames.has("hospital_admissions"):
        adm = adm[adm["mechanism"] == cfg.definitions.admissions_mechanism]
        by_scope = _admission_changes(frames.ds, adm, cfg.comparisons.rolling,
                                      frames.has("hospital_admissions.district"))
        admissions = tuple(by_scope.pop(""))
        by_district = {d: tuple(changes) for d, changes in by_scope.items()}
    return AchievementsArea(knife, admissions, by_district, _unit_costs(frames.ds))


def _unit_costs(ds: Dataset) -> UnitCosts | None:
    if unavailable_reason(ds, "unit_costs") or ds.unit_costs is None:
        return None
    cfg = ds.config.costs
    price_year = cfg.savings_price_year
    costs = ds.unit_costs[ds.unit_costs["price_year"].astype(str) == price_year]
    costs = costs.drop_duplicates("offence_group").set_index("offence_group")
    costed = [g for g in cfg.groups if g in costs.index]
    notes = [f"No unit cost at {price_year} for {group}; its change is not costed."
             for group in cfg.groups if group not in costs.index]
    return UnitCosts(unit={group: float(costs.at[group, "unit_cost_gbp"]) for group in costed}, costed=tuple(costed),
                     source="; ".join(sorted(set(costs.loc[costed, "source"].astype(str)))) or None,
                     notes=tuple(notes))


def calculate(prep: Prepared, scope: Scope) -> AchievementsSection:
    """Knife-enabled offences involving each cohort (year on year); monthly average sharp-object
    admissions (rolling windows); groups/types lower this year than last; savings over ``two_year``."""
    require_prepared(prep)
    cfg = prep.config
    yoy, rolling, two = cfg.comparisons.year_on_year, cfg.comparisons.rolling, cfg.comparisons.two_year
    off = prep.offence_counts if scope.is_county else prep.offence_counts.where(district=scope.district)
    notes: list[str] = []
    knife: dict = {}
    knife_reason = unavailable_reason(prep, "offences.knife_enabled", "people", "people.age")
    if knife_reason:
        notes.append(f"Knife-enabled changes by age: {knife_reason}.")
    else:
        knife = _knife_changes(prep, off, yoy)
        if not scope.is_county and prep.achievements is not None:   # the whole area's, beside the district's
            knife["area_knife_enabled"] = list(prep.achievements.knife_enabled)
    admissions, admissions_notes = _admissions(prep, scope, rolling)
    savings, savings_notes = _savings(prep, off, two)
    return AchievementsSection(
        periods=period_refs(prep, [*yoy, *rolling, *two]),
        year_on_year=period_pair(prep, yoy), rolling=period_pair(prep, rolling), two_year=period_pair(prep, two),
        **knife, **admissions,
        fallen_groups=_fallen(off, "offence_group", yoy), fallen_types=_fallen(off, "offence_type", yoy),
        **savings, notes=[*notes, *admissions_notes, *savings_notes],
    )


def _knife_changes(ds: Prepared | Frames, off: CountTable, yoy) -> dict:
    """Knife-enabled offences involving each cohort (and with no known age), year on year (``off``: the
    scope's offence counts)."""
    knife = off.where(knife_enabled=True)
    counts = {name: knife.where(**{name: True}).counts("period") for name in [*KNIFE_COHORTS, "age_unknown"]}
    prev, cur = yoy
    cohorts = dict(ds.config.cohorts)
    changes = [
        LabelledChange(key=name, label=cohorts[name].label,
                       change=count_change(int(counts[name][prev]), int(counts[name][cur])))
        for name in KNIFE_COHORTS
    ]
    unknown = count_change(int(counts["age_unknown"][prev]), int(counts["age_unknown"][cur]))
    return dict(knife_enabled=changes, knife_enabled_age_unknown=unknown)


def _admissions(prep: Prepared, scope: Scope, rolling) -> tuple[dict, list[str]]:
    """Monthly average sharp-object admissions in the two rolling windows (all ages, under 25s)."""
    ds = prep.ds
    if ds.hospital_admissions is None or not ds.has("hospital_admissions") or prep.achievements is None:
        return dict(admissions_available=False, admissions_reason=NOT_AVAILABLE), []
    area = prep.achievements
    where, notes, changes = "county", [], list(area.admissions)
    if not scope.is_county:
        if ds.has("hospital_admissions.district"):
            changes = list(area.district_admissions[scope.district])
            where = "district"
        else:
            notes.append("Hospital admissions have no district in this source; the figures are the county's.")
    for name in rolling:
        gap = ds.gap("hospital_admissions", name)
        if gap:
            notes.append(f"Hospital admissions for {gap.label} have no figures for {month_list(gap.missing)}: the "
                         f"monthly averages use the {gap.present} months present.")
    mechanism = prep.config.definitions.admissions_mechanism
    fields = dict(admissions_scope=where, admissions=changes,
                  admissions_cause=MECHANISM_CAUSES.get(mechanism, f"assault ({mechanism})"))
    if where == "district":   # the whole area's, beside the district's
        fields["area_admissions"] = list(area.admissions)
    return fields, notes


def _admission_changes(ds: Dataset, adm: pd.DataFrame, rolling,
                       by_district: bool) -> dict[str, list[LabelledChange]]:
    """Monthly average admissions (all ages, under 25s), previous → current rolling window, of the whole
    area (``""``) and, with ``by_district``, of every configured district."""
    names = list(ds.config.districts) if by_district else []
    at = pd.Index(names).get_indexer(adm["district"].astype("object")) if by_district else None
    counts = adm["admissions"].to_numpy(dtype="float64")
    young = (adm["age_band"] == ds.config.definitions.admissions_young_band).to_numpy()

    def monthly(name: str, rows: np.ndarray) -> list[float | None]:
        """Admissions a month in each scope: the period's total over the months the table covers (all, unless
        report.yaml allows partial periods and some are missing)."""
        period, gap = ds.config.period(name), ds.gap("hospital_admissions", name)
        months = gap.present if gap else period.months
        inside = rows & in_period(adm["month"], period).to_numpy()
        totals = [float(counts[inside].sum())]
        if at is not None:
            mine = inside & (at >= 0)
            totals += list(np.bincount(at[mine], weights=counts[mine], minlength=len(names)))
        return [float(t) / months if months else None for t in totals]

    everyone = np.ones(len(adm), dtype=bool)
    prev, cur = rolling
    all_prev, all_cur, young_prev, young_cur = (monthly(prev, everyone), monthly(cur, everyone),
                                                monthly(prev, young), monthly(cur, young))
    return {name: [
        LabelledChange(key="all_ages", label="all ages", change=change(all_prev[i], all_cur[i])),
        LabelledChange(key="under_25", label="under 25s", change=change(young_prev[i], young_cur[i])),
    ] for i, name in enumerate(["", *names])}


def _fallen(off: CountTable, column: str, yoy) -> list[LabelledChange]:
    """Every group/type whose current-year count is below its previous-year count (by name)."""
    table = off.per_period(column, yoy)
    return [LabelledChange(key=str(name), label=str(name), change=count_change(before, after))
            for name, (before, after) in sorted(table.items(), key=lambda kv: kv[0]) if after < before]


def _savings(prep: Prepared, off: CountTable, two) -> tuple[dict, list[str]]:
    """Estimated cost of crime avoided, as the Home Office method intends: for each offence group named in
    report.yaml (``costs.groups``), the change in volume over ``two_year`` × the group's unit cost, rises
    counted as well as falls (a rise is a negative saving), summed to a net figure."""
    ds = prep.ds
    reason = unavailable_reason(ds, "unit_costs")
    cfg = ds.config.costs
    price_year = cfg.savings_price_year
    fixed = dict(price_year=price_year, savings_groups=list(cfg.groups), savings_rounding_gbp=cfg.rounding_gbp)
    costs = prep.achievements.unit_costs if prep.achievements is not None else None
    if reason or ds.unit_costs is None or costs is None:
        return dict(**fixed, savings_available=False, savings_reason=reason or NOT_AVAILABLE), []
    table = off.per_period("offence_group", two)
    sexual = set(cfg.sexual_offence_groups)
    savings = []
    for group in costs.costed:
        before, after = table.get(group, (0, 0))
        unit = costs.unit[group]
        savings.append(CostSaving(offence_group=group, previous=before, current=after, fall=before - after,
                                  unit_cost_gbp=unit, saving_gbp=round((before - after) * unit, 2),
                                  headline=cfg.sexual_offence_tiles or group not in sexual))
    return dict(
        **fixed, cost_source=costs.source,
        savings=sorted(savings, key=lambda s: (-(s.saving_gbp or 0), s.offence_group)),
        savings_total_gbp=round(sum(s.saving_gbp or 0 for s in savings), 2) if savings else None,
    ), list(costs.notes)
