"""Data tables: `build --tables` writes a spreadsheet that follows the Analysis Function guidance
("Releasing statistics in spreadsheets") and holds the same numbers as the report JSON."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from tiny_dataset import copy_tiny

from snareport.cli import main
from snareport.models.report import Report
from snareport.tables import WITHHELD, report_tables, spreadsheet_bytes

pytest.importorskip("odf", reason="odfpy writes and reads .ods files")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data = copy_tiny(tmp_path_factory.mktemp("tables") / "data")
    out = tmp_path_factory.mktemp("out")
    ods, js = out / "t.ods", out / "t.json"
    assert main(["build", str(data), "-o", str(out / "t.pdf"), "--json", str(js), "--tables", str(ods), "-q"]) == 0
    return ods, js


def _leaves(x):
    if isinstance(x, dict):
        for v in x.values():
            yield from _leaves(v)
    elif isinstance(x, list):
        for v in x:
            yield from _leaves(v)
    else:
        yield x


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _decimals(v: float) -> int:
    return next((k for k in range(7) if abs(round(v, k) - v) < 1e-9 * max(1.0, abs(v))), 7)


def _blank(c) -> bool:
    return c is None or (isinstance(c, float) and math.isnan(c)) or str(c).strip() == ""


def _sheets(path: Path) -> dict[str, list[list]]:
    book = pd.ExcelFile(path, engine="odf")
    return {n: pd.read_excel(book, sheet_name=n, header=None).values.tolist() for n in book.sheet_names}


def test_front_sheets_come_first(built):
    names = list(_sheets(built[0]))
    assert names[:3] == ["Cover_sheet", "Contents", "Notes"]
    assert len(names) > 3 + 10


def test_every_sheet_has_a_title_in_a1_and_no_blank_rows_or_columns(built):
    for name, rows in _sheets(built[0]).items():
        assert isinstance(rows[0][0], str) and rows[0][0].strip(), f"{name}: no title in A1"
        assert all(not _blank(r[0]) for r in rows), f"{name}: a blank row or an empty first column"
        header = next(i for i, r in enumerate(rows) if sum(not _blank(c) for c in r) >= 2) if name != "Cover_sheet" \
            else None
        if header is None:
            continue
        # above the header: one cell per row (title and notes in column A only)
        assert all(sum(not _blank(c) for c in r) == 1 for r in rows[:header]), name
        # every column has a header, and no cell of the table is empty
        assert all(not _blank(c) for c in rows[header]), f"{name}: a column without a header"
        assert all(not _blank(c) for r in rows[header + 1:] for c in r), f"{name}: an empty cell"


def test_every_number_is_a_figure_of_the_json(built):
    ods, js = built
    figures = [v for v in _leaves(json.loads(js.read_text())) if _is_number(v)]
    scaled = sorted({round(v * s, 9) for v in figures for s in (1, 100)})
    contents = _sheets(ods)
    missing = []
    for name, rows in list(contents.items())[3:]:
        header = next(i for i, r in enumerate(rows) if sum(not _blank(c) for c in r) >= 2)
        for value in (c for r in rows[header + 1:] for c in r if _is_number(c)):
            tol = 0.5 * 10 ** -_decimals(value) + 1e-9
            if not any(abs(value - f) <= tol for f in scaled):
                missing.append(f"{name}: {value}")
    assert not missing


def test_known_answer_knife_enabled_table_matches_the_model(built):
    ods, js = built
    report = Report.model_validate_json(js.read_text())
    rows = _sheets(ods)["knife_enabled_by_cohort"]
    header = next(i for i, r in enumerate(rows) if sum(not _blank(c) for c in r) >= 2)
    assert rows[header][0] == "Age cohort" and rows[header][3] == "Change (%)"
    for k, row in zip(report.achievements.knife_enabled, rows[header + 1:]):
        assert row[0] == k.label
        if k.change.suppressed:
            assert WITHHELD in row[1:]
        else:
            assert row[1] == k.change.previous and row[2] == k.change.current
            if k.change.change_pct is not None:
                assert row[3] == pytest.approx(round(k.change.change_pct, 1))


def test_withheld_values_are_marked_and_explained(built):
    sheets = _sheets(built[0])
    notes = [r for r in sheets["Notes"] if isinstance(r[1], str)]
    note_for_c = next(r[0] for r in notes if str(r[1]).startswith(WITHHELD))
    with_c = [n for n, rows in list(sheets.items())[3:] if any(c == WITHHELD for r in rows for c in r)]
    assert with_c, "the tiny public report withholds some small counts"
    for name in with_c:
        preamble = " ".join(str(r[0]) for r in sheets[name][:4])
        assert note_for_c in preamble, f"{name} has {WITHHELD} cells but does not point to its note"


def test_contents_lists_every_table_sheet(built):
    sheets = _sheets(built[0])
    rows = sheets["Contents"]
    listed = [r[0] for r in rows[3:]]
    assert listed == list(sheets)[3:]


def test_report_tables_are_the_spreadsheet_cells(built):
    ods, js = built
    report = Report.model_validate_json(js.read_text())
    frames = report.tables()
    sheets = _sheets(ods)
    assert list(frames) == list(sheets)[3:]
    for name, frame in frames.items():
        rows = sheets[name]
        header = len(rows) - len(frame) - 1
        assert rows[header] == list(frame.columns)
        for got, want in zip(rows[header + 1:], frame.values.tolist()):
            assert [pytest.approx(x) if _is_number(x) else x for x in want] == got


def test_xlsx_has_no_merged_cells_and_the_same_sheets(built):
    from io import BytesIO

    from openpyxl import load_workbook

    report = Report.model_validate_json(built[1].read_text())
    book = load_workbook(BytesIO(spreadsheet_bytes(report, "xlsx")))
    assert book.sheetnames == list(_sheets(built[0]))
    assert all(not ws.merged_cells.ranges for ws in book.worksheets)
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_a_district_report_has_its_own_tables(tmp_path):
    from snareport import build_report, load_dataset

    report = build_report(load_dataset(copy_tiny(tmp_path / "d")), district="Westmoor")
    keys = [t.key for t in report_tables(report)]
    assert len(keys) == len(set(keys)) >= 10
    age = next(t for t in report_tables(report) if t.key == "population_by_age_band")
    assert age.columns[1:] == ("Share of population, Westmoor (%)",
                               f"Share of population, {report.metadata.area} (%)")


def test_a_bad_suffix_is_a_usage_error(tmp_path, capsys):
    data = copy_tiny(tmp_path / "d")
    assert main(["build", str(data), "-o", str(tmp_path / "x.pdf"), "--tables", str(tmp_path / "x.csv")]) == 2
    assert "--tables" in capsys.readouterr().err


def test_variants_write_tables_beside_each_pdf(tmp_path):
    data = copy_tiny(tmp_path / "d")
    out = tmp_path / "v"
    assert main(["variants", str(data), "-o", str(out), "--districts", "Westmoor", "--tables", "ods", "-q",
                 "--log", str(tmp_path / "run.json")]) == 0
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        book = pd.ExcelFile(pdf.with_suffix(".ods"), engine="odf")
        assert book.sheet_names[:3] == ["Cover_sheet", "Contents", "Notes"]
    westmoor = pd.read_excel(next(p for p in pdfs if "westmoor" in p.name).with_suffix(".ods"), sheet_name="Cover_sheet",
                             header=None, engine="odf")
    assert "Westmoor" in str(westmoor.iloc[0, 0])
    record = json.loads((tmp_path / "run.json").read_text())
    assert sum(o["kind"] == "ods" for o in record["outputs"]) == 2 and "variants" in record["timings_s"]
