"""Report → the data tables behind the PDF: tidy DataFrames, and an accessible .ods/.xlsx spreadsheet.

Reads only the :class:`~snareport.models.report.Report` model, so the spreadsheet holds the same figures as
the PDF and the JSON. The spreadsheet follows the Analysis Function guidance "Releasing statistics in
spreadsheets": a cover sheet, a contents sheet, a notes sheet and one sheet per table, each with its
title in cell A1, no merged cells, no blank rows or columns, units in the column headers and ``[c]`` for
values withheld by disclosure control.
"""
from __future__ import annotations

from snareport.tables.sections import NOT_APPLICABLE, NOT_AVAILABLE, WITHHELD, DataTable, report_tables
from snareport.tables.spreadsheet import FORMATS, spreadsheet_bytes, tables_as_frames, write_tables

__all__ = ["DataTable", "report_tables", "tables_as_frames", "spreadsheet_bytes", "write_tables", "FORMATS",
           "WITHHELD", "NOT_AVAILABLE", "NOT_APPLICABLE"]
