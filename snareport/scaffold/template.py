"""Data contract × districts → the Excel template: one sheet per table, its headers (each with a note
saying what goes in it) and drop-down lists of the allowed values (districts, categories, true/false)."""
from __future__ import annotations

import io

from snareport.loading.schema import CONTRACT, Column

LISTS_SHEET = "allowed_values"
ROWS_WITH_LISTS = 200_000   # drop-downs cover this many data rows of each sheet
BOOL_VALUES = ("true", "false")


def _allowed(column: Column, districts: list[str]) -> tuple[str, ...]:
    if column.kind == "district":
        return tuple(districts)
    if column.kind == "enum":
        return column.values
    if column.kind == "bool":
        return BOOL_VALUES
    return ()


def template_bytes(districts: list[str]) -> bytes:
    """The .xlsx template's bytes."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    lists = []   # (column name, allowed values) in the order they are put on the lists sheet
    for table in CONTRACT.values():
        ws = book.create_sheet(table.name)
        for i, column in enumerate(table.columns, start=1):
            cell = ws.cell(row=1, column=i, value=column.name)
            cell.font = Font(bold=True)
            optional = "" if column.required else " (optional column)"
            cell.comment = Comment(f"{column.name}{optional}: {column.expected}", "snareport")
            ws.column_dimensions[get_column_letter(i)].width = max(14, len(column.name) + 4)
            values = _allowed(column, districts)
            if not values:
                continue
            key = (column.kind, values)
            if key not in [(k, v) for k, v, _ in lists]:
                lists.append((column.kind, values, column.name))
            n = [(k, v) for k, v, _ in lists].index(key) + 1
            letter = get_column_letter(n)
            source = f"={quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
            check = DataValidation(type="list", formula1=source, allow_blank=column.nullable or not column.required,
                                   showErrorMessage=True, errorTitle=f"Not an allowed {column.name}",
                                   error=f"{column.name}: {column.expected}",
                                   promptTitle=column.name, prompt=column.expected[:255], showInputMessage=True)
            ws.add_data_validation(check)
            col = get_column_letter(i)
            check.add(f"{col}2:{col}{ROWS_WITH_LISTS + 1}")
        ws.freeze_panes = "A2"
    sheet = book.create_sheet(LISTS_SHEET)
    for n, (_, values, name) in enumerate(lists, start=1):
        sheet.cell(row=1, column=n, value=name).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            sheet.cell(row=r, column=n, value=value)
    sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
