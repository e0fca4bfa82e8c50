"""RawTable × contract → typed DataFrame (spreadsheet-row index kept) and a problem per bad cell."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import pandas as pd

from snareport.loading.files import RawTable
from snareport.loading.parse import (
    Parsed,
    parse_bool,
    parse_choice,
    parse_datetime,
    parse_month,
    parse_number,
    parse_text,
)
from snareport.loading.problems import ProblemLog, shown
from snareport.loading.schema import Column, Table


@dataclass(frozen=True)
class TypingContext:
    """What typing needs from report.yaml: the districts (None when report.yaml is unusable) and absent fields."""

    districts: tuple[str, ...] | None
    fields_absent: frozenset[str] = field(default_factory=frozenset)

    def is_absent(self, column: Column) -> bool:
        return column.field is not None and column.field in self.fields_absent


@dataclass
class TypedTable:
    """A typed table; ``usable`` lists the columns that were present and typed (others must not be cross-checked)."""

    name: str
    label: str
    frame: pd.DataFrame
    usable: set[str]
    month_only_rows: pd.Series | None = None


def type_table(raw: RawTable, table: Table, context: TypingContext, log: ProblemLog) -> TypedTable:
    """Type every contract column present; log missing columns and every unreadable or blank required cell.

    Each raw column is dropped from ``raw.frame`` once typed, so the raw and typed copies of a large
    table are not both held in memory.
    """
    frame = raw.frame
    names = list(frame.columns)
    typed: dict[str, pd.Series] = {}
    usable: set[str] = set()
    month_only = None
    for column in table.columns:
        if context.is_absent(column):
            typed[column.name] = _absent_values(column, frame.index)
            continue
        if column.name not in frame.columns:
            if column.required:
                _log_missing_column(raw, column, log, names)
            typed[column.name] = _absent_values(column, frame.index)
            continue
        parsed, month_mask = _parse(frame[column.name], column, context)
        if month_mask is not None:
            month_only = month_mask
        allowed = column.values if column.kind == "enum" else (context.districts or ()) if column.kind == "district" \
            else ()
        _log_cells(raw, column, frame[column.name], parsed, log, tuple(allowed))
        typed[column.name] = parsed.values
        usable.add(column.name)
        del frame[column.name], parsed
    result = pd.DataFrame(typed, index=frame.index)
    return TypedTable(table.name, raw.label, result, usable, month_only)


def _parse(raw: pd.Series, column: Column, context: TypingContext) -> tuple[Parsed, pd.Series | None]:
    kind = column.kind
    if kind in ("id", "text"):
        return parse_text(raw), None
    if kind == "enum":
        return parse_choice(raw, column.values), None
    if kind == "district":
        if context.districts is None:
            return parse_text(raw), None
        return parse_choice(raw, context.districts), None
    if kind == "bool":
        return parse_bool(raw), None
    if kind in ("int", "float"):
        return parse_number(raw, column.minimum, column.maximum, kind == "int", column.nullable), None
    if kind == "datetime":
        return parse_datetime(raw, allow_month="offences.time_of_day" in context.fields_absent)
    if kind == "month":
        return parse_month(raw), None
    raise ValueError(f"unknown column kind {kind!r}")  # pragma: no cover — the schema is fixed


def _log_cells(raw: RawTable, column: Column, values: pd.Series, parsed: Parsed, log: ProblemLog,
               allowed: tuple[str, ...] = ()) -> None:
    bad = parsed.bad.to_numpy()
    if bad.any():
        describe = suggesting(allowed) if allowed else shown
        rows, found = values.index[bad], values[bad].tolist()
        if len(rows) > 1 and len(rows) == int((~parsed.blank).sum()):  # the whole column fails the same way
            log.add_summary(raw.label, column.name, f"every row is {_pattern(column, found)}", column.expected)
            log.add_every_row(raw.label, column.name, rows, found, column.expected, describe)
        else:
            log.add_rows(raw.label, column.name, rows, found, column.expected, describe=describe)
    if not column.nullable:
        blank = parsed.blank.to_numpy()
        if blank.any():
            rows = values.index[blank]
            log.add_rows(raw.label, column.name, rows, ["a blank cell"] * len(rows), column.expected, describe=str)


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def _pattern(column: Column, found: list) -> str:
    """What every value of a wholly failing column looks like: 'day-first (14/05/2024)' or 'like '…''."""
    texts = [str(v) for v in found[:1000]]
    if column.kind == "datetime" and all(_DAY_FIRST.match(t) for t in texts):
        return f"day-first ({texts[0].strip()})"
    return f"unreadable, e.g. {shown(found[0])}"


def suggesting(allowed: tuple[str, ...]):
    """A cell describer that adds "did you mean …?" when an allowed value is close (difflib)."""
    folded = {" ".join(a.split()).casefold(): a for a in allowed}

    def describe(value) -> str:
        text = shown(value)
        if not any(ch.isalpha() for ch in str(value)):  # codes such as age bands: '0-17' is not a typo of '10-17'
            return text
        near = difflib.get_close_matches(" ".join(str(value).split()).casefold(), list(folded), n=1, cutoff=0.6)
        return f"{text} (did you mean {folded[near[0]]!r}?)" if near else text

    return describe


def _log_missing_column(raw: RawTable, column: Column, log: ProblemLog, names: list[str]) -> None:
    near = [c for c in names if _squash(c) == _squash(column.name)]
    found = (
        f"a column headed {near[0]!r} instead of {column.name!r}"
        if near
        else f"no column {column.name!r} in the header"
    )
    log.add(raw.label, 1, column.name, found, f"a column named {column.name}: {column.expected}")


def _squash(name: str) -> str:
    return "".join(ch for ch in str(name).casefold() if ch.isalnum())


def _absent_values(column: Column, index: pd.Index) -> pd.Series:
    """The stand-in for a column the source does not provide (blank, or 'unknown' sex)."""
    if column.kind == "bool":
        return pd.Series(pd.NA, index=index, dtype="boolean")
    if column.kind == "float" or (column.kind == "int" and column.nullable):
        return pd.Series(pd.NA, index=index, dtype="Float64")
    if column.kind == "int":
        return pd.Series(0, index=index, dtype="int64")
    if column.kind in ("datetime", "month"):
        return pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    if column.name == "sex":
        return pd.Series("unknown", index=index, dtype="str")
    return pd.Series(None, index=index, dtype="str")
