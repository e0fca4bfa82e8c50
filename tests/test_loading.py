"""Loading the tiny dataset: known answers, one result whatever the file format, partial sources."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from tiny_dataset import TINY, copy_tiny, edit_config, read_rows, set_cell, write_rows

from snareport import DataError, load_dataset
from snareport.dataset import TABLES


@pytest.fixture(scope="module")
def tiny():
    return load_dataset(TINY)


def test_tiny_tables_have_known_sizes_and_sums(tiny):
    assert len(tiny.offences) == 20
    assert len(tiny.people) == 37
    assert int(tiny.offences["knife_enabled"].sum()) == 9
    assert int(tiny.hospital_admissions["admissions"].sum()) == 67
    population_2021 = tiny.population[tiny.population["year"] == 2021]
    assert int(population_2021["population"].sum()) == 220_000
    assert int(tiny.people["age"].isna().sum()) == 2
    assert tiny.offences["sexual_category"].value_counts().to_dict() == {"rape": 2, "contact": 2, "non-contact": 1}


def test_tiny_columns_are_typed_as_documented(tiny):
    offences, people = tiny.offences, tiny.people
    assert offences["occurred_at"].dtype == "datetime64[ns]"
    assert offences.loc[2, "occurred_at"] == pd.Timestamp("2023-02-18 23:10")   # O003, the third row
    # ids as integer codes: an offence's row number, and people point at that row
    assert offences["offence_id"].tolist() == list(range(20))
    assert people["offence_id"].dtype == "int64" and people["person_id"].dtype == "int64"
    raw_people = pd.read_csv(TINY / "people.csv", dtype=str)
    raw_ids = pd.read_csv(TINY / "offences.csv", dtype=str)["offence_id"].tolist()
    assert people["offence_id"].tolist() == [raw_ids.index(i) for i in raw_people["offence_id"]]
    assert people["person_id"].nunique() == raw_people["person_id"].nunique()
    assert (people.groupby("person_id")["offence_id"].nunique().sort_values().tolist()
            == raw_people.groupby("person_id")["offence_id"].nunique().sort_values().tolist())
    # low-cardinality text as categoricals of the distinct values, sorted
    for frame, column in ((offences, "offence_group"), (offences, "offence_type"), (people, "role"), (people, "sex")):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
        assert list(frame[column].cat.categories) == sorted(set(frame[column].dropna())), column
    assert offences["knife_enabled"].dtype == bool
    assert list(offences["district"].cat.categories) == ["Northdown", "Eastbay", "Westmoor"]
    assert str(people["age"].dtype) == "Float64"
    assert set(people["role"]) == {"victim", "suspect"}
    assert tiny.hospital_admissions["month"].min() == pd.Timestamp("2023-10-01")
    assert tiny.hospital_admissions["admissions"].dtype == "int64"
    costs = tiny.unit_costs.set_index(["offence_group", "price_year"])["unit_cost_gbp"]
    assert costs[("Violence with injury", "2024/25")] == 18900.5
    assert tiny.harm_weights["harm_weight"].dtype == "float64"
    assert list(offences.index) == list(range(20))


def test_full_contract_makes_everything_available_except_unfilled_admission_districts(tiny):
    expected = set(TABLES) | {
        "offences.time_of_day",
        "offences.knife_enabled",
        "offences.sexual_category",
        "people.age",
        "people.sex",
    }
    assert tiny.available == expected
    assert tiny.source_name == "" and tiny.data_quality == []
    assert tiny.config.area == "Tiny Shire"
    assert tiny.content is not None and set(tiny.district_content) <= {"Northdown", "Eastbay", "Westmoor"}


def test_filled_admission_district_column_is_available(tmp_path):
    folder = copy_tiny(tmp_path / "d")
    rows = read_rows(folder, "hospital_admissions")
    districts = ["Northdown", "Eastbay", "Westmoor"]
    write_rows(folder, "hospital_admissions",
               [rows[0] + ["district"]] + [r + [districts[i % 3]] for i, r in enumerate(rows[1:])])
    assert "hospital_admissions.district" in load_dataset(folder).available


def test_values_are_matched_ignoring_case_and_spacing(tmp_path):
    folder = copy_tiny(tmp_path / "d")
    set_cell(folder, "offences", 2, "district", " northdown ")
    set_cell(folder, "offences", 2, "knife_enabled", "YES")
    set_cell(folder, "people", 2, "sex", "Male")
    set_cell(folder, "hospital_admissions", 2, "age_band", "0–24")
    ds = load_dataset(folder)
    assert ds.offences.loc[0, "district"] == "Northdown"
    assert bool(ds.offences.loc[0, "knife_enabled"]) is True
    assert ds.people.loc[0, "sex"] == "male"
    assert ds.hospital_admissions.loc[0, "age_band"] == "0-24"


def test_bom_crlf_and_blank_lines_are_read(tmp_path):
    folder = copy_tiny(tmp_path / "d")
    text = (folder / "offences.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    (folder / "offences.csv").write_bytes(("\ufeff" + "\r\n".join(lines[:5] + [""] + lines[5:]) + "\r\n").encode())
    ds = load_dataset(folder)
    assert len(ds.offences) == 20
    first = lines[1].split(",")
    assert first[0] == "O001" and ds.offences["occurred_at"].iloc[0] == pd.Timestamp(first[1])


def _as_parquet(folder: Path) -> None:
    for name in TABLES:
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        (folder / f"{name}.csv").unlink()


def _as_workbook(folder: Path) -> None:
    with pd.ExcelWriter(folder / "tables.xlsx") as writer:
        for name in TABLES:
            frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
            frame.to_excel(writer, sheet_name=name, index=False)
            (folder / f"{name}.csv").unlink()


def _typed_parquet(folder: Path) -> None:
    """Parquet with real column types, as a pipeline would write it."""
    ds = load_dataset(TINY)
    for name in TABLES:
        frame = getattr(ds, name).copy()
        if name == "offences":
            frame["district"] = frame["district"].astype(str)
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        (folder / f"{name}.csv").unlink()


@pytest.mark.parametrize("convert", [_as_parquet, _as_workbook, _typed_parquet], ids=["parquet", "xlsx", "typed"])
def test_same_data_loads_the_same_from_every_format(tmp_path, tiny, convert):
    folder = copy_tiny(tmp_path / "d")
    convert(folder)
    other = load_dataset(folder)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(other, name), getattr(tiny, name), check_dtype=True)
    assert other.available == tiny.available


def test_sheets_read_at_once_report_their_problems_in_the_tables_order(tmp_path, monkeypatch):
    """The workbook's sheets are parsed in threads, together (calamine leaves Python's lock free), yet what
    they hold and what is wrong with them reads as if one after another: in the tables' order."""
    import threading
    import zipfile

    from snareport.loading import files

    folder = copy_tiny(tmp_path / "d")
    _as_workbook(folder)
    parsed_in: set[str] = set()
    real_parse = files._parse_sheet

    def parse(path, name):
        parsed_in.add(threading.current_thread().name)
        return real_parse(path, name)

    monkeypatch.setattr(files, "_parse_sheet", parse)
    whole = load_dataset(folder)
    assert all(name != threading.main_thread().name for name in parsed_in) and parsed_in
    assert len(whole.offences) == 20
    broken = copy_tiny(tmp_path / "broken")
    _as_workbook(broken)
    with zipfile.ZipFile(folder / "tables.xlsx") as source, zipfile.ZipFile(broken / "tables.xlsx", "w") as target:
        for name in source.namelist():   # the first two sheets (offences, people) cut short
            body = source.read(name)
            target.writestr(name, body[:300] if name in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")
                            else body)
    with pytest.raises(DataError) as err:
        load_dataset(broken)
    message = str(err.value)
    assert message.index("(sheet offences)") < message.index("(sheet people)")
    assert message.count("a sheet that cannot be read") == 2


