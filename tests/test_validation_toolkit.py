"""Validation an analyst can act on: "did you mean", one line for a column that fails on every row, every
report.yaml problem in one pass, and `validate --problems` with the full, uncapped list."""
from __future__ import annotations

import csv

import pytest
from tiny_dataset import config_data, copy_tiny, read_rows, set_cell, write_rows

from snareport import load_dataset
from snareport.cli import main
from snareport.errors import DataError


def _problems(folder):
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return caught.value


def test_a_misspelt_district_gets_a_suggestion(tmp_path):
    data = copy_tiny(tmp_path / "d")
    set_cell(data, "offences", 3, "district", "Westmor")
    set_cell(data, "people", 2, "sex", "femail")
    found = {(p.file, p.row, p.column): p.found for p in _problems(data).problems}
    assert found[("offences.csv", 3, "district")] == "'Westmor' (did you mean 'Westmoor'?)"
    assert found[("people.csv", 2, "sex")] == "'femail' (did you mean 'female'?)"


def test_a_value_nothing_like_an_allowed_one_gets_no_suggestion(tmp_path):
    data = copy_tiny(tmp_path / "d")
    set_cell(data, "offences", 3, "district", "Zzyzx")
    problem = next(p for p in _problems(data).problems if p.column == "district")
    assert problem.found == "'Zzyzx'"


def test_a_day_first_date_column_is_one_line(tmp_path):
    data = copy_tiny(tmp_path / "d")
    rows = read_rows(data, "offences")
    for row in rows[1:]:
        y, m, rest = row[1].split("-", 2)
        d, time = rest.split(" ", 1) if " " in rest else (rest, "")
        row[1] = f"{d}/{m}/{y} {time}".strip()
    write_rows(data, "offences", rows)
    error = _problems(data)
    lines = [p for p in error.problems if p.column == "occurred_at" and p.file == "offences.csv"]
    assert all(p.row is None for p in lines), "no line per row"
    lines = [p for p in lines if p.found.startswith("every row")]
    assert len(lines) == 1
    assert lines[0].row is None and lines[0].found == f"every row is day-first ({rows[1][1].split()[0]} {rows[1][1].split()[1]})"
    assert "YYYY-MM-DD" in lines[0].expected
    assert len([p for p in error.every if p.column == "occurred_at" and p.row is not None]) == len(rows) - 1


def test_a_misspelt_key_does_not_stop_the_other_checks(tmp_path):
    data = copy_tiny(tmp_path / "d")
    config = config_data(data)
    config["themee"] = config.pop("theme")
    (data / "report.yaml").write_text(__import__("yaml").safe_dump(config), encoding="utf-8")
    set_cell(data, "offences", 4, "district", "Eastbey")
    error = _problems(data)
    key = next(p for p in error.problems if p.column == "themee")
    assert key.file == "report.yaml" and "did you mean 'theme'?" in key.expected
    assert any(p.file == "offences.csv" and p.row == 4 and "did you mean 'Eastbay'" in p.found for p in error.problems)


def test_a_misspelt_nested_key_lists_the_keys_allowed_there(tmp_path):
    data = copy_tiny(tmp_path / "d")
    config = config_data(data)
    config["periods"]["current_year"]["lable"] = config["periods"]["current_year"].pop("label")
    (data / "report.yaml").write_text(__import__("yaml").safe_dump(config), encoding="utf-8")
    problems = [p for p in _problems(data).problems if p.file == "report.yaml"]
    assert any("lable" in (p.column or "") and "did you mean 'label'?" in p.expected and "(end, label, start)"
               in p.expected for p in problems), problems


def test_validate_problems_csv_has_every_row(tmp_path, capsys):
    data = copy_tiny(tmp_path / "d")
    rows = read_rows(data, "people")
    extra = [[f"O00{1 + i % 9}", f"PX{i:02d}", "victim", "30", "mal", ""] for i in range(25)]
    write_rows(data, "people", rows + extra)
    out = tmp_path / "problems.csv"
    assert main(["validate", str(data), "--problems", str(out)]) == 1
    err = capsys.readouterr().err
    assert "… and 5 more rows" in err
    with open(out, newline="", encoding="utf-8-sig") as handle:
        listed = list(csv.DictReader(handle))
    sex = [r for r in listed if r["column"] == "sex"]
    assert len(sex) == 25 and {r["found"] for r in sex} == {"'mal' (did you mean 'male'?)"}
    assert sorted(int(r["row"]) for r in sex) == list(range(len(rows) + 1, len(rows) + 26))


def test_validate_problems_csv_of_a_clean_folder_is_just_the_header(tmp_path):
    data = copy_tiny(tmp_path / "d")
    out = tmp_path / "problems.csv"
    assert main(["validate", str(data), "--problems", str(out), "-q"]) == 0
    assert out.read_text(encoding="utf-8-sig") == "file,row,column,found,expected\n"


def test_unknown_district_on_the_command_line_gets_a_suggestion(tmp_path, capsys):
    data = copy_tiny(tmp_path / "d")
    assert main(["build", str(data), "--district", "westmor", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "did you mean 'Westmoor'?" in capsys.readouterr().err
