"""Period coverage and whole-year ages: a named period the data do not cover is refused (or, when report.yaml
allows partial periods, uses the months present and says which are missing); an age of 17.5 is refused."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from calc_fixtures import config
from tiny_dataset import copy_tiny, edit_config, read_rows, set_cell, write_rows

import snareport
from snareport import DataError, load_dataset
from snareport.config import Period
from snareport.loading.coverage import months_present, period_gaps, period_months

SAMPLE = Path(__file__).parent.parent / "sample_data"
D = dt.date


def test_period_months_are_every_calendar_month_touched():
    p = Period(start=D(2024, 10, 1), end=D(2025, 3, 31))
    assert period_months(p) == [D(2024, 10, 1), D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1), D(2025, 2, 1),
                                D(2025, 3, 1)]


def test_a_table_covers_the_months_from_its_first_row_to_its_last():
    dates = pd.Series(pd.to_datetime(["2024-11-30 23:59", "2024-09-01 00:00", None, "2025-01-15 12:00"]))
    assert months_present(dates) == {D(2024, 9, 1), D(2024, 10, 1), D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1)}
    assert months_present(pd.Series(pd.to_datetime([]))) == set()


def test_gaps_name_the_table_period_and_missing_months():
    cfg = config()   # financial years 2022/23–2024/25; windows W1–W3 end September 2025
    offences = {D(y, m, 1) for y in range(2022, 2026) for m in range(1, 13) if D(2022, 4, 1) <= D(y, m, 1) <= D(2025, 6, 1)}
    admissions = {D(y, m, 1) for y in range(2023, 2026) for m in range(1, 13) if D(2023, 10, 1) <= D(y, m, 1) <= D(2025, 6, 1)}
    gaps = period_gaps(cfg, {"offences": offences, "hospital_admissions": admissions})
    assert [(g.table, g.period, g.missing, g.present) for g in gaps] == [
        ("offences", "current_window", (D(2025, 7, 1), D(2025, 8, 1), D(2025, 9, 1)), 9),
        ("hospital_admissions", "current_window", (D(2025, 7, 1), D(2025, 8, 1), D(2025, 9, 1)), 9),
    ]


def test_gap_is_a_data_error_naming_period_table_and_months(tmp_path: Path):
    folder = copy_tiny(tmp_path / "data")
    edit_config(folder, allow_partial_periods=False)
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    found = {(p.file, p.column, p.found) for p in caught.value.problems}
    assert found == {
        ("offences.csv", "occurred_at", "period baseline_year (2022/23) has no rows for April 2022"),
        ("offences.csv", "occurred_at", "period current_window (year ending September 2025) has no rows for September 2025"),
    }


def test_partial_admissions_average_over_the_months_present(tmp_path: Path):
    folder = copy_tiny(tmp_path / "data")
    rows = read_rows(folder, "hospital_admissions")
    kept = rows[:1] + [r for r in rows[1:] if r[0] < "2025-01"]      # current window: Oct and Nov 2024 only
    write_rows(folder, "hospital_admissions", kept)
    ds = load_dataset(folder)
    gap = ds.gap("hospital_admissions", "current_window")
    assert gap.present == 2 and gap.missing[0] == D(2024, 12, 1) and gap.missing[-1] == D(2025, 9, 1)
    sharp_now = sum(int(r[3]) for r in kept[1:] if r[2] == "sharp object" and r[0] >= "2024-10")
    from snareport.calculators import achievements
    from snareport.calculators.prepare import prepare
    from snareport.scope import Scope

    section = achievements.calculate(prepare(ds), Scope())
    by = {a.key: a.change for a in section.admissions}
    assert by["all_ages"].current == pytest.approx(sharp_now / 2)
    assert any("December 2024; January, February, March, April, May, June, July, August and September 2025" in n
               and "2 months present" in n for n in section.notes)
    report = snareport.build_report(ds)
    partial = [p for p in report.data.partial_periods if p.table == "hospital_admissions"]
    assert [(p.period, p.months_present, p.months) for p in partial] == [("current_window", 2, 12)]


def test_fractional_age_is_refused(tmp_path: Path):
    folder = copy_tiny(tmp_path / "data")
    set_cell(folder, "people", 3, "age", "17.5")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    [p] = caught.value.problems
    assert (p.file, p.row, p.column) == ("people.csv", 3, "age") and "17.5" in p.found
    assert "whole years" in p.expected


def test_whole_ages_stay_nullable():
    ds = load_dataset(Path(__file__).parent / "fixtures" / "tiny")
    assert str(ds.people["age"].dtype) == "Float64" and ds.people["age"].isna().any()


# --- the sample data with the last three months of admissions and offences cut (normal NHS lag) ----------

def _sample_cut(tmp_path: Path, **config) -> Path:
    if not (SAMPLE / "offences.parquet").exists():
        pytest.skip("the sample dataset has not been generated")
    folder = tmp_path / "cut"
    shutil.copytree(SAMPLE, folder)
    offences = pd.read_parquet(folder / "offences.parquet")
    offences = offences[pd.to_datetime(offences["occurred_at"]) < "2025-07-01"]
    offences.to_parquet(folder / "offences.parquet")
    people = pd.read_parquet(folder / "people.parquet")
    people[people["offence_id"].isin(offences["offence_id"])].to_parquet(folder / "people.parquet")
    admissions = pd.read_csv(folder / "hospital_admissions.csv", dtype=str, keep_default_na=False)
    admissions[admissions["month"] < "2025-07"].to_csv(folder / "hospital_admissions.csv", index=False)
    if config:
        edit_config(folder, **config)
    return folder


def test_sample_missing_its_last_three_months_is_refused(tmp_path: Path):
    with pytest.raises(DataError) as caught:
        load_dataset(_sample_cut(tmp_path))
    found = sorted((p.file, p.found) for p in caught.value.problems)
    months = "July, August and September 2025"
    assert found == [
        ("hospital_admissions.csv", f"period current_window (year ending September 2025) has no rows for {months}"),
        ("offences.parquet", f"period current_window (year ending September 2025) has no rows for {months}"),
    ]


def test_sample_with_partial_periods_allowed_prints_the_gap_and_averages_over_nine_months(tmp_path: Path):
    folder = _sample_cut(tmp_path, allow_partial_periods=True)
    admissions = pd.read_csv(folder / "hospital_admissions.csv")
    sharp = admissions[admissions["mechanism"] == "sharp object"]
    current = sharp[(sharp["month"] >= "2024-10") & (sharp["month"] <= "2025-09")]["admissions"].sum()
    report = snareport.build_report(load_dataset(folder))
    by = {a.key: a.change for a in report.achievements.admissions}
    assert by["all_ages"].previous == pytest.approx(8.83, abs=0.005)          # the full window is unchanged
    assert by["all_ages"].current == pytest.approx(current / 9)               # nine months present, not twelve
    assert {(p.table, p.period, p.months_present) for p in report.data.partial_periods} == {
        ("offences", "current_window", 9), ("hospital_admissions", "current_window", 9)}
    from pdf_support import page_texts

    from snareport.render import render_bytes

    text = " ".join(" ".join(page_texts(render_bytes(report, tagged=False))).split())
    assert "no rows for July, August and September 2025 in the year ending September 2025" in text
