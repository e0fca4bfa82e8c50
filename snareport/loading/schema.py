"""The input data contract as data: each table's columns, their kinds and allowed values."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from snareport.config import OptionalField

Kind = Literal["id", "text", "datetime", "month", "bool", "int", "float", "enum", "district"]

SEXUAL_CATEGORIES = ("non-contact", "contact", "penetration", "rape")
ROLES = ("victim", "suspect")
SEXES = ("male", "female", "unknown")
ADMISSION_AGE_BANDS = ("0-24", "25+")
MECHANISMS = ("sharp object", "other")
MECHANISM_CAUSES = {"sharp object": "assault with a knife or sharp object", "other": "assault by other means"}
"""What the admissions of each mechanism are for, as the report words it."""
POPULATION_AGE_BANDS = ("0-9", "10-17", "18-24", "25+")


@dataclass(frozen=True)
class Column:
    """One column of the contract.

    ``required``: the header must have it (unless the source declares the field absent).
    ``nullable``: a blank cell is allowed. ``field``: the optional-field name a partial
    source may declare absent (see ``DataSource.fields_absent``).
    """

    name: str
    kind: Kind
    expected: str
    required: bool = True
    nullable: bool = False
    values: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    field: str | None = None


@dataclass(frozen=True)
class Table:
    """One table of the contract and the columns whose combination must be unique."""

    name: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _choice(values: tuple[str, ...], blank_ok: bool = False) -> str:
    listed = ", ".join(values)
    return f"one of: {listed}" + (" (or blank)" if blank_ok else "")


OFFENCES = Table(
    "offences",
    (
        Column("offence_id", "id", "a unique offence reference (not blank)"),
        Column(
            "occurred_at",
            "datetime",
            "an ISO date and time: YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or YYYY-MM-DDTHH:MM:SS"
            " (YYYY-MM only when report.yaml's source block lists offences.time_of_day as absent)",
        ),
        Column("district", "district", "a district listed under authorities in report.yaml"),
        Column("offence_group", "text", "the Home Office offence group (not blank)"),
        Column("offence_type", "text", "the detailed offence classification (not blank)"),
        Column(
            "knife_enabled",
            "bool",
            "true or false (also accepted: 1/0, yes/no)",
            field="offences.knife_enabled",
        ),
        Column(
            "sexual_category",
            "enum",
            _choice(SEXUAL_CATEGORIES, blank_ok=True),
            nullable=True,
            values=SEXUAL_CATEGORIES,
            field="offences.sexual_category",
        ),
    ),
    unique=("offence_id",),
)

PEOPLE = Table(
    "people",
    (
        Column("offence_id", "id", "the offence_id of an offence in the offences table"),
        Column("person_id", "id", "a pseudonymised person reference (not blank)"),
        Column("role", "enum", _choice(ROLES), values=ROLES),
        Column(
            "age",
            "int",
            "an age in whole years from 0 to 120 (or blank when unknown)",
            nullable=True,
            minimum=0,
            maximum=120,
            field="people.age",
        ),
        Column("sex", "enum", _choice(SEXES), values=SEXES, field="people.sex"),
        Column("ethnicity", "text", "any text (or blank when not recorded)", required=False, nullable=True),
    ),
)

HOSPITAL_ADMISSIONS = Table(
    "hospital_admissions",
    (
        Column("month", "month", "a month as YYYY-MM"),
        Column("age_band", "enum", _choice(ADMISSION_AGE_BANDS), values=ADMISSION_AGE_BANDS),
        Column("mechanism", "enum", _choice(MECHANISMS), values=MECHANISMS),
        Column("admissions", "int", "a whole number, 0 or more", minimum=0),
        Column(
            "district",
            "district",
            "a district listed under authorities in report.yaml (or blank in every row)",
            required=False,
            nullable=True,
            field="hospital_admissions.district",
        ),
    ),
    unique=("month", "age_band", "mechanism", "district"),
)

POPULATION = Table(
    "population",
    (
        Column("district", "district", "a district listed under authorities in report.yaml"),
        Column("age_band", "enum", _choice(POPULATION_AGE_BANDS), values=POPULATION_AGE_BANDS),
        Column("year", "int", "a year such as 2021", minimum=1800, maximum=2200),
        Column("population", "int", "a whole number, 0 or more", minimum=0),
    ),
    unique=("district", "age_band", "year"),
)

UNIT_COSTS = Table(
    "unit_costs",
    (
        Column("offence_group", "text", "an offence group (not blank)"),
        Column("unit_cost_gbp", "float", "a cost in pounds as a plain number, 0 or more", minimum=0),
        Column("price_year", "text", "a price year such as 2024/25"),
        Column("source", "text", "where the cost comes from (may be blank)", nullable=True),
    ),
    unique=("offence_group", "price_year"),
)

HARM_WEIGHTS = Table(
    "harm_weights",
    (
        Column("offence_type", "text", "an offence type (not blank)"),
        Column("harm_weight", "float", "a harm weight as a plain number, 0 or more", minimum=0),
        Column("source", "text", "where the weight comes from (may be blank)", nullable=True),
    ),
    unique=("offence_type",),
)

CONTRACT: dict[str, Table] = {
    t.name: t for t in (OFFENCES, PEOPLE, HOSPITAL_ADMISSIONS, POPULATION, UNIT_COSTS, HARM_WEIGHTS)
}

# Fields a full source provides beyond its tables (hospital_admissions.district only when filled);
# the list is the one report.yaml's `source.fields_absent` accepts.
OPTIONAL_FIELDS: tuple[str, ...] = get_args(OptionalField)
