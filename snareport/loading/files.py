"""Dataset folder → raw tables (CSV, Parquet or sheets of one .xlsx workbook), indexed by spreadsheet row."""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from snareport.loading.problems import ProblemLog


@dataclass
class RawTable:
    """A table as read, before typing. ``label`` names it in messages; the index is the spreadsheet row."""

    name: str
    label: str
    frame: pd.DataFrame


def read_tables(folder: Path, names: list[str], log: ProblemLog,
                coded: Mapping[str, Collection[str]] | None = None) -> dict[str, RawTable]:
    """Find and read each named table; missing or unreadable ones are logged and left out.

    ``coded`` names, per table, the low-cardinality text columns read from a Parquet file as dictionaries
    (pandas categoricals: each distinct text once, an integer code per row) instead of one string per row.
    """
    workbooks = sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith("~$"))
    workbook = _Workbook(workbooks, log)
    files = {name: [folder / f"{name}.{ext}" for ext in ("csv", "parquet") if (folder / f"{name}.{ext}").is_file()]
             for name in names}
    sheets = {name: workbook.holding(name) for name in names}
    workbook.read_ahead([name for name in names if not files[name] and sheets[name]])
    tables: dict[str, RawTable] = {}
    for name in names:
        found, sheet_in = files[name], sheets[name]
        places = [p.name for p in found] + ([f"{sheet_in} (sheet {name})"] if sheet_in else [])
        if not places:
            log.add(
                f"{name}.csv",
                None,
                None,
                "no such file",
                f"{name}.csv, {name}.parquet or a sheet named '{name}' in one .xlsx workbook",
            )
            continue
        if len(places) > 1:
            log.add(
                places[0],
                None,
                None,
                f"the {name} table is given more than once: {', '.join(places)}",
                "one file (or sheet) per table",
            )
            continue
        table = _read_csv(found[0], log) if found and found[0].suffix == ".csv" else (
            _read_parquet(found[0], log, (coded or {}).get(name, ())) if found else workbook.read(name)
        )
        if table is not None:
            tables[name] = table
    workbook.close()
    return tables


def _with_sheet_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Clean header names and index rows as a spreadsheet shows them (header = row 1)."""
    frame.columns = [str(c).replace("\ufeff", "").strip() for c in frame.columns]
    frame.index = pd.RangeIndex(2, len(frame) + 2)
    return frame


def _csv_header(path: Path) -> list[str]:
    """The header row of a CSV file as written (before pandas renames repeated names)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def _repeated_columns(label: str, names: list[str], log: ProblemLog) -> bool:
    """Log each column name given more than once in a header (naming the columns as a spreadsheet letters them)."""
    cleaned = [str(n).replace("\ufeff", "").strip() for n in names]
    places: dict[str, list[int]] = {}
    for number, name in enumerate(cleaned):
        places.setdefault(name, []).append(number)
    repeated = {name: where for name, where in places.items() if len(where) > 1 and name}
    for name, where in repeated.items():
        letters = " and ".join(_column_letter(i) for i in where)
        log.add(label, 1, name, f"the column name {name!r} given {len(where)} times (columns {letters})",
                "each column name once")
    return bool(repeated)


def _column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA": a column as a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _separator_problem(label: str, frame: pd.DataFrame, log: ProblemLog) -> bool:
    """A header read as one column holding ';' or tabs means the wrong separator was used."""
    if len(frame.columns) == 1:
        header = str(frame.columns[0])
        for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars")):
            if sep in header:
                log.add(label, 1, None, f"columns separated by {name}", "comma-separated values")
                return True
    return False


def _read_csv(path: Path, log: ProblemLog) -> RawTable | None:
    label = path.name
    try:
        frame = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            encoding="utf-8-sig",
        )
    except UnicodeDecodeError as exc:
        log.add(label, None, None, f"bytes that are not UTF-8 text (at byte {exc.start})", "a UTF-8 encoded CSV file")
        return None
    except pd.errors.EmptyDataError:
        log.add(label, 1, None, "an empty file", "a header row naming the columns, then one row per record")
        return None
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        match = re.search(r"line (\d+)", str(exc))
        log.add(
            label,
            int(match.group(1)) if match else None,
            None,
            f"text that cannot be read as CSV ({_first_line(exc, path)})",
            "the same number of comma-separated fields in every row, quotes balanced",
        )
        return None
    frame = _with_sheet_rows(frame.fillna(""))
    if _separator_problem(label, frame, log):
        return None
    if _repeated_columns(label, _csv_header(path), log):   # pandas renames repeats ("a.1"): look at the header
        return None
    blank = (frame.apply(lambda col: col.str.strip()) == "").all(axis=1) if len(frame.columns) else None
    if blank is not None and blank.any():
        frame = frame[~blank]
    return RawTable(path.stem, label, frame)


def _read_parquet(path: Path, log: ProblemLog, coded: Collection[str] = ()) -> RawTable | None:
    import pyarrow.parquet as pq

    try:
        # ParquetFile, not pq.read_table: the same table without importing pyarrow.dataset (~0.3 s per process);
        # self_destruct frees Arrow memory as it converts. The ``coded`` text columns (each named once in the
        # file) come as dictionaries, so as categoricals (a column of another type is read as it is)
        names = pq.ParquetFile(path).schema_arrow.names if coded else []
        dictionary = [n for n in coded if names.count(n) == 1]
        frame = pq.ParquetFile(path, read_dictionary=dictionary or None).read().to_pandas(
            split_blocks=True, self_destruct=True)
    except Exception as exc:
        reason = _first_line(exc, path)
        log.add(path.name, None, None, f"a file that cannot be read as Parquet ({reason})", "a Parquet file")
        return None
    if isinstance(frame.columns, pd.MultiIndex) or frame.columns.duplicated().any():
        log.add(path.name, 1, None, "repeated or nested column names", "one column per name")
        return None
    frame = frame.reset_index(drop=True)
    return RawTable(path.stem, path.name, _with_sheet_rows(frame))


