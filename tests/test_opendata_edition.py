"""The police.uk open data edition: the mapping is the definition (Public order by opt-in), every month is
used and named, rates come from an ONS population file, what police.uk cannot give is one table, and the
files the importer writes are safe (CSV cells cannot run as formulas; YAML is emitted by a YAML library)."""
from __future__ import annotations

import csv
import datetime as dt
import glob
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

import snareport
from snareport.opendata import import_files
from snareport.opendata.periods import Month, main_window, runs_label
from snareport.opendata.reading import COLUMNS
from snareport.opendata.writing import neutralise

EXCERPT = Path(__file__).parent / "data" / "policeuk"
REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata"
DEFAULT = {"Violence and sexual offences", "Robbery", "Possession of weapons"}
KENT_CODES = {"Ashford": "E07000105", "Canterbury": "E07000106", "Dartford": "E07000107", "Dover": "E07000108",
              "Folkestone and Hythe": "E07000112", "Gravesham": "E07000109", "Maidstone": "E07000110",
              "Sevenoaks": "E07000111", "Swale": "E07000113", "Thanet": "E07000114",
              "Tonbridge and Malling": "E07000115", "Tunbridge Wells": "E07000116", "Medway": "E06000035"}


def _row(crime_id: str, month: str, lsoa_name: str, crime_type: str) -> dict[str, str]:
    return {"Crime ID": crime_id, "Month": month, "Reported by": "Kent Police", "Falls within": "Kent Police",
            "Longitude": "0.5", "Latitude": "51.2", "Location": "On or near a street", "LSOA code": "E01000001",
            "LSOA name": lsoa_name, "Crime type": crime_type, "Last outcome category": "", "Context": ""}


def _write(folder: Path, rows: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for month in sorted({r["Month"] for r in rows}):
        with (folder / f"{month}-kent-street.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(COLUMNS))
            writer.writeheader()
            writer.writerows(r for r in rows if r["Month"] == month)
    return folder


# --- 1. the mapping is the definition --------------------------------------------------------------------

@pytest.fixture(scope="module")
def excerpt_rows() -> pd.DataFrame:
    return pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in sorted(EXCERPT.glob("*.csv"))])


def test_public_order_is_counted_only_when_asked_for(tmp_path, excerpt_rows):
    plain = import_files([EXCERPT], tmp_path / "plain")
    opted = import_files([EXCERPT], tmp_path / "opted", include_public_order=True)
    assert set(plain.kept_by_crime_type) == DEFAULT
    public_order = opted.kept_by_crime_type["Public order"]
    assert public_order > 0 and plain.set_aside_by_crime_type["Public order"] == public_order
    assert opted.rows_kept == plain.rows_kept + public_order
    assert "Public order" not in opted.set_aside_by_crime_type
    offences = pd.read_csv(tmp_path / "plain" / "offences.csv", dtype=str)
    assert set(offences["offence_type"]) == DEFAULT


def test_report_yaml_names_the_categories_and_that_they_are_broader(tmp_path):
    import_files([EXCERPT], tmp_path / "d")
    source = yaml.safe_load((tmp_path / "d" / "report.yaml").read_text(encoding="utf-8"))["source"]
    assert source["categories"] == ["Violence and sexual offences", "Robbery", "Possession of weapons"]
    assert "broader than the Serious Violence Duty" in source["counted"]


# --- 2. every month --------------------------------------------------------------------------------------

@pytest.mark.parametrize("months, label", [
    ({"2024-01", "2024-02", "2024-03", "2024-04"} | {f"2025-{m:02d}" for m in range(1, 13)}, "2025"),
    ({f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)} | {"2025-01", "2025-02"}, "year ending February 2025"),
    ({"2025-01", "2025-02", "2025-04", "2025-05"}, "April to May 2025"),   # a gap ends the latest run
    ({"2025-06"}, "June 2025"),
])
def test_main_period_is_the_latest_run_of_up_to_12_months(months, label):
    assert main_window({Month.parse(m) for m in months}).label == label


