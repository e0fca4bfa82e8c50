"""SexualViolenceSection: counts by category, the report's table, overall change, top offence types,
modal suspect, highest districts per category, month profile and repeat suspects."""
from __future__ import annotations

from snareport.models.common import (
    Change,
    ComparisonFindings,
    LabelledChange,
    PeriodPair,
    PeriodRef,
    Ranked,
    Section,
    SectionModel,
    SuppressibleCount,
)


class CategoryDistricts(SectionModel):
    category: str
    districts: list[Ranked]         # ranked, highest first (current year), with rates per 1,000 residents
    highest: list[str] = []         # the districts named, highest first (report.yaml definitions.sexual_violence_districts)


class MonthCount(SectionModel):
    month: int                      # 1 = January
    count: int | None
    suppressed: bool = False


class SexualViolenceSection(Section):
    year_on_year: PeriodPair | None = None
    two_year: PeriodPair | None = None
    three_years: list[PeriodRef] = []          # the three financial years (or the year-on-year pair), earliest first
    categories: list[LabelledChange] = []      # non-contact, contact, penetration, rape
    table: list[LabelledChange] = []           # rape, sexual assault, non-contact
    total: Change | None = None                # all sexual violence, year on year
    table_findings: ComparisonFindings | None = None   # what the category chart says (the table's rows, the total)
    area_total: Change | None = None           # the whole area's, beside a district's (district scope)
    overall: Change | None = None              # all sexual violence, two_year comparison
    top_types: list[SuppressibleCount] = []    # top three offence types over three financial years
    three_year_total: int | None = None
    modal_suspect_band: str | None = None
    modal_suspect_sex: str | None = None
    non_contact_peak_suspect_band: str | None = None
    modal_suspect_band_count: int | None = None          # suspects in the modal band (the group the words describe)
    modal_suspect_sex_count: int | None = None
    non_contact_peak_suspect_band_count: int | None = None
    people_available: bool = True
    highest_districts: list[CategoryDistricts] = []
    population_year: int | None = None          # the population behind the district rates (None: no rates)
    month_profile: list[MonthCount] = []
    peak_months: list[int] = []
    repeat_suspects: int | None = None
    distinct_suspects: int | None = None
    repeat_suspect_share: float | None = None
    area_repeat_suspects: int | None = None          # the whole area's, beside a district's (district scope)
    area_repeat_suspect_share: float | None = None
    area_table: list[LabelledChange] = []
    """District scope: the whole area's rows of ``table`` (same keys and order), beside the district's."""
    area_top_types: list[SuppressibleCount] = []
    """District scope: the whole area's count and share of each of the district's ``top_types`` (same order),
    over the same three years."""
    area_peak_months: list[int] = []
    """District scope: the whole area's ``peak_months`` (as published in the area's report)."""
