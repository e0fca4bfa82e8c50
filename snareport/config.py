"""report.yaml → ReportConfig: the area, its districts, named periods, cohorts and publishing rules."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from snareport.formatting import period_label


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


#: The longest area, authority or district name: it must fit a cover line, a tile and a table row.
MAX_NAME = 60


class Authority(_Strict):
    """A council that groups districts (e.g. Kent County Council), or a unitary council."""

    name: str = Field(min_length=1, max_length=MAX_NAME)
    short_name: str = Field(min_length=1, max_length=MAX_NAME)
    districts: list[Annotated[str, Field(min_length=1, max_length=MAX_NAME)]] = Field(min_length=1)


class Period(_Strict):
    """A named, inclusive date range (a financial year or a rolling 12-month window).

    Its label is the report's one time format for its dates (``formatting.period_label``): "2024/25" for a
    financial year, "year ending September 2025" for another 12 months, "January to April 2025" otherwise.
    report.yaml may leave it out; a label written another way is refused, naming the right one.
    """

    label: str = ""
    start: dt.date
    end: dt.date

    @model_validator(mode="before")
    @classmethod
    def _one_time_format(cls, data: object) -> object:
        if isinstance(data, dict) and not data.get("label"):
            try:
                start, end = (v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))
                              for v in (data["start"], data["end"]))
            except (KeyError, TypeError, ValueError):
                return data                     # the field validators report what is wrong
            data = {**data, "label": period_label(start, end)}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period {self.label!r} ends ({self.end}) before it starts ({self.start})")
        standard = period_label(self.start, self.end)
        if self.label != standard:
            raise ValueError(f"period label {self.label!r} is not in the report's time format: write "
                             f"{standard!r} for {self.start} to {self.end}, or leave the label out")
        return self

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def months(self) -> int:
        """Whole calendar months covered (a 12-month window gives 12)."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


class AgeRange(_Strict):
    """An inclusive age range in whole years; ``max_age=None`` means no upper bound."""

    label: str
    min_age: int = Field(ge=0)
    max_age: int | None = None

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.max_age is not None and self.max_age < self.min_age:
            raise ValueError(f"age range {self.label!r}: max_age {self.max_age} < min_age {self.min_age}")
        return self


class Comparisons(_Strict):
    """Which named periods each comparison uses, earliest first."""

    year_on_year: tuple[str, str]
    two_year: tuple[str, str]
    rolling: tuple[str, str]
    # Optional: a source covering only two matching periods (e.g. police.uk files) has no third.
    three_year: tuple[str, str, str] | None = None
    three_financial_years: tuple[str, str, str] | None = None


class Cohorts(_Strict):
    under_18: AgeRange
    age_18_25: AgeRange
    under_25: AgeRange


class ProtectiveMarking(_Strict):
    public: str = "OFFICIAL"
    partners: str = "OFFICIAL-SENSITIVE"


class Costs(_Strict):
    """The estimated cost of crime avoided (Home Office unit costs × change in volume, net of rises)."""

    savings_price_year: str
    minimum_price_year: str
    # Offence groups whose change is costed. The Home Office method costs each group's change in volume;
    # the default is the two groups the published report costed.
    groups: list[str] = Field(default_factory=lambda: ["Violence with injury", "Robbery of personal property"],
                              min_length=1)
    # Printed estimates are rounded to this many pounds (1 prints to the pound).
    rounding_gbp: int = Field(default=1000, ge=1)
    # Sexual offence groups get no headline tile unless `sexual_offence_tiles` is true.
    sexual_offence_groups: list[str] = Field(default_factory=lambda: ["Rape", "Other sexual offences"])
    sexual_offence_tiles: bool = False

    @model_validator(mode="after")
    def _distinct(self) -> Costs:
        if len(set(self.groups)) != len(self.groups):
            raise ValueError("costs.groups lists an offence group more than once")
        return self


OptionalField = Literal[
    "offences.time_of_day",
    "offences.knife_enabled",
    "offences.sexual_category",
    "people.age",
    "people.sex",
    "hospital_admissions.district",
]
SourceTable = Literal["offences", "people", "hospital_admissions", "population", "unit_costs", "harm_weights"]


class DataSource(_Strict):
    """What a partial source (e.g. police.uk open data) provides; omitted = the full contract."""

    name: str = ""
    tables: list[SourceTable] | None = None
    fields_absent: list[OptionalField] = Field(default_factory=list)
    data_quality: list[str] = Field(default_factory=list)  # notes the report prints (Dataset.data_quality)
    months: list[Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]] = Field(default_factory=list)
    months_missing: list[Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)    # the source's own crime categories counted
    counted: str = ""              # what the offences are, in words, for headlines ("crimes in police.uk's …")
    attribution: str = ""          # licence attribution printed on the covers (e.g. OGL for police.uk)
    population_source: str = ""    # where the population table comes from, when not the main source

    @model_validator(mode="after")
    def _has_offences(self) -> DataSource:
        if self.tables is not None and "offences" not in self.tables:
            raise ValueError("source.tables must include 'offences'")
        return self


