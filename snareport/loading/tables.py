"""RawTable × contract → typed DataFrame (spreadsheet-row index kept) and a problem per bad cell.

Each column is parsed whole (text or already typed → typed values plus masks of blank and unreadable
cells) with Arrow compute kernels, no Python loop per cell, so checking a few hundred thousand rows takes
a fraction of a second; then every unreadable or blank required cell is logged with its row and column.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api import types as ptypes

from snareport.dataset import coded_text
from snareport.loading.files import RawTable
from snareport.loading.problems import ProblemLog, shown
from snareport.loading.schema import Column, Table

# Cell texts read as "no value" in every column (compared ignoring case).
BLANK_MARKERS = ("", "na", "n/a", "nan", "none", "null", "<na>", "nat")
TRUE_WORDS = ("true", "1", "yes")
FALSE_WORDS = ("false", "0", "no")
LARGEST_WHOLE = 2**53

_DATE = r"\d{4}-\d{2}-\d{2}"
_ISO_DATETIME = rf"^{_DATE}(?:[ T]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d{{1,9}})?)?)?$"
_MONTH = r"^\d{4}-\d{2}$"
_FIRST_OF_MONTH = r"^\d{4}-\d{2}-01(?:[ T]00:00(?::00(?:\.0+)?)?)?$"
_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
_GROUPED_NUMBER = r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"
STR = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' default "str" dtype


@dataclass
class Parsed:
    """A typed column; ``blank`` marks empty cells, ``bad`` marks non-empty cells that could not be read."""

    values: pd.Series
    blank: pd.Series
    bad: pd.Series


def _cell_text(value: Any) -> str | None:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.isoformat(sep=" ")
    return str(value)


def text_array(raw: pd.Series) -> pa.Array:
    """Any column as trimmed Arrow text; blanks and the usual null markers become nulls."""
    if isinstance(raw.array, pd.arrays.ArrowStringArray):
        array = pa.array(raw.array)
    else:
        array = pa.array([_cell_text(v) for v in raw.to_numpy(dtype=object)], type=pa.large_string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if array.type != pa.large_string():
        array = array.cast(pa.large_string())
    array = pc.utf8_trim_whitespace(array)
    blank = pc.fill_null(pc.is_in(pc.utf8_lower(array), value_set=pa.array(BLANK_MARKERS)), True)
    return pc.if_else(blank, pa.scalar(None, array.type), array)


def _mask(array: pa.Array, index: pd.Index) -> pd.Series:
    """An Arrow boolean array (nulls as False) as a pandas bool Series."""
    return pd.Series(pc.fill_null(array, False).to_numpy(zero_copy_only=False), index=index)


def _str_series(array: pa.Array, index: pd.Index) -> pd.Series:
    return pd.Series(array.to_pandas(types_mapper=lambda _: STR).array, index=index)


def parse_text(raw: pd.Series) -> Parsed:
    text = text_array(raw)
    blank = _mask(pc.is_null(text), raw.index)
    return Parsed(_str_series(text, raw.index), blank, pd.Series(False, index=raw.index))


def _fold_array(text: pa.Array) -> pa.Array:
    """Case-folded, en dash as hyphen, runs of white space as one space."""
    text = pc.replace_substring(text, "–", "-")
    return pc.utf8_lower(pc.replace_substring_regex(text, r"\s+", " "))


def parse_choice(raw: pd.Series, allowed: tuple[str, ...] | list[str]) -> Parsed:
    """Match case-insensitively (and en dash as hyphen, runs of spaces as one) to the allowed spelling."""
    text = text_array(raw)
    keys = [" ".join(a.replace("–", "-").split()).lower() for a in allowed]
    distinct = pc.dictionary_encode(text)  # checked once per distinct text, then spread to the rows
    found = pc.index_in(_fold_array(distinct.dictionary), value_set=pa.array(keys, type=pa.large_string()))
    position = pc.take(found, distinct.indices)
    values = pc.take(pa.array(list(allowed), type=pa.large_string()), position)
    blank = pc.is_null(text)
    bad = pc.and_(pc.is_null(position), pc.invert(blank))
    return Parsed(_str_series(values, raw.index), _mask(blank, raw.index), _mask(bad, raw.index))


def parse_bool(raw: pd.Series) -> Parsed:
    if ptypes.is_bool_dtype(raw.dtype):
        blank = raw.isna()
        return Parsed(raw.fillna(False).astype(bool), blank, pd.Series(False, index=raw.index))
    if ptypes.is_numeric_dtype(raw.dtype):  # 1 / 0 from a numeric column
        number = raw.astype("float64")
        blank = number.isna()
        return Parsed(number == 1, blank, ~blank & ~number.isin([0.0, 1.0]))
    folded = pc.utf8_lower(text_array(raw))
    truthy = pc.is_in(folded, value_set=pa.array(TRUE_WORDS))
    falsy = pc.is_in(folded, value_set=pa.array(FALSE_WORDS))
    blank = _mask(pc.is_null(folded), raw.index)
    truthy_mask = _mask(truthy, raw.index)
    bad = ~(truthy_mask | _mask(falsy, raw.index)) & ~blank
    return Parsed(truthy_mask, blank, bad)


def _numbers(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Float values (NaN where blank or unreadable) and the blank mask, for typed or text input."""
    if ptypes.is_numeric_dtype(raw.dtype) and not ptypes.is_bool_dtype(raw.dtype):
        values = raw.astype("float64")
        return values, values.isna()
    text = text_array(raw)
    grouped = pc.fill_null(pc.match_substring_regex(text, _GROUPED_NUMBER), False)
    text = pc.if_else(grouped, pc.replace_substring(text, ",", ""), text)
    number_like = pc.fill_null(pc.match_substring_regex(text, _NUMBER), False)
    candidates = pc.if_else(number_like, text, pa.scalar(None, text.type))
    values = pd.to_numeric(_str_series(candidates, raw.index), errors="coerce").astype("float64")
    return values, _mask(pc.is_null(text), raw.index)


