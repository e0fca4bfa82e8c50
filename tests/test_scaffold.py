"""`snareport init`: a commented report.yaml, content stubs for every section, an Excel template with drop-downs;
filling the template with data builds a report."""
from __future__ import annotations

import csv
import datetime as dt

import yaml
from openpyxl import load_workbook
from tiny_dataset import TINY

from snareport.cli import main
from snareport.loading.content import SECTION_FILES
from snareport.loading.schema import CONTRACT
from snareport.scaffold import Authority, default_window_end, default_year, report_yaml


def test_init_writes_settings_stubs_and_template(tmp_path, capsys):
    folder = tmp_path / "new"
    assert main(["init", str(folder), "--area", "Test Shire", "--district", "Alpha", "--district", "Beta",
                 "--year", "2024/25", "--window-end", "2025-09"]) == 0
    config = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    assert config["area"] == "Test Shire"
    assert config["authorities"] == [{"name": "Test Shire", "short_name": "TS", "districts": ["Alpha", "Beta"]}]
    assert config["periods"]["current_window"] == {"label": "year ending September 2025", "start": dt.date(2024, 10, 1),
                                                   "end": dt.date(2025, 9, 30)}
    assert config["periods"]["baseline_year"]["label"] == "2022/23"
    assert "# CHECK" in (folder / "report.yaml").read_text(encoding="utf-8")
    assert {f.filename for f in SECTION_FILES} <= {p.name for p in (folder / "content").iterdir()}
    book = load_workbook(folder / "tables.xlsx")
    assert set(CONTRACT) <= set(book.sheetnames)
    assert [c.value for c in book["offences"][1]] == [c.name for c in CONTRACT["offences"].columns]
    lists = book["allowed_values"]
    assert lists.sheet_state == "hidden"
    district_list = next(col for col in lists.iter_cols(values_only=True) if col[0] == "district")
    assert list(district_list[1:3]) == ["Alpha", "Beta"]
    checks = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in book["offences"].data_validations.dataValidation}
    assert "C2" in checks and "allowed_values" in checks["C2"]  # district drop-down
    assert "wrote 18 files" in capsys.readouterr().out


def test_init_refuses_a_folder_that_has_a_dataset(tmp_path, capsys):
    (tmp_path / "report.yaml").write_text("area: x\n")
    assert main(["init", str(tmp_path), "--area", "X", "--district", "A"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "report.yaml").read_text() == "area: x\n"


def test_init_needs_districts(tmp_path, capsys):
    assert main(["init", str(tmp_path / "n"), "--area", "X"]) == 2
    assert "--district" in capsys.readouterr().err


def test_default_periods_follow_the_date():
    assert default_year(dt.date(2026, 11, 30)) == "2025/26"
    assert default_year(dt.date(2026, 3, 31)) == "2024/25"
    assert default_window_end(dt.date(2026, 1, 15)) == "2025-12"
    text = report_yaml("A", [Authority("A", ("x",))], "2025/26", "2026-01", dt.date(2026, 2, 1))
    periods = yaml.safe_load(text)["periods"]
    assert periods["current_window"]["start"] == dt.date(2025, 2, 1)
    assert periods["earliest_window"]["end"] == dt.date(2024, 1, 31)


def test_filling_the_template_with_data_builds_a_report(tmp_path):
    folder = tmp_path / "tiny-shire"
    assert main(["init", str(folder), "--area", "Tiny Shire", "--authority", "Tiny Shire County Council=Northdown,Eastbay",
                 "--authority", "Westmoor Council=Westmoor", "--year", "2024/25", "--window-end", "2025-09", "-q"]) == 0
    config = folder / "report.yaml"  # the tiny data has months without offences
    config.write_text(config.read_text(encoding="utf-8").replace("# allow_partial_periods: true",
                                                                 "allow_partial_periods: true"), encoding="utf-8")
    book = load_workbook(folder / "tables.xlsx")
    for name in CONTRACT:
        with open(TINY / f"{name}.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        for row in rows[1:]:
            record = dict(zip(rows[0], row))
            sheet.append([record.get(column) or None for column in header])
    book.save(folder / "tables.xlsx")
    assert main(["validate", str(folder), "-q"]) == 0
    pdf = tmp_path / "out.pdf"
    assert main(["build", str(folder), "-o", str(pdf), "-q"]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"
