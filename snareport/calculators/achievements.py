"""Dataset × Scope → AchievementsSection: knife-enabled change by cohort, sharp-object admissions,
offence groups/types that fell, and the estimated cost of crime avoided (net of rises)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from snareport.formatting import month_list
from snareport.calculators.common import (
    count_change,
    NOT_AVAILABLE, by_period, cached, change, in_period, offences_with_flags, period_refs, unavailable_reason,
)
from snareport.models.achievements import AchievementsSection, CostSaving
from snareport.models.common import Change, LabelledChange

from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset

KNIFE_COHORTS = ("under_18", "age_18_25")


def calculate(ds: "Dataset", scope: "Scope") -> AchievementsSection:
    """Knife-enabled offences involving each cohort (year on year); monthly average sharp-object
    admissions (rolling windows); groups/types lower this year than last; savings over ``two_year``."""
    cfg = ds.config
    yoy, rolling, two = cfg.comparisons.year_on_year, cfg.comparisons.rolling, cfg.comparisons.two_year
    off = offences_with_flags(ds, scope)
    section = AchievementsSection(periods=period_refs(ds, [*yoy, *rolling, *two]))

    knife_reason = unavailable_reason(ds, "offences.knife_enabled", "people", "people.age")
    if knife_reason:
        section.notes.append(f"Knife-enabled changes by age: {knife_reason}.")
    else:
        section.knife_enabled, section.knife_enabled_age_unknown = _knife_changes(ds, off, yoy)
        if not scope.is_county:   # the whole area's changes, beside the district's
            area, _ = cached(ds, "achievements.area_knife_enabled",
                             lambda: _knife_changes(ds, offences_with_flags(ds, Scope()), yoy))
            section.area_knife_enabled = [k.model_copy(deep=True) for k in area]

    _admissions(ds, scope, rolling, section)
    yoy_rows = by_period(ds, off, yoy)
    section.fallen_groups = _fallen(yoy_rows, "offence_group", yoy)
    section.fallen_types = _fallen(yoy_rows, "offence_type", yoy)
    _savings(ds, by_period(ds, off, two), two, section)
    return section


def _knife_changes(ds: "Dataset", off: pd.DataFrame, yoy) -> tuple[list[LabelledChange], Change]:
    knife = by_period(ds, off[off["knife_enabled"].astype(bool)], yoy)
    cols = [*KNIFE_COHORTS, "age_unknown"]
    counts = knife.groupby("_period")[cols].sum().reindex(list(yoy), fill_value=0)
    prev, cur = yoy
    cohorts = dict(ds.config.cohorts)
    changes = [
        LabelledChange(key=name, label=cohorts[name].label,
                       change=count_change(int(counts.at[prev, name]), int(counts.at[cur, name])))
        for name in KNIFE_COHORTS
    ]
    unknown = count_change(int(counts.at[prev, "age_unknown"]), int(counts.at[cur, "age_unknown"]))
    return changes, unknown


def _admissions(ds: "Dataset", scope: "Scope", rolling, section: AchievementsSection) -> None:
    if ds.hospital_admissions is None or not ds.has("hospital_admissions"):
        section.admissions_available = False
        section.admissions_reason = NOT_AVAILABLE
        return
    adm = ds.hospital_admissions
    adm = adm[adm["mechanism"] == ds.config.definitions.admissions_mechanism]
    section.admissions_scope = "county"
    if not scope.is_county:
        if ds.has("hospital_admissions.district"):
            adm = adm[adm["district"].astype("object") == scope.district]
            section.admissions_scope = "district"
        else:
            section.notes.append("Hospital admissions have no district in this source; the figures are the county's.")
    prev, cur = rolling
    for name in rolling:
        gap = ds.gap("hospital_admissions", name)
        if gap:
            section.notes.append(
                f"Hospital admissions for {gap.label} have no figures for {month_list(gap.missing)}: the "
                f"monthly averages use the {gap.present} months present.")
    section.admissions_periods = period_refs(ds, rolling)

    def monthly(rows: pd.DataFrame, name: str) -> float:
        """Admissions a month: the period's total over the months the table covers (all, unless report.yaml
        allows partial periods and some are missing)."""
        period, gap = ds.config.period(name), ds.gap("hospital_admissions", name)
        months = gap.present if gap else period.months
        return float(rows.loc[in_period(rows["month"], period), "admissions"].sum()) / months if months else None

    def changes(rows: pd.DataFrame) -> list[LabelledChange]:
        under = rows[rows["age_band"] == ds.config.definitions.admissions_young_band]
        return [
            LabelledChange(key="all_ages", label="all ages", change=change(monthly(rows, prev), monthly(rows, cur))),
            LabelledChange(key="under_25", label="under 25s",
                           change=change(monthly(under, prev), monthly(under, cur))),
        ]

    section.admissions = changes(adm)
    if section.admissions_scope == "district":   # the whole area's, beside the district's
        every = ds.hospital_admissions[ds.hospital_admissions["mechanism"] == ds.config.definitions.admissions_mechanism]
        section.area_admissions = [x.model_copy(deep=True)
                                   for x in cached(ds, "achievements.area_admissions", lambda: changes(every))]


def _counts(rows: pd.DataFrame, column: str, pair) -> pd.DataFrame:
    """Counts of ``column`` values (rows) by period (columns), from rows stacked by ``by_period``."""
    table = rows.groupby([rows[column].astype("object"), "_period"]).size().unstack(fill_value=0)
    return table.reindex(columns=list(pair), fill_value=0).sort_index()


def _fallen(off: pd.DataFrame, column: str, yoy) -> list[LabelledChange]:
    """Every group/type whose current-year count is below its previous-year count."""
    table = _counts(off, column, yoy)
    prev, cur = yoy
    fell = table[table[cur] < table[prev]]
    return [LabelledChange(key=str(name), label=str(name), change=count_change(int(r[prev]), int(r[cur])))
            for name, r in fell.iterrows()]


def _savings(ds: "Dataset", off: pd.DataFrame, two, section: AchievementsSection) -> None:
    """Estimated cost of crime avoided, as the Home Office method intends: for each offence group named in
    report.yaml (``costs.groups``), the change in volume over ``two_year`` × the group's unit cost, rises
    counted as well as falls (a rise is a negative saving), summed to a net figure."""
    reason = unavailable_reason(ds, "unit_costs")
    cfg = ds.config.costs
    price_year = cfg.savings_price_year
    section.price_year = price_year
    section.savings_groups = list(cfg.groups)
    section.savings_periods = period_refs(ds, two)
    section.savings_rounding_gbp = cfg.rounding_gbp
    if reason or ds.unit_costs is None:
        section.savings_available, section.savings_reason = False, reason or NOT_AVAILABLE
        return
    costs = ds.unit_costs[ds.unit_costs["price_year"].astype(str) == price_year]
    costs = costs.drop_duplicates("offence_group").set_index("offence_group")
    costed = [g for g in cfg.groups if g in costs.index]
    for group in cfg.groups:
        if group not in costs.index:
            section.notes.append(f"No unit cost at {price_year} for {group}; its change is not costed.")
    section.cost_source = "; ".join(sorted(set(costs.loc[costed, "source"].astype(str)))) or None
    table = _counts(off, "offence_group", two).reindex(costed, fill_value=0)
    first, second = two
    sexual = set(cfg.sexual_offence_groups)
    savings = []
    for group in costed:
        before, after = int(table.at[group, first]), int(table.at[group, second])
        unit = float(costs.at[group, "unit_cost_gbp"])
        savings.append(CostSaving(offence_group=group, previous=before, current=after, fall=before - after,
                                  unit_cost_gbp=unit, saving_gbp=round((before - after) * unit, 2),
                                  headline=cfg.sexual_offence_tiles or group not in sexual))
    section.savings = sorted(savings, key=lambda s: (-(s.saving_gbp or 0), s.offence_group))
    section.savings_total_gbp = round(sum(s.saving_gbp or 0 for s in savings), 2) if savings else None
