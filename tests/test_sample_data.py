"""sample_data/generate.py → the committed sample tables: reproducible, and holding the published figures."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from sample_generator import SAMPLE, load_generator

TABLES = ("offences.parquet", "people.parquet", "hospital_admissions.csv", "population.csv",
          "unit_costs.csv", "harm_weights.csv")


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    load_generator().main(["--out", str(out)])
    return out


def _read(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)


@pytest.mark.parametrize("name", TABLES)
def test_generator_reproduces_the_committed_tables(regenerated: Path, name: str) -> None:
    pd.testing.assert_frame_equal(_read(regenerated / name), _read(SAMPLE / name))


def test_generating_twice_gives_identical_bytes(regenerated: Path, tmp_path: Path) -> None:
    load_generator().main(["--out", str(tmp_path)])
    for name in TABLES:
        first = hashlib.sha256((regenerated / name).read_bytes()).hexdigest()
        second = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        assert first == second, name


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    offences = pd.read_parquet(SAMPLE / "offences.parquet")
    people = pd.read_parquet(SAMPLE / "people.parquet")
    return {"offences": offences, "people": people,
            "admissions": pd.read_csv(SAMPLE / "hospital_admissions.csv"),
            "population": pd.read_csv(SAMPLE / "population.csv")}


def _between(frame: pd.DataFrame, start: str, end: str, column: str = "occurred_at") -> pd.DataFrame:
    day = frame[column].dt.normalize()
    return frame[(day >= start) & (day <= end)]


def _involving(offences: pd.DataFrame, people: pd.DataFrame, low: int, high: int) -> int:
    ids = people.loc[people["age"].between(low, high), "offence_id"]
    return int(offences["offence_id"].isin(ids).sum())


def test_knife_enabled_cohort_counts(tables) -> None:
    knife = tables["offences"][tables["offences"]["knife_enabled"]]
    previous = _between(knife, "2023-04-01", "2024-03-31")
    current = _between(knife, "2024-04-01", "2025-03-31")
    people = tables["people"]
    assert (_involving(previous, people, 0, 17), _involving(current, people, 0, 17)) == (384, 296)
    assert (_involving(previous, people, 18, 25), _involving(current, people, 18, 25)) == (420, 401)


def test_two_year_falls_behind_the_published_savings(tables) -> None:
    baseline = _between(tables["offences"], "2022-04-01", "2023-03-31")["offence_group"].value_counts()
    current = _between(tables["offences"], "2024-04-01", "2025-03-31")["offence_group"].value_counts()
    assert baseline["Violence with injury"] - current["Violence with injury"] == 217
    assert baseline["Robbery of personal property"] - current["Robbery of personal property"] == 107


def test_sharp_object_admissions_in_the_rolling_windows(tables) -> None:
    admissions = tables["admissions"].assign(month=lambda f: pd.to_datetime(f["month"] + "-01"))
    sharp = admissions[admissions["mechanism"] == "sharp object"]
    previous = _between(sharp, "2023-10-01", "2024-09-30", "month")
    current = _between(sharp, "2024-10-01", "2025-09-30", "month")
    assert (previous["admissions"].sum(), current["admissions"].sum()) == (106, 67)
    assert (previous.loc[previous["age_band"] == "0-24", "admissions"].sum(),
            current.loc[current["age_band"] == "0-24", "admissions"].sum()) == (24, 20)


def test_tonbridge_and_malling_under_25_volume(tables) -> None:
    offences = tables["offences"][tables["offences"]["district"] == "Tonbridge and Malling"]
    people = tables["people"]
    previous = _involving(_between(offences, "2023-10-01", "2024-09-30"), people, 0, 24)
    current = _involving(_between(offences, "2024-10-01", "2025-09-30"), people, 0, 24)
    assert (previous, current) == (251, 278)


def test_population_totals(tables) -> None:
    population = tables["population"].groupby("year")["population"].sum()
    assert population[2021] == 1_855_800
    assert population[2021] - population[2011] == 128_200


def test_person_ids_repeat_across_offences(tables) -> None:
    per_person = tables["people"].groupby("person_id")["offence_id"].nunique()
    assert (per_person >= 2).any()
