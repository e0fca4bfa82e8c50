"""AchievementsSection: the headline falls — knife-enabled offences by cohort, sharp-object admissions,
offence groups/types that fell, and the estimated cost of crime avoided (net of rises)."""
from __future__ import annotations

from snareport.models.common import Change, LabelledChange, PeriodPair, Section, SectionModel


class CostSaving(SectionModel):
    """Estimated cost of crime avoided for one offence group: fall in volume (first → second period) × its
    unit cost. A rise gives a negative ``fall`` and a negative ``saving_gbp`` (an added cost)."""

    offence_group: str
    previous: int | None
    current: int | None
    fall: int | None
    unit_cost_gbp: float | None
    saving_gbp: float | None
    headline: bool = True                             # shown as a headline tile (sexual offences only if configured)
    suppressed: bool = False


class AchievementsSection(Section):
    """Achievements. Knife-enabled changes use ``year_on_year``; admissions use ``rolling``;
    savings use ``two_year`` and unit costs at ``price_year``."""

    year_on_year: PeriodPair | None = None            # knife-enabled changes, offence groups and types
    rolling: PeriodPair | None = None                 # hospital admissions (monthly averages)
    two_year: PeriodPair | None = None                # the estimated cost of crime avoided

    knife_enabled: list[LabelledChange] = []          # one per cohort (under_18, age_18_25)
    area_knife_enabled: list[LabelledChange] = []     # the whole area's, beside a district's (district scope)
    knife_enabled_age_unknown: Change | None = None   # knife-enabled offences whose people all have unknown age
    admissions_available: bool = True
    admissions_reason: str | None = None
    admissions_scope: str | None = None               # "district" or "county" (district lacking in source)
    admissions: list[LabelledChange] = []            # monthly average: key "all_ages", "under_25"
    admissions_cause: str = "assault with a knife or sharp object"   # report.yaml's admissions mechanism, in words
    area_admissions: list[LabelledChange] = []       # the whole area's, beside a district's own admissions
    fallen_groups: list[LabelledChange] = []
    fallen_types: list[LabelledChange] = []
    savings: list[CostSaving] = []                    # one per costed group (report.yaml costs.groups)
    savings_total_gbp: float | None = None            # net: falls minus rises, over the costed groups
    savings_groups: list[str] = []                    # the costed groups, as report.yaml lists them
    savings_rounding_gbp: int = 1                     # printed estimates are rounded to this many pounds
    savings_available: bool = True
    savings_reason: str | None = None
    price_year: str | None = None
    cost_source: str | None = None