def test_months_used_and_set_aside_are_stated(tmp_path):
    # 2023-03 is in the files but in neither the main period (2024-02..2025-01) nor the year-on-year pair
    rows = [_row(f"id{i}", m, "Ashford 001A", "Robbery") for i, m in enumerate(
        ["2023-03", "2024-01", *[f"2024-{k:02d}" for k in range(2, 13)], "2025-01"])]
    summary = import_files([_write(tmp_path / "in", rows)], tmp_path / "out")
    assert summary.periods["main_period"] == "year ending January 2025"
    assert (summary.periods["previous_period"], summary.periods["current_period"]) == ("January 2024", "January 2025")
    text = " ".join(summary.months_text())
    assert "Months imported: March 2023 and January 2024 to January 2025 (14 months); not in the files: April to December 2023." in text
    assert "(trend only): March 2023." in text
    config = yaml.safe_load((tmp_path / "out" / "report.yaml").read_text(encoding="utf-8"))
    assert config["periods"]["main_period"] == {"label": "year ending January 2025", "start": dt.date(2024, 2, 1),
                                               "end": dt.date(2025, 1, 31)}   # inclusive end: the last day
    assert config["source"]["months_missing"] == [f"2023-{k:02d}" for k in range(4, 13)]
    assert runs_label([Month(2023, 2), Month(2023, 3), Month(2023, 12)]) == "February to March 2023 and December 2023"


def test_trend_covers_every_month_with_gaps_never_zero(tmp_path):
    import_files([EXCERPT], tmp_path / "d")
    report = snareport.build_report(snareport.load_dataset(tmp_path / "d"))
    trend = report.latest_year.trend
    assert [f"{m.month:%Y-%m}" for m in trend][0] == "2024-01" and f"{trend[-1].month:%Y-%m}" == "2025-05"
    gaps = [f"{m.month:%Y-%m}" for m in trend if not m.in_source]
    assert gaps == [f"2024-{k:02d}" for k in range(5, 13)] and all(m.count is None for m in trend if not m.in_source)
    assert [p.label for p in report.latest_year.periods] == ["January to May 2025"]


def test_publication_date_is_today_an_option_or_source_date_epoch(tmp_path, monkeypatch):
    def published(**options) -> dt.date:
        out = tmp_path / f"d{len(list(tmp_path.iterdir()))}"
        import_files([EXCERPT], out, **options)
        return yaml.safe_load((out / "report.yaml").read_text(encoding="utf-8"))["publication_date"]

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert published() == dt.date.today()
    assert published(publication_date=dt.date(2026, 1, 15)) == dt.date(2026, 1, 15)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")   # 2026-01-01T00:00:00Z
    assert published() == dt.date(2026, 1, 1)


# --- 3/4. identity; what it cannot show, once -------------------------------------------------------------

@pytest.fixture(scope="module")
def excerpt_pdf(tmp_path_factory):
    pypdf = pytest.importorskip("pypdf")
    folder = tmp_path_factory.mktemp("edition") / "d"
    import_files([EXCERPT], folder, publication_date=dt.date(2026, 1, 15))
    report = snareport.build_report(snareport.load_dataset(folder))
    path = snareport.render_pdf(report, folder.parent / "open.pdf", layout=report.metadata.theme, tagged=False)
    pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(path).pages]
    return report, pages


