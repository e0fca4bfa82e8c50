"""police.uk import: counts equal plain counts of the excerpt's rows; every messy case is counted."""
from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import yaml

from snareport.errors import DataError, OutputError
from snareport.opendata import ImportSummary, import_files
from snareport.opendata.periods import periods_and_comparisons
from snareport.opendata.reading import COLUMNS

EXCERPT = Path(__file__).parent / "data" / "policeuk"
KENT_AND_MEDWAY = {
    "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone",
    "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells", "Medway",
}
KEPT_TYPES = {"Violence and sexual offences", "Robbery", "Possession of weapons"}  # the default mapping


def plain_rows() -> list[dict[str, str]]:
    """Every row of the excerpt, read with the csv module (independently of the importer)."""
    rows = []
    for path in sorted(EXCERPT.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            rows.extend(csv.DictReader(f))
    return rows


def prefix(lsoa_name: str) -> str:
    words = lsoa_name.split(" ")
    return " ".join(words[:-1])


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[ImportSummary, Path]:
    out = tmp_path_factory.mktemp("policeuk") / "data"
    return import_files([EXCERPT], out), out


def test_counts_by_district_month_type_equal_plain_counts(imported):
    _, out = imported
    offences = pd.read_csv(out / "offences.csv", dtype=str)
    seen: set[str] = set()
    expected: Counter = Counter()
    for row in sorted(plain_rows(), key=lambda r: r["Month"]):  # files are one month each, read in order
        if (row["Crime ID"] and row["LSOA code"] and row["Longitude"] and prefix(row["LSOA name"]) in KENT_AND_MEDWAY
                and row["Crime type"] in KEPT_TYPES and row["Crime ID"] not in seen):
            seen.add(row["Crime ID"])
            expected[(prefix(row["LSOA name"]), row["Month"], row["Crime type"])] += 1
    got = Counter(zip(offences["district"], offences["occurred_at"], offences["offence_type"]))
    assert got == expected
    assert sum(expected.values()) > 90


def test_every_messy_case_is_counted(imported):
    summary, _ = imported
    rows = plain_rows()
    assert summary.rows_read == len(rows)
    asb = sum(1 for r in rows if r["Crime type"] == "Anti-social behaviour" and not r["Crime ID"])
    no_location = sum(1 for r in rows if r["Crime ID"] and not r["LSOA code"])
    located = [r for r in rows if r["Crime ID"] and r["LSOA code"]]
    outside = Counter(prefix(r["LSOA name"]) for r in located if prefix(r["LSOA name"]) not in KENT_AND_MEDWAY)
    inside = [r for r in located if prefix(r["LSOA name"]) in KENT_AND_MEDWAY]
    other_types = Counter(r["Crime type"] for r in inside if r["Crime type"] not in KEPT_TYPES)
    candidates = [r["Crime ID"] for r in inside if r["Crime type"] in KEPT_TYPES]
    duplicates = len(candidates) - len(set(candidates))

    assert summary.set_aside == {
        "asb_no_crime_id": asb, "no_crime_id": 0, "no_location": no_location,
        "outside_area": sum(outside.values()), "not_serious_violence": sum(other_types.values()),
        "duplicate_crime_id": duplicates,
    }
    assert summary.outside_area_by_authority == dict(outside) and "Bexley" in outside
    assert summary.set_aside_by_crime_type == dict(other_types)
    assert asb > 0 and no_location > 0 and duplicates > 0  # the excerpt really holds each case
    assert summary.rows_kept + summary.rows_set_aside == summary.rows_read


def test_summary_text_and_data_quality_note_give_each_count(imported):
    summary, out = imported
    text = summary.to_text()
    for count in (summary.rows_read, summary.rows_kept, *summary.set_aside.values()):
        assert f"{count:,}" in text
    config = yaml.safe_load((out / "report.yaml").read_text(encoding="utf-8"))
    note = " ".join(config["source"]["data_quality"])
    for reason, count in summary.set_aside.items():
        if count:
            assert f"{count:,} " in note, reason
    assert str(out) not in note and "seconds" not in note


def test_month_precision_is_kept_and_absent_fields_declared(imported):
    _, out = imported
    offences = pd.read_csv(out / "offences.csv", dtype=str)
    assert offences["occurred_at"].str.fullmatch(r"\d{4}-\d{2}").all()
    assert not {"knife_enabled", "sexual_category"} & set(offences.columns)
    source = yaml.safe_load((out / "report.yaml").read_text(encoding="utf-8"))["source"]
    assert "offences.time_of_day" in source["fields_absent"]
    assert set(source["tables"]) == {"offences", "harm_weights"}
    assert not any((out / f"{t}.csv").exists() for t in ("people", "hospital_admissions", "population"))


def test_report_yaml_is_a_valid_report_config(imported):
    from snareport.config import ReportConfig

    _, out = imported
    config = ReportConfig(**yaml.safe_load((out / "report.yaml").read_text(encoding="utf-8")))
    assert config.districts[-1] == "Medway" and len(config.districts) == 13
    assert config.source is not None and config.source.data_quality


def test_periods_come_from_the_months_in_the_data(imported):
    summary, out = imported
    config = yaml.safe_load((out / "report.yaml").read_text(encoding="utf-8"))
    assert config["periods"]["previous_period"] == {"label": "January to April 2024", "start": dt.date(2024, 1, 1),
                                                    "end": dt.date(2024, 4, 30)}
    assert config["periods"]["current_period"]["end"] == dt.date(2025, 4, 30)
    assert config["comparisons"]["year_on_year"] == ["previous_period", "current_period"]


@pytest.mark.parametrize("months, previous, current", [
    ({"2024-01", "2024-02", "2025-01", "2025-02", "2025-03"}, "January to February 2024", "January to February 2025"),
    ({f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)}, "2023", "2024"),
    ({"2023-06", "2023-07", "2024-06", "2024-07"}, "June to July 2023", "June to July 2024"),
    ({f"2023-{m:02d}" for m in range(4, 13)} | {"2024-01", "2024-02", "2024-03"}
     | {f"2024-{m:02d}" for m in range(4, 13)} | {"2025-01", "2025-02", "2025-03"},
     "2023/24", "2024/25"),
])
def test_matching_months(months, previous, current):
    periods, comparisons = periods_and_comparisons(months)
    assert periods["previous_period"]["label"] == previous
    assert periods["current_period"]["label"] == current
    assert comparisons["year_on_year"] == ["previous_period", "current_period"]
    assert "three_year" not in comparisons and "earliest_period" not in periods