def parse_number(
    raw: pd.Series, minimum: float | None, maximum: float | None, whole: bool, nullable: bool = False
) -> Parsed:
    """Numbers within bounds: nullable Float64 when ``nullable`` (whole numbers only when ``whole``: an age
    of 17.5 is a problem); else int64 when ``whole``; else float64."""
    values, blank = _numbers(raw)
    with np.errstate(invalid="ignore"):
        ok = pd.Series(np.isfinite(values.to_numpy()), index=raw.index)
        if minimum is not None:
            ok &= values >= minimum
        if maximum is not None:
            ok &= values <= maximum
        if whole:
            ok &= (values % 1 == 0) & (values.abs() < LARGEST_WHOLE)
    bad = ~ok & ~blank
    values = values.where(ok)
    if nullable:
        return Parsed(values.astype("Float64"), blank, bad)
    if whole:
        return Parsed(values.fillna(0).astype("int64"), blank, bad)
    return Parsed(values.fillna(0.0).astype("float64"), blank, bad)


def _first_day_of(months: pa.Array) -> pa.Array:
    """"YYYY-MM" → "YYYY-MM-01"."""
    return pc.binary_join_element_wise(months, pa.scalar("-01", pa.large_string()), pa.scalar("", pa.large_string()))


def _to_datetimes(text: pa.Array, index: pd.Index) -> pd.Series:
    return pd.to_datetime(_str_series(text, index), format="ISO8601", errors="coerce").astype("datetime64[ns]")


def _typed_datetimes(raw: pd.Series) -> pd.Series:
    values = raw
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert("Europe/London").dt.tz_localize(None)
    return values.astype("datetime64[ns]")


