"""Every kind of input fault is reported with its file, spreadsheet row and column — all of them at once."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from tiny_dataset import config_data, copy_tiny, drop_column, edit_config, read_rows, set_cell, write_rows

from snareport import DataError, load_dataset
from snareport.errors import Problem


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_tiny(tmp_path / "data")


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return caught.value.problems


def only(problems: list[Problem], file: str, column: str | None) -> list[Problem]:
    return [p for p in problems if p.file == file and p.column == column]


def test_missing_file(folder):
    (folder / "population.csv").unlink()
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("population.csv", None, None)
    assert "no such file" in p.found and "population.parquet" in p.expected


def test_missing_report_yaml(folder):
    (folder / "report.yaml").unlink()
    [p] = problems_of(folder)
    assert p.file == "report.yaml" and "no such file" in p.found


def test_missing_column_does_not_hide_row_problems(folder):
    """The acceptance scenario: a bad date, an unknown district and a dropped column, all named."""
    set_cell(folder, "offences", 8, "occurred_at", "2024-13-45 25:00")
    set_cell(folder, "offences", 11, "district", "Atlantis")
    drop_column(folder, "offences", "knife_enabled")
    problems = problems_of(folder)
    where = {(p.file, p.row, p.column) for p in problems}
    assert where == {
        ("offences.csv", 1, "knife_enabled"),
        ("offences.csv", 8, "occurred_at"),
        ("offences.csv", 11, "district"),
    }
    message = str(DataError(problems))
    assert "offences.csv:8:occurred_at" in message and "'2024-13-45 25:00'" in message
    assert "offences.csv:11:district" in message and "'Atlantis'" in message
    assert "offences.csv:1:knife_enabled" in message


def test_renamed_column_is_pointed_out(folder):
    rows = read_rows(folder, "people")
    rows[0][rows[0].index("person_id")] = "Person ID"
    write_rows(folder, "people", rows)
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("people.csv", 1, "person_id")
    assert "'Person ID'" in p.found


def test_wrong_type(folder):
    set_cell(folder, "people", 5, "age", "twelve")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("people.csv", 5, "age")
    assert p.found == "'twelve'"


def test_out_of_range_age(folder):
    set_cell(folder, "people", 6, "age", "1e400")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("people.csv", 6, "age")


@pytest.mark.parametrize("text", ["2024-13-45 25:00", "14/05/2022 21:30", "05/14/2022", "2022-05-14 21:30+01:00",
                                  "yesterday"])
def test_unparseable_or_ambiguous_date(folder, text):
    set_cell(folder, "offences", 3, "occurred_at", text)
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("offences.csv", 3, "occurred_at")
    assert "YYYY-MM-DD" in p.expected


@pytest.mark.parametrize("text", ["2022-05-14", "2022-05-14 21:30:15", "2022-05-14T21:30:15"])
def test_iso_dates_accepted(folder, text):
    set_cell(folder, "offences", 2, "occurred_at", text)
    assert load_dataset(folder).offences.loc[0, "occurred_at"] == pd.Timestamp(text)


def test_negative_count(folder):
    set_cell(folder, "hospital_admissions", 4, "admissions", "-3")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("hospital_admissions.csv", 4, "admissions")
    assert p.found == "'-3'"


def test_fractional_count(folder):
    set_cell(folder, "population", 3, "population", "10000.5")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("population.csv", 3, "population")


def test_duplicate_offence_id(folder):
    set_cell(folder, "offences", 5, "offence_id", "O001")
    problems = problems_of(folder)
    [p] = only(problems, "offences.csv", "offence_id")
    assert p.row == 5 and "'O001'" in p.found and "first at row 2" in p.found
    # the renamed offence O004 leaves its people without an offence
    assert {q.row for q in only(problems, "people.csv", "offence_id")} == {8}


def test_person_linked_to_no_offence(folder):
    set_cell(folder, "people", 10, "offence_id", "O999")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("people.csv", 10, "offence_id")
    assert p.found == "'O999'" and "offences.csv" in p.expected


def test_unknown_district(folder):
    set_cell(folder, "population", 7, "district", "Atlantis")
    problems = problems_of(folder)
    [p] = only(problems, "population.csv", "district")[:1]
    assert (p.row, p.found) == (7, "'Atlantis'")
    assert "authorities" in p.expected


@pytest.mark.parametrize(
    "table, row, column, value",
    [
        ("people", 3, "role", "witness"),
        ("people", 4, "sex", "x"),
        ("hospital_admissions", 5, "age_band", "0-17"),
        ("hospital_admissions", 6, "mechanism", "blunt object"),
        ("population", 2, "age_band", "0-17"),
        ("offences", 4, "sexual_category", "groping"),
        ("offences", 9, "knife_enabled", "maybe"),
    ],
)
def test_unknown_category_value(folder, table, row, column, value):
    set_cell(folder, table, row, column, value)
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == (f"{table}.csv", row, column)
    assert p.found == repr(value)


def test_blank_required_value(folder):
    set_cell(folder, "people", 9, "person_id", "")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column, p.found) == ("people.csv", 9, "person_id", "a blank cell")


def test_offence_type_without_harm_weight(folder):
    set_cell(folder, "offences", 6, "offence_type", "Throwing custard")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("offences.csv", 6, "offence_type")
    assert "harm_weights.csv" in p.expected


def test_costed_offence_group_without_unit_cost_at_the_savings_price_year(folder):
    rows = read_rows(folder, "unit_costs")
    write_rows(folder, "unit_costs", [r for r in rows if r[0] != "Robbery of personal property"])
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("unit_costs.csv", None, "offence_group")
    assert "'Robbery of personal property'" in p.found and "2024/25" in p.found


def test_uncosted_offence_group_needs_no_unit_cost(folder):
    rows = read_rows(folder, "unit_costs")
    write_rows(folder, "unit_costs", [r for r in rows if r[0] != "Rape"])
    load_dataset(folder)   # no DataError: rape is not in costs.groups


def test_duplicate_unit_cost_key(folder):
    rows = read_rows(folder, "unit_costs")
    write_rows(folder, "unit_costs", rows + [rows[2]])
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("unit_costs.csv", len(rows) + 1, "offence_group")
    assert "first at row 3" in p.found


def test_overlapping_periods_name_report_yaml_and_the_key(folder):
    periods = config_data(folder)["periods"]
    periods["previous_year"]["end"] = "2024-06-30"
    periods["previous_year"].pop("label", None)      # no longer a financial year: the label would be refused too
    edit_config(folder, periods=periods)
    problems = problems_of(folder)
    assert [(p.file, p.row) for p in problems] == [("report.yaml", None)]
    assert problems[0].column.startswith("comparisons.") and "overlap" in problems[0].found


def test_report_yaml_field_errors_name_the_key_path(folder):
    edit_config(folder, disclosure_threshold=-1, edition=None, colour="red")
    columns = {p.column for p in problems_of(folder)}
    assert columns == {"disclosure_threshold", "edition", "colour"}


def test_report_yaml_nested_key_path(folder):
    data = config_data(folder)
    data["cohorts"]["under_18"]["min_age"] = "young"
    edit_config(folder, cohorts=data["cohorts"])
    [p] = problems_of(folder)
    assert (p.file, p.column, p.found) == ("report.yaml", "cohorts.under_18.min_age", "'young'")


def test_invalid_yaml_gives_its_line(folder):
    (folder / "report.yaml").write_text("area: Tiny\nperiods: [unclosed\n", encoding="utf-8")
    [p] = problems_of(folder)
    assert p.file == "report.yaml" and p.row is not None


def test_period_with_no_offences(folder):
    for row, date in ((2, "2023-05-01"), (3, "2023-05-02"), (4, "2023-05-03")):
        set_cell(folder, "offences", row, "occurred_at", date)
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("offences.csv", None, "occurred_at")
    assert "baseline_year" in p.found


def test_content_file_failing_its_model(folder):
    (folder / "content" / "recommendations.yaml").write_text("not: a list\n", encoding="utf-8")
    problems = problems_of(folder)
    assert problems and all(p.file.startswith("content/recommendations.yaml") for p in problems)


def test_every_problem_is_collected_across_files(folder):
    set_cell(folder, "offences", 3, "occurred_at", "never")
    set_cell(folder, "people", 3, "role", "witness")
    set_cell(folder, "population", 3, "year", "last year")
    (folder / "harm_weights.csv").unlink()
    files = {p.file for p in problems_of(folder)}
    assert files == {"offences.csv", "people.csv", "population.csv", "harm_weights.csv"}


def test_row_listing_is_capped_per_kind(folder):
    rows = read_rows(folder, "people")
    extra = [["O001", f"Q{i}", "witness", "30", "male", ""] for i in range(40)]
    write_rows(folder, "people", rows + extra)
    problems = problems_of(folder)
    assert len(problems) == 21
    last = max(problems, key=lambda p: p.row)
    assert last.row == len(rows) + 21 and "20 more rows" in last.found


def test_semicolon_separated_file(folder):
    rows = read_rows(folder, "harm_weights")
    (folder / "harm_weights.csv").write_text("\n".join(";".join(r) for r in rows), encoding="utf-8")
    [p] = problems_of(folder)
    assert (p.file, p.row) == ("harm_weights.csv", 1) and "semicolons" in p.found


def test_file_that_is_not_utf8(folder):
    raw = (folder / "harm_weights.csv").read_bytes()
    (folder / "harm_weights.csv").write_bytes(raw.replace(b"Cambridge", b"Cambr\xe9dge"))
    [p] = problems_of(folder)
    assert p.file == "harm_weights.csv" and "UTF-8" in p.expected


def test_table_given_twice(folder):
    pd.read_csv(folder / "harm_weights.csv").to_parquet(folder / "harm_weights.parquet")
    [p] = problems_of(folder)
    assert "harm_weights.csv" in p.found and "harm_weights.parquet" in p.found


def test_partially_filled_admission_districts(folder):
    rows = read_rows(folder, "hospital_admissions")
    write_rows(folder, "hospital_admissions",
               [rows[0] + ["district"]] + [r + (["Eastbay"] if i else [""]) for i, r in enumerate(rows[1:])])
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("hospital_admissions.csv", 2, "district")


def test_messages_use_file_names_not_paths(folder):
    set_cell(folder, "offences", 3, "district", "Atlantis")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert str(folder) not in str(caught.value)


def test_unreadable_parquet_names_the_file_not_its_path(folder):
    (folder / "people.csv").unlink()
    (folder / "people.parquet").write_bytes(b"PAR1 this is not really parquet")
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column) == ("people.parquet", None, None)
    assert "Parquet" in p.found and str(folder) not in p.found


def test_more_than_one_workbook(folder):
    for name in ("a.xlsx", "b.xlsx"):
        with pd.ExcelWriter(folder / name) as writer:
            pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="other", index=False)
    (folder / "harm_weights.csv").unlink()
    problems = problems_of(folder)
    assert any(p.file == "a.xlsx" and "2 workbooks" in p.found for p in problems)
    assert any(p.file == "harm_weights.csv" and "no such file" in p.found for p in problems)


def test_workbook_sheet_problems_name_the_sheet(folder):
    frame = pd.read_csv(folder / "harm_weights.csv", dtype=str)
    frame.loc[2, "harm_weight"] = "heavy"
    with pd.ExcelWriter(folder / "tables.xlsx") as writer:
        frame.to_excel(writer, sheet_name="harm_weights", index=False)
    (folder / "harm_weights.csv").unlink()
    [p] = problems_of(folder)
    assert (p.file, p.row, p.column, p.found) == ("tables.xlsx (sheet harm_weights)", 4, "harm_weight", "'heavy'")


def test_faults_in_parquet_dictionary_columns_are_reported_as_from_csv(folder):
    """Low-cardinality text (district, role, sex, …) is read from Parquet as a dictionary and checked once per
    distinct value: a fault is still reported at every row holding it, with its file, row and column."""
    set_cell(folder, "offences", 3, "district", "Atlantis")
    set_cell(folder, "offences", 9, "district", "Atlantis")
    set_cell(folder, "people", 4, "role", "witness")
    set_cell(folder, "people", 6, "sex", "")
    from_csv = problems_of(folder)
    for name in ("offences", "people"):
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        (folder / f"{name}.csv").unlink()
    from_parquet = problems_of(folder)
    assert [(p.file.replace(".parquet", ".csv"), p.row, p.column, p.found, p.expected) for p in from_parquet] == \
        [(p.file, p.row, p.column, p.found, p.expected) for p in from_csv]
    assert {(p.file, p.row, p.column) for p in from_parquet} >= {
        ("offences.parquet", 3, "district"), ("offences.parquet", 9, "district"), ("people.parquet", 4, "role"),
        ("people.parquet", 6, "sex")}
