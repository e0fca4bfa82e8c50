"""Tiny hand-built Datasets for the calculator tests (numbers a person can check by hand)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from snareport.config import ReportConfig
from snareport.dataset import Dataset

FULL = frozenset({"offences", "people", "hospital_admissions", "population", "unit_costs", "harm_weights",
                  "offences.time_of_day", "offences.knife_enabled", "offences.sexual_category",
                  "people.age", "people.sex", "hospital_admissions.district"})


def config(**overrides) -> ReportConfig:
    """Two authorities: North (districts A, B) and Solo (district C); financial years 2022–2025."""
    raw = {
        "area": "Testshire",
        "partnership": "Testshire Partnership",
        "edition": "2025/26",
        "publication_date": "2025-11-28",
        "audience": "partners",
        "authorities": [
            {"name": "North Council", "short_name": "North", "districts": ["A", "B"]},
            {"name": "Solo Council", "short_name": "Solo", "districts": ["C"]},
        ],
        "periods": {
            "baseline_year": {"label": "2022/23", "start": "2022-04-01", "end": "2023-03-31"},
            "previous_year": {"label": "2023/24", "start": "2023-04-01", "end": "2024-03-31"},
            "current_year": {"label": "2024/25", "start": "2024-04-01", "end": "2025-03-31"},
            "earliest_window": {"start": "2022-10-01", "end": "2023-09-30"},
            "previous_window": {"start": "2023-10-01", "end": "2024-09-30"},
            "current_window": {"start": "2024-10-01", "end": "2025-09-30"},
        },
        "comparisons": {
            "year_on_year": ["previous_year", "current_year"],
            "two_year": ["baseline_year", "current_year"],
            "rolling": ["previous_window", "current_window"],
            "three_year": ["earliest_window", "previous_window", "current_window"],
            "three_financial_years": ["baseline_year", "previous_year", "current_year"],
        },
        "cohorts": {
            "under_18": {"label": "under 18s", "min_age": 0, "max_age": 17},
            "age_18_25": {"label": "ages 18–25", "min_age": 18, "max_age": 25},
            "under_25": {"label": "under 25s", "min_age": 0, "max_age": 24},
        },
        "age_bands": [
            {"label": "under 10", "min_age": 0, "max_age": 9},
            {"label": "10–17", "min_age": 10, "max_age": 17},
            {"label": "18–24", "min_age": 18, "max_age": 24},
            {"label": "25+", "min_age": 25, "max_age": None},
        ],
        "suspect_age_bands": [
            {"label": "under 13", "min_age": 0, "max_age": 12},
            {"label": "13–17", "min_age": 13, "max_age": 17},
            {"label": "18–24", "min_age": 18, "max_age": 24},
            {"label": "25+", "min_age": 25, "max_age": None},
        ],
        "census_years": [2011, 2021],
        "population_year": 2021,
        "high_harm_top_share": 0.25,
        "costs": {"savings_price_year": "2024/25", "minimum_price_year": "2015/16"},
    }
    raw.update(overrides)
    return ReportConfig.model_validate(raw)


def offences(rows: list[tuple]) -> pd.DataFrame:
    """rows: (offence_id, 'YYYY-MM-DD HH:MM', district, offence_group, offence_type, knife, sexual_category)."""
    frame = pd.DataFrame(rows, columns=["offence_id", "occurred_at", "district", "offence_group",
                                        "offence_type", "knife_enabled", "sexual_category"])
    frame["occurred_at"] = pd.to_datetime(frame["occurred_at"])
    frame["district"] = frame["district"].astype("category")
    frame["knife_enabled"] = frame["knife_enabled"].astype(bool)
    frame["sexual_category"] = frame["sexual_category"].astype("object").where(frame["sexual_category"].notna(), None)
    return frame


def people(rows: list[tuple]) -> pd.DataFrame:
    """rows: (offence_id, person_id, role, age or None, sex)."""
    frame = pd.DataFrame(rows, columns=["offence_id", "person_id", "role", "age", "sex"])
    frame["age"] = frame["age"].astype("Float64")
    frame["ethnicity"] = pd.NA
    return frame


def admissions(rows: list[tuple]) -> pd.DataFrame:
    """rows: ('YYYY-MM', age_band, mechanism, admissions, district or None)."""
    frame = pd.DataFrame(rows, columns=["month", "age_band", "mechanism", "admissions", "district"])
    frame["month"] = pd.to_datetime(frame["month"] + "-01")
    return frame


def population(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["district", "age_band", "year", "population"])


def unit_costs(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["offence_group", "unit_cost_gbp", "price_year", "source"])


def harm_weights(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["offence_type", "harm_weight", "source"])


def dataset(off: pd.DataFrame, ppl: pd.DataFrame | None = None, *, cfg: ReportConfig | None = None,
            available: frozenset[str] = FULL, **tables) -> Dataset:
    return Dataset(config=cfg or config(), content=None, offences=off, people=ppl, available=available,
                   source_name="test", **tables)


def ts(date: str) -> dt.date:
    return dt.date.fromisoformat(date)
