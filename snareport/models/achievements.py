"""AchievementsSection: the headline falls — knife-enabled offences by cohort, sharp-object admissions,
offence groups/types that fell, and the cost savings from those falls."""
from __future__ import annotations

from snareport.models.common import Change, LabelledChange, PeriodRef, Section, SectionModel


class CostSaving(SectionModel):
    """Saving for one offence group: fall in volume (first → second period) × its unit cost."""

    offence_group: str
    previous: int | None
    current: int | None
    fall: int | None
    unit_cost_gbp: float | None
    saving_gbp: float | None
    suppressed: bool = False


class AchievementsSection(Section):
    """Achievements. Knife-enabled changes use ``year_on_year``; admissions use ``rolling``;
    savings use ``two_year`` and unit costs at ``price_year``."""

    knife_enabled: list[LabelledChange] = []          # one per cohort (under_18, age_18_25)
    knife_enabled_age_unknown: Change | None = None   # knife-enabled offences whose people all have unknown age
    admissions_available: bool = True
    admissions_reason: str | None = None
    admissions_scope: str | None = None               # "district" or "county" (district lacking in source)
    admissions: list[LabelledChange] = []            # monthly average: key "all_ages", "under_25"
    admissions_periods: list[PeriodRef] = []         # the two rolling windows, earlier first
    fallen_groups: list[LabelledChange] = []
    fallen_types: list[LabelledChange] = []
    savings: list[CostSaving] = []
    savings_total_gbp: float | None = None
    savings_available: bool = True
    savings_reason: str | None = None
    price_year: str | None = None
    cost_source: str | None = None