def test_not_available_is_one_table_and_missing_sections_are_left_out(excerpt_pdf):
    report, pages = excerpt_pdf
    contents, text = pages[1], " ".join(pages)
    for left_out in ("Demographics", "Temporal analysis", "Knives and weapons", "Sexual violence", "Achievements",
                     "Who are the Board", "Children's voices", "Drugs and alcohol", "Youth Endowment Fund"):
        assert left_out not in contents, left_out
    assert "Not available from police.uk" in contents and "The latest 5 months: January to May 2025" in contents
    # under the contents, which months each part uses
    assert "This edition in brief" in contents
    assert "Months. January to April 2024 and January to May 2025 (9 months); May to December 2024 are not in the data." in contents
    assert "Year on year. January to April 2025 against January to April 2024, the months present in both years." in contents
    table = text[text.index("Why it is not available"):]
    for title in ("Temporal analysis", "Knives and weapons", "Sexual violence", "Hospital admissions"):
        assert title in table, title
    assert text.count("Not available from this source") == 0   # no placeholder pages
    # no internal field names, and no boilerplate that cannot apply to police.uk data
    assert not re.search(r"\b(people|offences|unit_costs|population|hospital_admissions)\.[a-z_]+|\(needs ", text)
    for boilerplate in ("Aim", "Age cohorts", "Cost savings", "high-harm group"):
        assert not re.search(rf"\b{boilerplate}\b", text), boilerplate
    if "Key findings" in text:   # only with findings in it
        assert re.search(r"Key findings .{0,200}The latest 5 months", text)


def test_own_identity_no_partnership_no_marking_ogl_on_both_covers(excerpt_pdf):
    report, pages = excerpt_pdf
    assert report.metadata.theme == "open_data" and report.metadata.protective_marking == ""
    for page in (pages[0], pages[-1]):
        assert "Open Government Licence v3.0" in page and "data.police.uk" in page
    text = " ".join(pages)
    assert "Partnership" not in text and "OFFICIAL" not in text
    assert "Published 15 January 2026" in pages[0]


def test_headlines_name_the_categories_and_say_they_are_broader(excerpt_pdf):
    report, pages = excerpt_pdf
    text = " ".join(pages)
    total = report.latest_year.total
    assert (f"{total:,} crimes in police.uk's violence and sexual offences, robbery and possession of weapons "
            "categories in Kent and Medway, January to May 2025") in text
    assert text.count("broader than the Serious Violence Duty's definition") >= 2   # both data sections


# --- 5. rates -----------------------------------------------------------------------------------------------

def test_rates_per_1000_from_an_ons_population_file(tmp_path):
    people = {d: 1000 * (i + 1) for i, d in enumerate(KENT_CODES)}   # 1,000 residents for Ashford, 2,000 …
    rows = []
    for d, code in KENT_CODES.items():   # split over sex and single years of age, as ONS publishes them
        share = people[d] // 4
        rows += [{"lad_code": code, "lad_name": d, "sex": s, "age": a, "population": share}
                 for s in ("male", "female") for a in ("5", "90+")]
    pd.DataFrame(rows).to_csv(tmp_path / "mye.csv", index=False)
    import_files([EXCERPT], tmp_path / "d", population=tmp_path / "mye.csv", population_year=2011)
    written = pd.read_csv(tmp_path / "d" / "population.csv")
    assert set(written["age_band"]) == {"0-9", "25+"} and set(written["year"]) == {2011}
    ds = snareport.load_dataset(tmp_path / "d")
    y = snareport.build_report(ds).latest_year
    assert y.population_year == 2011 and y.population == sum(people.values())
    offences = pd.read_csv(tmp_path / "d" / "offences.csv", dtype=str)
    main = offences[offences["occurred_at"].between("2025-01", "2025-05")]
    for d in y.districts:
        count = int((main["district"] == d.district).sum())
        if d.count is not None:
            assert d.count == count and d.population == people[d.district]
            assert d.rate_per_1000 == pytest.approx(count / people[d.district] * 1000, abs=0.001)
    assert y.rate_per_1000 == pytest.approx(len(main) / sum(people.values()) * 1000, abs=0.001)
    # the PDF names the population year beside every rate, and ranks districts by rate in a chart
    pypdf = pytest.importorskip("pypdf")
    report = snareport.build_report(ds)
    path = snareport.render_pdf(report, tmp_path / "rates.pdf", layout=report.metadata.theme, tagged=False)
    text = " ".join(" ".join((p.extract_text() or "") for p in pypdf.PdfReader(path).pages).split())
    top = max((d for d in y.districts if d.rate_per_1000 is not None), key=lambda d: d.rate_per_1000)
    assert f"{top.district} had the highest rate, {top.rate_per_1000:.1f} recorded crimes per 1,000 residents" in text
    assert "Residents, mid-2011" in text and "ONS mid-2011" in text


