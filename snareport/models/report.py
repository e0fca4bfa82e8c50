"""Report: every section model plus the metadata, periods, data summary and methodology notes.

``Report.model_dump_json()`` is the audit trail: every number printed in the PDF is in it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import PrivateAttr

from snareport.content.models import Content
from snareport.models.achievements import AchievementsSection
from snareport.models.common import PeriodRef, SectionModel
from snareport.models.demographics import DemographicsSection
from snareport.models.geography import GeographySection
from snareport.models.knives import KnivesSection
from snareport.models.latest_year import LatestYearSection
from snareport.models.population import PopulationSection
from snareport.models.recorded_offences import RecordedOffencesSection
from snareport.models.sexual_violence import SexualViolenceSection
from snareport.models.temporal import TemporalSection

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


class Metadata(SectionModel):
    title: str
    edition: str
    area: str
    partnership: str
    scope_label: str                 # the district's name, or the area for the county report
    district: str | None
    authority: str | None            # the district's authority in a district scope
    audience: Literal["public", "partners"]
    protective_marking: str
    publication_date: dt.date
    language: str
    theme: str                       # as report.yaml names it
    attribution: str = ""            # licence attribution for the covers (open data), else empty
    _theme_location: str | Path | None = PrivateAttr(default=None)   # its file, found from the dataset folder (not in JSON)


class TableSummary(SectionModel):
    table: str
    rows: int | None                 # rows in the scope (offences/people of the district in a district scope)
    total_rows: int | None           # rows in the whole dataset (None: withheld by disclosure control)


class PartialPeriod(SectionModel):
    """A named period one table does not fully cover (printed when report.yaml allows partial periods)."""

    table: str
    period: str
    label: str
    missing_months: list[dt.date]      # first day of each missing month
    months_present: int
    months: int


class DataSummary(SectionModel):
    source_name: str
    source_note: str
    counted: str = ""                # what the offences are, in words, when the source says (open data)
    categories: list[str] = []       # the source's own crime categories counted (open data)
    months: list[str] = []           # months (YYYY-MM) the source covers, when it says
    months_missing: list[str] = []   # months between the first and last that the source lacks
    population_source: str = ""      # the population table's own source, when it has one (open data)
    tables: list[TableSummary]
    first_offence: dt.date | None
    last_offence: dt.date | None
    available: list[str]
    data_quality: list[str]
    partial_periods: list[PartialPeriod] = []
    table_sources: dict[str, str] = {}       # table → where it comes from (report.yaml sources)


class MethodNote(SectionModel):
    topic: str
    text: str


class Disclosure(SectionModel):
    """Which disclosure rules were applied to this report's figures."""

    applied: bool
    threshold: int
    hospital_threshold: int
    suppressed_values: int = 0
    note: str = ""


class Report(SectionModel):
    metadata: Metadata
    periods: list[PeriodRef]
    data: DataSummary
    methodology: list[MethodNote]
    disclosure: Disclosure
    content: Content | None = None
    content_scope: dict[str, Literal["district", "area"]] = {}   # content field → whom its text speaks for
    population: PopulationSection
    achievements: AchievementsSection
    demographics: DemographicsSection
    geography: GeographySection
    temporal: TemporalSection
    knives: KnivesSection
    sexual_violence: SexualViolenceSection
    recorded_offences: RecordedOffencesSection
    latest_year: LatestYearSection = LatestYearSection(available=False)   # only with a main period

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table and chart's figures as tidy pandas DataFrames, keyed by their spreadsheet sheet name.

        The same cells as ``snareport build --tables``: numbers from this model, shares and changes as
        percentages to one decimal place, ``[c]`` where disclosure control withheld a value.
        """
        from snareport.tables import tables_as_frames

        return tables_as_frames(self)

    def _repr_html_(self) -> str:
        """A short summary for notebooks: scope, edition, periods, the headline figures and the sections."""
        from snareport.notebook import report_html

        return report_html(self)