def test_typed_workbook_cells_load_like_text(tmp_path, tiny):
    """Dates, numbers and booleans stored as real Excel values read the same as their CSV text."""
    folder = copy_tiny(tmp_path / "d")
    with pd.ExcelWriter(folder / "tables.xlsx") as writer:
        frame = tiny.offences.astype({c: object for c in ("district", "offence_group", "offence_type",
                                                          "sexual_category")})
        frame["offence_id"] = pd.read_csv(folder / "offences.csv", dtype=str)["offence_id"]  # the ids as written
        frame.to_excel(writer, sheet_name="offences", index=False)
    (folder / "offences.csv").unlink()
    pd.testing.assert_frame_equal(load_dataset(folder).offences, tiny.offences)


def _partial(folder: Path, tables: list[str] | None, absent: list[str]) -> None:
    edit_config(folder, source={"name": "police.uk", "tables": tables, "fields_absent": absent,
                                "data_quality": ["Locations are approximate."]})


def test_partial_source_skips_absent_tables_and_fields(tmp_path):
    folder = copy_tiny(tmp_path / "d")
    for name in ("people", "hospital_admissions", "unit_costs"):
        (folder / f"{name}.csv").unlink()
    rows = read_rows(folder, "offences")
    keep = [i for i, h in enumerate(rows[0]) if h not in ("knife_enabled", "sexual_category")]
    write_rows(folder, "offences", [[r[i] for i in keep] for r in rows])
    _partial(folder, ["offences", "population", "harm_weights"],
             ["offences.time_of_day", "offences.knife_enabled", "offences.sexual_category"])
    ds = load_dataset(folder)
    assert ds.people is None and ds.hospital_admissions is None and ds.unit_costs is None
    assert ds.available == {"offences", "population", "harm_weights"}
    assert ds.source_name == "police.uk"
    assert ds.data_quality == ["Locations are approximate."]
    assert ds.offences["knife_enabled"].isna().all()
    assert ds.offences["sexual_category"].isna().all()


