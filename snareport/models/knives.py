"""KnivesSection: districts of most concern, age at knife incident, under-25 injury/non-injury change,
the estimated cost of crime avoided by the fall in injury offences, suspects' sex and modal age, victims' female share."""
from __future__ import annotations

from snareport.models.common import Change, PeriodPair, Ranked, ScopeFigure, Section, SectionModel, SuppressibleCount


class AgeCount(SectionModel):
    age: int
    count: int | None
    suppressed: bool = False


class AgeGroup(SectionModel):
    """People of known age in an age range (a report.yaml cohort) and their share of all of known age."""

    label: str
    min_age: int
    max_age: int | None             # None: no upper bound
    count: int | None
    share: float | None = None      # fraction 0–1 of the people of known age
    suppressed: bool = False


class KnivesSection(Section):
    year_on_year: PeriodPair | None = None
    districts_of_concern: list[Ranked] = []     # top five districts by knife-enabled offences
    district_ranking: list[Ranked] = []         # every district
    focus: ScopeFigure | None = None            # district scope: its count, the county's, its rank
    population_year: int | None = None          # the population behind the district rates (None: no rates)
    cohort_label: str = "under 25s"             # the injury / non-injury cohort, as report.yaml names it
    knife_offences: Change | None = None        # knife-enabled offences in scope, previous → current
    age_distribution: list[AgeCount] = []       # people in current-year knife-enabled offences
    age_unknown: int | None = None
    peak_ages: list[int] = []                   # the most frequent ages in ``age_distribution`` (every age of a tie)
    next_ages: list[int] = []                   # the next most frequent (up to two, youngest first on ties)
    under_25_injury: Change | None = None
    under_25_non_injury: Change | None = None
    minimum_saving_gbp: float | None = None     # estimated cost of crime avoided by the fall in injury offences
    minimum_saving_unit_cost_gbp: float | None = None
    minimum_price_year: str | None = None       # the unit cost's price base (not uprated: a lower bound)
    minimum_saving_rounding_gbp: int = 1        # printed to the nearest this many pounds (report.yaml costs.rounding_gbp)
    minimum_saving_source: str | None = None    # the unit cost's source (the unit_costs table's source column)
    suspect_sex: list[SuppressibleCount] = []   # shares of suspects of known sex
    suspect_sex_unknown: int | None = None
    modal_suspect_sex: str | None = None
    modal_suspect_age_from: int | None = None
    modal_suspect_age_to: int | None = None
    modal_suspect_age_count: int | None = None  # suspects of the modal sex aged from–to (the group the words describe)
    victim_female_share: float | None = None
    victim_female: int | None = None            # victims recorded as female (numerator of the share)
    victim_known_sex: int | None = None         # victims of known sex (its denominator)
    people_available: bool = True
    # the whole area's figures, printed beside a district's (district scope)
    area_under_25_injury: Change | None = None
    area_under_25_non_injury: Change | None = None
    area_suspect_sex: list[SuppressibleCount] = []
    area_victim_female_share: float | None = None
    age_known: int | None = None
    """People of known age in current-year knife-enabled offences (the total behind ``age_distribution``)."""
    age_groups: list[AgeGroup] = []
    """The same people in report.yaml's under-18 and under-25 cohorts, with their shares of ``age_known``."""
    area_age_known: int | None = None
    """District scope: the whole area's ``age_known``."""
    area_age_groups: list[AgeGroup] = []
    """District scope: the whole area's ``age_groups``, beside the district's."""
