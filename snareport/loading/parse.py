"""Raw column (text or already typed) → typed column plus masks of blank and unreadable cells.

Text work is done with Arrow compute kernels over the whole column (no Python loop per cell), so
checking a few hundred thousand rows takes a fraction of a second.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api import types as ptypes

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
_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' default "str" dtype


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
    return pd.Series(array.to_pandas(types_mapper=lambda _: _STR).array, index=index)


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