def test_population_file_without_a_district_is_refused(tmp_path):
    pd.DataFrame([{"lad_code": "E07000105", "age": "1", "population": 5}]).to_csv(tmp_path / "mye.csv", index=False)
    with pytest.raises(snareport.DataError, match="no rows for"):
        import_files([EXCERPT], tmp_path / "d", population=tmp_path / "mye.csv", population_year=2011)


# --- 6. safe outputs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, safe", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("ab12", "ab12"), ("", ""),
])
def test_neutralise(value, safe):
    assert neutralise(value) == safe


def test_formula_cells_are_neutralised_in_the_written_csv(tmp_path):
    hostile = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-1+2", "@SUM(1+1)", "\tTAB", "\rCR"]
    rows = [_row(h, "2024-01", "Ashford 001A", "Robbery") for h in hostile]
    rows += [_row(f"b{i}", "2025-01", "Ashford 001A", "Robbery") for i in range(3)]
    import_files([_write(tmp_path / "in", rows)], tmp_path / "out")
    with (tmp_path / "out" / "offences.csv").open(newline="", encoding="utf-8") as f:
        ids = [r["offence_id"] for r in csv.DictReader(f)]
    for h in hostile[:4]:
        assert "'" + h in ids
    assert {"TAB", "CR"} <= set(ids)   # leading tab and CR are stripped on reading, so never start a cell
    assert not any(i.startswith(("=", "+", "-", "@", "\t", "\r")) for i in ids)
    assert len(snareport.load_dataset(tmp_path / "out").offences) == len(rows)


def test_yaml_is_emitted_by_a_library_and_reads_back_exactly(tmp_path):
    odd = 'Kent: "north", east\n- and # more'
    rows = [_row("a", "2024-01", "Ashford 001A", "Robbery"), _row("b", "2025-01", "Ashford 001A", "Robbery"),
            _row("c", "2025-01", "Far, Away: place 001A", "Robbery")]   # an outside authority with , and :
    summary = import_files([_write(tmp_path / "in", rows)], tmp_path / "out", area=odd, districts=["Ashford"])
    config = yaml.safe_load((tmp_path / "out" / "report.yaml").read_text(encoding="utf-8"))
    assert config["area"] == odd and config["authorities"][0]["districts"] == ["Ashford"]
    assert config["source"]["data_quality"] == summary.notes()
    assert any("Far, Away: place 1" in n for n in config["source"]["data_quality"])
    record = yaml.safe_load((tmp_path / "out" / "import_summary.yaml").read_text(encoding="utf-8"))
    assert record["outside_area_by_authority"] == {"Far, Away: place": 1}


# --- the acceptance figure: real files ------------------------------------------------------------------------

@pytest.mark.skipif(not (REAL / "police_uk_kent_street").is_dir(),
                    reason="the real police.uk files (../shared/realdata/police_uk_kent_street) are not on this machine")
def test_real_kent_district_volumes_equal_an_independent_count(tmp_path):
    import_files([REAL / "police_uk_kent_street"], tmp_path / "kent")
    y = snareport.build_report(snareport.load_dataset(tmp_path / "kent")).latest_year
    assert [p.label for p in y.periods] == ["2025"]
    files = sorted(glob.glob(str(REAL / "police_uk_kent_street" / "*.csv")))
    raw = pd.concat([pd.read_csv(f, dtype=str) for f in files], ignore_index=True)
    raw["la"] = raw["LSOA name"].str.replace(r" \d{3}[A-Z]$", "", regex=True)
    picked = raw[raw["Crime type"].isin(DEFAULT) & raw["Month"].str.startswith("2025")]
    picked = picked[~(picked["Crime ID"].notna() & picked["Crime ID"].duplicated())]
    expected = picked["la"].value_counts()
    got = {d.district: d.count for d in y.districts}
    assert len(got) == 13
    assert got == {d: int(expected[d]) for d in got}