class Definitions(_Strict):
    """Definitions an edition may change, named in report.yaml; the defaults are the 2025/26 report's."""

    peak_share: float = Field(default=0.75, gt=0, le=1)     # an hour is a peak at this share of the busiest
    districts_of_concern: int = Field(default=5, ge=1)      # knives: districts listed as of most concern
    most_affected_districts: int = Field(default=4, ge=1)   # geography: districts named as most affected
    highest_volume_districts: int = Field(default=3, ge=1)  # recorded offences: districts named for volume
    largest_rises: int = Field(default=2, ge=1)             # district reports: offence groups named for their rises
    top_offence_types: int = Field(default=3, ge=1)         # sexual violence: offence types listed
    sexual_violence_districts: int = Field(default=3, ge=1)  # sexual violence: districts named per category
    peak_months: int = Field(default=3, ge=1)               # sexual violence: months named as the peak
    # Heat maps: hours per column, the narrowest of ``time_band_hours`` whose cells hold on average at
    # least ``time_band_min_average`` offences (else the widest); small districts get 2-, 3-, 4- or 6-hour bands.
    time_band_hours: list[int] = Field(default_factory=lambda: [1, 2, 3, 4, 6], min_length=1)
    time_band_min_average: float = Field(default=15.0, ge=0)

    @field_validator("time_band_hours")
    @classmethod
    def _whole_days(cls, value: list[int]) -> list[int]:
        if any(h < 1 or 24 % h for h in value):
            raise ValueError(f"time_band_hours {value}: every band must divide the 24 hours of a day (1, 2, 3, 4, 6, 8, 12)")
        return sorted(set(value))
    # Sexual violence table (and chart): row label → the sexual_category values it adds up.
    sexual_violence_table: dict[str, list[str]] = Field(default_factory=lambda: {
        "Rape": ["rape"], "Sexual assault": ["contact", "penetration"], "Non-contact": ["non-contact"]})
    knife_injury_groups: list[str] = Field(default_factory=lambda: ["Violence with injury", "Homicide"])
    knife_cost_group: str = "Violence with injury"          # unit cost behind the knife minimum figure
    admissions_mechanism: str = "sharp object"              # hospital admissions counted
    admissions_young_band: str = "0-24"                     # the admissions age band shown for young people


class ReportConfig(_Strict):
    """The parsed report.yaml. Nothing about periods, cohorts or districts lives in code."""

    area: str = Field(min_length=1, max_length=MAX_NAME)
    partnership: str
    title: str = "Strategic Needs Assessment Executive Report"
    edition: str
    publication_date: dt.date
    earliest_date: dt.date = dt.date(1990, 1, 1)   # offence dates before this (or after publication) are faults
    language: str = "en-GB"
    theme: str = "kent_medway"
    audience: Literal["public", "partners"] = "public"
    disclosure_threshold: int = Field(default=5, ge=0)
    protective_marking: ProtectiveMarking = ProtectiveMarking()
    authorities: list[Authority] = Field(min_length=1)
    periods: dict[str, Period]
    comparisons: Comparisons
    main_period: str | None = None   # the period headline figures use, when not a comparison (open data)
    cohorts: Cohorts
    age_bands: list[AgeRange] = Field(min_length=1)
    suspect_age_bands: list[AgeRange] = Field(min_length=1)
    census_years: list[int] = Field(default_factory=list)
    population_year: int
    high_harm_top_share: float = Field(default=0.016, gt=0, lt=1)
    costs: Costs
    definitions: Definitions = Definitions()
    source_note: str = ""
    # Where each table comes from, printed under every chart and table built on it
    # (e.g. population: ONS Census 2021). A table not named here is credited to the source or partnership.
    sources: dict[SourceTable, str] = Field(default_factory=dict)
    # A named period whose months a table does not all cover is an error unless this is true; then the
    # figures use the months present and the report prints which months are missing.
    allow_partial_periods: bool = False
    source: DataSource | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ReportConfig:
        seen: set[str] = set()
        for authority in self.authorities:
            for d in authority.districts:
                if d in seen:
                    raise ValueError(f"district {d!r} is listed under more than one authority")
                seen.add(d)
        if self.main_period is not None and self.main_period not in self.periods:
            raise ValueError(f"main_period names period {self.main_period!r}, which is not in periods")
        for field, names in self.comparisons:
            if names is None:
                continue
            for name in names:
                if name not in self.periods:
                    raise ValueError(f"comparisons.{field} names period {name!r}, which is not in periods")
            ordered = [self.periods[n] for n in names]
            for a, b in zip(ordered, ordered[1:]):
                if a.overlaps(b):
                    raise ValueError(f"comparisons.{field}: periods {a.label!r} and {b.label!r} overlap")
                if b.start < a.start:
                    raise ValueError(f"comparisons.{field}: periods must be listed earliest first")
        return self

    @property
    def districts(self) -> list[str]:
        """Every district, in the order report.yaml lists them."""
        return [d for a in self.authorities for d in a.districts]

    _folder: Path | None = PrivateAttr(default=None)   # the dataset folder report.yaml was read from

    def theme_location(self) -> str | Path:
        """The theme to render with: a bundled theme's name, or its YAML file (a relative path is
        taken from the dataset folder, where report.yaml is)."""
        from snareport.resources import theme_file

        if Path(self.theme).suffix not in (".yaml", ".yml"):
            return self.theme
        return theme_file(self.theme, self._folder)

    def authority_of(self, district: str) -> Authority:
        for a in self.authorities:
            if district in a.districts:
                return a
        raise KeyError(district)

    def period(self, name: str) -> Period:
        return self.periods[name]

    @property
    def marking(self) -> str:
        """The protective marking printed on every page for this audience."""
        return str(getattr(self.protective_marking, self.audience))