def test_three_years_of_matching_months_give_a_three_period_comparison():
    periods, comparisons = periods_and_comparisons({f"{y}-0{m}" for y in (2023, 2024, 2025) for m in (1, 2)})
    assert periods["earliest_period"]["label"] == "January to February 2023"
    assert comparisons["three_year"] == ["earliest_period", "previous_period", "current_period"]


def test_no_matching_months_is_a_readable_error(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    write_rows(source / "a.csv", [row("x1", "2025-01", "Ashford 001A", "Robbery")])
    with pytest.raises(DataError, match="year-on-year"):
        import_files([source], tmp_path / "out")


def row(crime_id: str, month: str, lsoa_name: str, crime_type: str) -> list[str]:
    return [crime_id, month, "Kent Police", "Kent Police", "0.9", "51.2", "On or near Somewhere",
            "E01000001", lsoa_name, crime_type, "Under investigation", ""]


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def test_crime_id_repeated_in_a_later_month_keeps_the_first(tmp_path):
    """Hand-made rows: the real Kent files only repeat Crime IDs within one month."""
    source = tmp_path / "in"
    source.mkdir()
    write_rows(source / "2024-01.csv", [row("dup", "2024-01", "Thanet 001A", "Robbery")])
    write_rows(source / "2025-01.csv", [row("dup", "2025-01", "Dover 002B", "Robbery"),
                                        row("new", "2025-01", "Dover 002B", "Robbery")])
    summary = import_files([source], tmp_path / "out")
    offences = pd.read_csv(tmp_path / "out" / "offences.csv", dtype=str)
    assert summary.set_aside["duplicate_crime_id"] == 1 and summary.duplicates_across_months == 1
    assert offences.set_index("offence_id").loc["dup", "district"] == "Thanet"


def test_undefined_area_takes_its_districts_from_the_data(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    rows = [row(f"a{i}", m, "Exeter 001A", "Public order") for i, m in enumerate(["2024-03", "2025-03"] * 300)]
    rows.append(row("stray", "2025-03", "Torridge 004C", "Public order"))
    write_rows(source / "devon.csv", rows)
    summary = import_files([source], tmp_path / "out", area="Exeter test area")
    assert summary.districts == ("Exeter",)
    assert summary.outside_area_by_authority == {"Torridge": 1}
    summary = import_files([source], tmp_path / "out", area="Exeter test area", districts=["Exeter", "Torridge"])
    assert summary.set_aside["outside_area"] == 0


def test_a_file_that_is_not_police_uk_is_refused(tmp_path):
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match="bad.csv"):
        import_files([tmp_path / "bad.csv"], tmp_path / "out")


def test_a_folder_with_other_files_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "people.csv").write_text("keep me", encoding="utf-8")
    with pytest.raises(DataError, match="people.csv"):
        import_files([EXCERPT], out)
    assert (out / "people.csv").read_text(encoding="utf-8") == "keep me"


def test_an_import_that_cannot_write_every_file_replaces_none(imported, tmp_path):
    _, first = imported
    out = tmp_path / "out"
    import_files([EXCERPT], out)
    (out / "offences.csv").write_text("an earlier import's table\n", encoding="utf-8")
    (out / "import_summary.yaml").unlink()
    (out / "import_summary.yaml").mkdir()          # one target that cannot be replaced
    with pytest.raises(OutputError, match="import_summary.yaml is a folder"):
        import_files([EXCERPT], out)
    assert (out / "offences.csv").read_text(encoding="utf-8") == "an earlier import's table\n"
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []   # no temporary files left
    (out / "import_summary.yaml").rmdir()
    import_files([EXCERPT], out)
    assert (out / "offences.csv").read_bytes() == (first / "offences.csv").read_bytes()


def test_reimport_gives_identical_files(imported, tmp_path):
    _, first = imported
    import_files([EXCERPT], tmp_path / "again")
    for name in ("offences.csv", "harm_weights.csv", "report.yaml", "import_summary.yaml"):
        assert (first / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
