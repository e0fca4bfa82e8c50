"""Helpers for tests that start from the tiny hand-written dataset in tests/fixtures/tiny and change one thing."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import yaml

TINY = Path(__file__).parent / "fixtures" / "tiny"


def copy_tiny(target: Path) -> Path:
    """A writable copy of the tiny dataset folder at ``target``."""
    shutil.copytree(TINY, target)
    return target


def read_rows(folder: Path, table: str) -> list[list[str]]:
    """A CSV table as rows of text, header first."""
    with open(folder / f"{table}.csv", newline="", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle)]


def write_rows(folder: Path, table: str, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / f"{table}.csv").write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(folder: Path, table: str, sheet_row: int, column: str, value: str) -> None:
    """Change one cell, addressed as a spreadsheet shows it (header = row 1)."""
    rows = read_rows(folder, table)
    rows[sheet_row - 1][rows[0].index(column)] = value
    write_rows(folder, table, rows)


def drop_column(folder: Path, table: str, column: str) -> None:
    rows = read_rows(folder, table)
    at = rows[0].index(column)
    write_rows(folder, table, [row[:at] + row[at + 1:] for row in rows])


def edit_config(folder: Path, **changes: object) -> None:
    """Set top-level report.yaml keys (nested dicts replace whole values)."""
    path = folder / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def config_data(folder: Path) -> dict:
    return yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
