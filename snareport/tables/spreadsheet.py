"""DataTables → one accessible spreadsheet (.ods or .xlsx) as bytes, and the file written atomically.

Sheets: Cover, Contents, Notes, then one per table. Every sheet has its title in A1 and a few lines of
explanation in column A above the table's header row; there are no merged cells, no blank rows or
columns, and no cells coloured to carry meaning.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from snareport.atomic import atomic_write_bytes
from snareport.errors import DataError
from snareport.tables.sections import NOT_APPLICABLE, NOT_AVAILABLE, WITHHELD, DataTable, report_tables

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


FORMATS = {"ods": "odf", "xlsx": "openpyxl"}


def tables_as_frames(report: Any) -> dict[str, pd.DataFrame]:
    """Every table of the report as a DataFrame keyed by its sheet name (``[c]`` where withheld)."""
    import pandas as pd

    return {t.key: pd.DataFrame(list(t.rows), columns=list(t.columns)) for t in report_tables(report)}


def _notes(report: Any, tables: list[DataTable]) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The notes sheet's rows (number, text) and a map from note topic to its number."""
    notes: list[tuple[str, str]] = []
    numbers: dict[str, str] = {}

    def add(topic: str, text: str) -> None:
        numbers[topic] = f"[note {len(notes) + 1}]"
        notes.append((numbers[topic], text))

    d = report.disclosure
    withheld = d.note or (f"Counts from 1 to {d.threshold}, and figures built on them, are withheld.")
    add(WITHHELD, f"{WITHHELD} marks a value withheld to protect confidentiality. {withheld}")
    add(NOT_AVAILABLE, f"{NOT_AVAILABLE} marks a figure that is not available (the source lacks it, or a change "
                       "from zero, which is undefined).")
    add(NOT_APPLICABLE, f"{NOT_APPLICABLE} marks a cell where a figure would not apply (a total row or a month "
                        "that one of the periods lacks).")
    for m in report.methodology:
        add(m.topic, m.text)
    wanted = {topic for t in tables for topic in t.notes}
    if "Unit costs" in wanted and report.achievements.cost_source:
        add("Unit costs", f"Unit costs: {report.achievements.cost_source}.")
    if "Hospital admissions" in wanted:
        add("Hospital admissions", "Hospital admissions are a monthly average over each twelve-month window. "
            "When the source has no district, admissions are for the whole area.")
    return notes, numbers


def _sheet_rows(report: Any, table: DataTable, numbers: dict[str, str]) -> list[list[Any]]:
    refs = [numbers[t] for t in table.notes if t in numbers]
    cells = {c for row in table.rows for c in row if isinstance(c, str)}
    refs += [numbers[marker] for marker in (WITHHELD, NOT_AVAILABLE, NOT_APPLICABLE) if marker in cells]
    rows: list[list[Any]] = [[table.title], ["This worksheet contains one table."]]
    if refs:
        rows.append([f"Notes that apply to this table (see the Notes worksheet): {', '.join(dict.fromkeys(refs))}"])
    rows.append([f"Source: {_source(report)}"])
    rows.append(list(table.columns))
    rows += [list(r) for r in table.rows]
    return rows


def _source(report: Any) -> str:
    return report.data.source_name or report.metadata.partnership


def _front_sheets(report: Any, tables: list[DataTable], notes: list[tuple[str, str]]) -> dict[str, list[list[Any]]]:
    m = report.metadata
    cover = [
        [f"{m.title}: data tables, {m.scope_label}, {m.edition}"],
        ["This spreadsheet holds the figures behind every table and chart in the report, one table to a worksheet."],
        [f"Area: {m.scope_label}" + (f" (district of {m.area})" if m.district else "")],
        [f"Published by: {m.partnership}"],
        [f"Publication date: {m.publication_date.isoformat()}"],
        [f"Audience: {m.audience}; protective marking: {m.protective_marking}"],
        [f"Source: {_source(report)}. {report.data.source_note}".strip()],
        [f"Withheld values are shown as {WITHHELD}; figures not available as {NOT_AVAILABLE}; "
         f"cells that do not apply as {NOT_APPLICABLE}. The Notes worksheet explains each."],
        ["Percentages are rounded to one decimal place; other figures are as calculated for the report."],
    ]
    contents = [["Table of contents"], ["This worksheet contains one table."],
                ["Sheet name", "Table title", "Report section"]]
    contents += [[t.key, t.title, t.section.replace("_", " ")] for t in tables]
    notes_sheet = [["Notes"], ["This worksheet contains one table."], ["Note number", "Note text"]]
    notes_sheet += [list(n) for n in notes]
    return {"Cover_sheet": cover, "Contents": contents, "Notes": notes_sheet}


def spreadsheet_bytes(report: Any, fmt: str = "ods") -> bytes:
    """The report's data tables as an .ods (``fmt="ods"``) or .xlsx (``fmt="xlsx"``) file's bytes."""
    import pandas as pd

    if fmt not in FORMATS:
        raise DataError(f"tables: unknown spreadsheet format {fmt!r}; choose from: {', '.join(FORMATS)}")
    tables = report_tables(report)
    notes, numbers = _notes(report, tables)
    sheets = _front_sheets(report, tables, notes)
    for t in tables:
        sheets[t.key] = _sheet_rows(report, t, numbers)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine=FORMATS[fmt]) as writer:
        for name, rows in sheets.items():
            width = max(len(r) for r in rows)
            frame = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], dtype=object)
            frame.to_excel(writer, sheet_name=name, header=False, index=False)
        if fmt == "xlsx":
            _style_xlsx(writer.book)
    return buffer.getvalue()


def _style_xlsx(book: Any) -> None:
    """Titles in bold and readable column widths (formatting only; no merged cells)."""
    from openpyxl.styles import Font

    for ws in book.worksheets:
        ws["A1"].font = Font(bold=True, size=14)
        for column in ws.columns:
            longest = max((len(str(c.value)) for c in column[3:] if c.value is not None), default=10)
            ws.column_dimensions[column[0].column_letter].width = min(60, max(12, longest + 2))


def write_tables(report: Any, path: str | Path, fmt: str | None = None) -> Path:
    """Write the data tables to ``path`` atomically (format from ``fmt`` or the path's suffix)."""
    target = Path(path)
    fmt = fmt or target.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise DataError(f"{target}: data tables are written as .ods or .xlsx, not {target.suffix or 'no suffix'!r}")
    return atomic_write_bytes(target, spreadsheet_bytes(report, fmt))