def parse_datetime(raw: pd.Series, allow_month: bool) -> tuple[Parsed, pd.Series]:
    """ISO dates/datetimes (naive, local). Returns the parsed column and a mask of month-only cells."""
    nothing = pd.Series(False, index=raw.index)
    if ptypes.is_datetime64_any_dtype(raw.dtype):
        return Parsed(_typed_datetimes(raw), raw.isna(), nothing), nothing
    text = text_array(raw)
    full = pc.fill_null(pc.match_substring_regex(text, _ISO_DATETIME), False)
    month_only = pc.fill_null(pc.match_substring_regex(text, _MONTH), False)
    if allow_month:
        text = pc.if_else(month_only, _first_day_of(text), text)
        readable = pc.or_(full, month_only)
    else:
        readable = full
    values = _to_datetimes(pc.if_else(readable, text, pa.scalar(None, text.type)), raw.index)
    blank = _mask(pc.is_null(text), raw.index)
    bad = values.isna() & ~blank
    return Parsed(values, blank, bad), _mask(month_only, raw.index) & ~bad


def parse_month(raw: pd.Series) -> Parsed:
    """YYYY-MM (or a date on the first of the month, as a workbook stores it) → first day of the month."""
    if ptypes.is_datetime64_any_dtype(raw.dtype):
        values = _typed_datetimes(raw)
        bad = values.notna() & (values != values.dt.to_period("M").dt.to_timestamp())
        return Parsed(values.where(~bad), raw.isna(), bad)
    text = text_array(raw)
    month = pc.fill_null(pc.match_substring_regex(text, _MONTH), False)
    first_day = pc.fill_null(pc.match_substring_regex(text, _FIRST_OF_MONTH), False)
    text = pc.if_else(month, _first_day_of(text), text)
    values = _to_datetimes(pc.if_else(pc.or_(month, first_day), text, pa.scalar(None, text.type)), raw.index)
    blank = _mask(pc.is_null(text), raw.index)
    return Parsed(values, blank, values.isna() & ~blank)


def parse_by_category(raw: pd.Series, parse: Callable[[pd.Series], Parsed]) -> Parsed:
    """A categorical column (text read from Parquet as a dictionary) parsed once per distinct value and spread to
    its rows by their codes (a missing code is a blank cell). Its values are a categorical of the parsed values
    some row has, sorted: how the loader codes low-cardinality text (``loader.CODED_TEXT``)."""
    parsed = parse(pd.Series(raw.cat.categories))
    codes = raw.cat.codes.to_numpy()

    def spread(per_category: pd.Series, missing: bool) -> pd.Series:   # code -1 takes the last slot: missing
        return pd.Series(np.append(per_category.to_numpy(dtype=bool), missing)[codes], index=raw.index)

    values = coded_text(codes, parsed.values.to_numpy(dtype=object, na_value=None), STR)
    return Parsed(pd.Series(values, index=raw.index), spread(parsed.blank, True), spread(parsed.bad, False))


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


def type_table(raw: RawTable, table: Table, context: TypingContext, log: ProblemLog,
               coded: Collection[str] = ()) -> TypedTable:
    """Type every contract column present; log missing columns and every unreadable or blank required cell.

    Each raw column is dropped from ``raw.frame`` once typed, so the raw and typed copies of a large
    table are not both held in memory. A categorical text column (read from Parquet as a dictionary) is
    typed once per distinct value, and stays categorical when it is one of the ``coded`` columns (plain text
    otherwise).
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
        uncoded = isinstance(parsed.values.dtype, pd.CategoricalDtype) and column.name not in coded
        typed[column.name] = parsed.values.astype(STR) if uncoded else parsed.values
        usable.add(column.name)
        del frame[column.name], parsed
    result = pd.DataFrame(typed, index=frame.index)
    return TypedTable(table.name, raw.label, result, usable, month_only)


def _parse(raw: pd.Series, column: Column, context: TypingContext) -> tuple[Parsed, pd.Series | None]:
    kind = column.kind
    if kind in ("text", "enum", "district") and isinstance(raw.dtype, pd.CategoricalDtype):
        return parse_by_category(raw, lambda values: _parse(values, column, context)[0]), None
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