def _first_line(exc: BaseException, path: Path | None = None) -> str:
    """The reader's own explanation, one line, with the file's full path cut down to its name."""
    message = str(exc)
    if path is not None:
        for spelling in (str(path.resolve()), str(path)):
            message = message.replace(spelling, path.name)
    text = message.strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:120]


#: A sheet larger than Excel itself allows, or with more cells than any real dataset here, is refused before
#: its cells are read (a crafted workbook cannot make validation run for minutes).
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_CELLS = 30_000_000


class _Workbook:
    """The folder's one .xlsx workbook (read with calamine), opened only when a table is not found as CSV or Parquet."""

    def __init__(self, paths: list[Path], log: ProblemLog) -> None:
        self._paths = paths
        self._log = log
        self._book: Any = None
        self._opened = False
        self._pool: Any = None
        self._ahead: dict[str, Any] = {}

    def _open(self) -> Any:
        if self._opened:
            return self._book
        self._opened = True
        if len(self._paths) > 1:
            self._log.add(
                self._paths[0].name,
                None,
                None,
                f"{len(self._paths)} workbooks: {', '.join(p.name for p in self._paths)}",
                "at most one .xlsx workbook in the dataset folder",
            )
            return None
        if not self._paths:
            return None
        from python_calamine import CalamineWorkbook

        try:
            self._book = CalamineWorkbook.from_path(str(self._paths[0]))
        except Exception as exc:
            reason = _first_line(exc, self._paths[0])
            self._log.add(self._paths[0].name, None, None, f"a file that cannot be opened ({reason})", "an .xlsx workbook")
        return self._book

    @property
    def label(self) -> str:
        return self._paths[0].name if self._paths else ""

    def holding(self, name: str) -> str | None:
        """The workbook's file name when it has a sheet for this table."""
        book = self._open() if self._paths else None
        return self.label if book is not None and name in book.sheet_names else None

    def read_ahead(self, names: list[str]) -> None:
        """Start parsing these sheets now, each in a thread of its own (calamine parses without holding
        Python's lock, so the two large sheets of a dataset are parsed at once); `read` takes the result."""
        if len(names) < 2:
            return
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1))
        self._ahead = {name: self._pool.submit(_parse_sheet, self._paths[0], name) for name in names}

    def read(self, name: str) -> RawTable | None:
        label = f"{self.label} (sheet {name})"
        ahead = self._ahead.pop(name, None)
        try:
            height, width, cells = ahead.result() if ahead is not None else _parse_sheet(self._paths[0], name)
        except Exception as exc:
            self._log.add(label, None, None, f"a sheet that cannot be read ({_first_line(exc, self._paths[0])})",
                          "a worksheet of plain cells")
            return None
        if cells is None:
            self._log.add(label, None, None, f"{height:,} rows × {width:,} columns",
                          f"at most {MAX_SHEET_ROWS:,} rows and {MAX_SHEET_CELLS:,} cells (save a large "
                          "table as CSV or Parquet instead)")
            return None
        rows = iter(cells)
        header = next(rows, None)
        if not header or all(v is None or (isinstance(v, str) and not v.strip()) for v in header):
            self._log.add(label, 1, None, "an empty sheet", "a header row naming the columns")
            return None
        width = len(header)
        body = list(rows)
        # column by column: a text cell is kept as it is, any other cell becomes the text a CSV export holds
        cells = list(zip(*body))[:width] if body else []
        cells += [()] * (width - len(cells))
        frame = pd.DataFrame({i: [v if type(v) is str else _cell_text(v) for v in column]
                              for i, column in enumerate(cells)}, dtype=str)
        frame.columns = [("" if h is None else str(h)) for h in header]
        frame.index = pd.RangeIndex(2, len(body) + 2)
        if len(frame):  # rows with nothing in them are skipped, as in a CSV file
            blank = (frame.apply(lambda col: col.str.strip()) == "").all(axis=1)
            if blank.any():
                frame = frame[~blank.to_numpy()]
            frame.index = pd.Index(frame.index, dtype="int64")
        frame.columns = [str(c).replace("\ufeff", "").strip() for c in frame.columns]
        if _repeated_columns(label, list(frame.columns), self._log):
            return None
        return RawTable(name, label, frame)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._book is not None:
            self._book.close()
            self._book = None


def _parse_sheet(path: Path, name: str) -> tuple[int, int, list[list[Any]] | None]:
    """(rows, columns, every cell from A1) of one sheet, read from its own handle on the workbook (so that
    sheets can be parsed in threads at once); the cells are None for a sheet over the size limits, which is
    refused before its cells are read. Empty cells read as ""; the row numbers are the spreadsheet's."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        sheet = book.get_sheet_by_name(name)
        height, width = sheet.height, sheet.width
        if height > MAX_SHEET_ROWS or height * width > MAX_SHEET_CELLS:
            return height, width, None
        return height, width, sheet.to_python(skip_empty_area=False)
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    """A workbook cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value)