def test_month_precision_dates_load_as_first_of_month_when_time_of_day_is_absent(tmp_path):
    folder = copy_tiny(tmp_path / "d")
    rows = read_rows(folder, "offences")
    at = rows[0].index("occurred_at")
    for row in rows[1:]:
        row[at] = row[at][:7]
    write_rows(folder, "offences", rows)
    _partial(folder, None, ["offences.time_of_day"])
    ds = load_dataset(folder)
    assert ds.offences.loc[0, "occurred_at"] == pd.Timestamp("2022-05-01")
    assert "offences.time_of_day" not in ds.available
    assert "offences.knife_enabled" in ds.available


def test_month_precision_dates_are_refused_for_a_full_source(tmp_path):
    folder = copy_tiny(tmp_path / "d")
    set_cell(folder, "offences", 4, "occurred_at", "2023-02")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    [problem] = caught.value.problems
    assert (problem.file, problem.row, problem.column) == ("offences.csv", 4, "occurred_at")
    assert "offences.time_of_day" in problem.expected


def test_publication_date_comes_from_report_yaml(tiny):
    assert tiny.config.publication_date == dt.date(2025, 11, 28)


def test_dictionary_columns_load_like_plain_text(tmp_path, tiny):
    """Text stored in Parquet as dictionaries (pandas categoricals) loads as from CSV: the coded columns as
    categoricals of the values present, sorted; any other table's text as plain text."""
    folder = copy_tiny(tmp_path / "d")
    for name in ("offences", "people", "harm_weights"):
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        text = [c for c in frame.columns if c not in ("offence_id", "person_id", "occurred_at", "age", "harm_weight")]
        frame.astype({c: "category" for c in text}).to_parquet(folder / f"{name}.parquet", index=False)
        (folder / f"{name}.csv").unlink()
    other = load_dataset(folder)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(other, name), getattr(tiny, name), check_dtype=True)
    assert other.harm_weights["offence_type"].dtype == tiny.harm_weights["offence_type"].dtype == "str"
    assert list(other.people["role"].cat.categories) == ["suspect", "victim"]
