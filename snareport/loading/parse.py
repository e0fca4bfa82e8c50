"""Raw column (text or already typed) → typed column plus masks of blank and unreadable cells (vectorised)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

# Cell texts read as "no value" in every column.
BLANK_MARKERS = frozenset({"", "na", "n/a", "nan", "none", "null", "<na>", "nat"})
TRUE_WORDS = frozenset({"true", "1", "yes"})
FALSE_WORDS = frozenset({"false", "0", "no"})
LARGEST_WHOLE = 2**53

_DATE = r"\d{4}-\d{2}-\d{2}"
_ISO_DATETIME = _DATE + r"(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?"
_MONTH = r"\d{4}-\d{2}"
_FIRST_OF_MONTH = r"\d{4}-\d{2}-01(?:[ T]00:00(?::00(?:\.0+)?)?)?"


@dataclass
class Parsed:
    """A typed column; ``blank`` marks empty cells, ``bad`` marks non-empty cells that could not be read."""

    values: pd.Series
    blank: pd.Series
    bad: pd.Series


def as_text(raw: pd.Series) -> pd.Series:
    """Any column as stripped text, blanks (and the usual null markers) as ""."""
    if ptypes.is_string_dtype(raw.dtype) and not ptypes.is_object_dtype(raw.dtype):
        text = raw.fillna("")
    else:
        text = raw.map(lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA
                       or v is pd.NaT else str(v)).astype(str)
    text = text.str.strip()
    return text.where(~text.str.casefold().isin(BLANK_MARKERS), "")


def _nothing_bad(raw: pd.Series) -> pd.Series:
    return pd.Series(False, index=raw.index)


def parse_text(raw: pd.Series) -> Parsed:
    text = as_text(raw)
    blank = text == ""
    return Parsed(text.where(~blank, None).astype("str"), blank, _nothing_bad(raw))


def parse_choice(raw: pd.Series, allowed: tuple[str, ...] | list[str]) -> Parsed:
    """Match case-insensitively (and en dash as hyphen, runs of spaces as one) to the allowed spelling."""
    text = as_text(raw)
    blank = text == ""
    canonical = {_fold(a): a for a in allowed}
    folded = text.str.replace("–", "-", regex=False).str.replace(r"\s+", " ", regex=True).str.casefold()
    values = folded.map(canonical)
    bad = values.isna() & ~blank
    return Parsed(values.astype("str"), blank, bad)


def _fold(value: str) -> str:
    return " ".join(value.replace("–", "-").split()).casefold()


def parse_bool(raw: pd.Series) -> Parsed:
    if ptypes.is_bool_dtype(raw.dtype):
        blank = raw.isna()
        return Parsed(raw, blank, _nothing_bad(raw))
    text = as_text(raw).str.casefold()
    blank = text == ""
    truthy, falsy = text.isin(TRUE_WORDS), text.isin(FALSE_WORDS)
    if ptypes.is_numeric_dtype(raw.dtype):  # 1.0 / 0.0 from a numeric column
        number = pd.to_numeric(raw, errors="coerce")
        truthy, falsy = truthy | (number == 1), falsy | (number == 0)
    return Parsed(truthy.astype(bool), blank, ~(truthy | falsy) & ~blank)


def _numbers(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Float values and the blank mask, for typed or text input."""
    if ptypes.is_numeric_dtype(raw.dtype) and not ptypes.is_bool_dtype(raw.dtype):
        values = raw.astype("float64")
        return values, raw.isna()
    text = as_text(raw)
    blank = text == ""
    grouped = text.str.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
    text = text.where(~grouped, text.str.replace(",", "", regex=False))
    return pd.to_numeric(text.where(~blank, None), errors="coerce").astype("float64"), blank


def parse_number(
    raw: pd.Series, minimum: float | None, maximum: float | None, whole: bool, nullable: bool = False
) -> Parsed:
    """Numbers within bounds: int64 when ``whole``; nullable Float64 when ``nullable``; else float64."""
    values, blank = _numbers(raw)
    finite = np.isfinite(values.to_numpy(dtype="float64", na_value=np.nan))
    ok = pd.Series(finite, index=raw.index)
    if minimum is not None:
        ok &= values >= minimum
    if maximum is not None:
        ok &= values <= maximum
    if whole:
        ok &= (values % 1 == 0) & (values.abs() < LARGEST_WHOLE)
    bad = ~ok & ~blank
    values = values.where(ok)
    if whole:
        return Parsed(values.fillna(0).astype("int64"), blank, bad)
    if nullable:
        return Parsed(values.astype("Float64"), blank, bad)
    return Parsed(values.fillna(0.0).astype("float64"), blank, bad)


def parse_datetime(raw: pd.Series, allow_month: bool) -> tuple[Parsed, pd.Series]:
    """ISO dates/datetimes (naive, local). Returns the parsed column and a mask of month-only cells."""
    if ptypes.is_datetime64_any_dtype(raw.dtype):
        values = raw
        if getattr(values.dt, "tz", None) is not None:
            values = values.dt.tz_convert("Europe/London").dt.tz_localize(None)
        return Parsed(values.astype("datetime64[ns]"), raw.isna(), _nothing_bad(raw)), _nothing_bad(raw)
    text = as_text(raw)
    blank = text == ""
    full = text.str.fullmatch(_ISO_DATETIME)
    month_only = text.str.fullmatch(_MONTH)
    readable = full | (month_only & allow_month)
    source = text.where(full, text + "-01")
    values = pd.to_datetime(source.where(readable & ~blank, None), format="ISO8601", errors="coerce")
    bad = values.isna() & ~blank
    return Parsed(values.astype("datetime64[ns]"), blank, bad), month_only & ~bad


def parse_month(raw: pd.Series) -> Parsed:
    """YYYY-MM (or a date on the first of the month, as a workbook stores it) → first day of the month."""
    if ptypes.is_datetime64_any_dtype(raw.dtype):
        values = raw.astype("datetime64[ns]")
        bad = values.notna() & (values != values.dt.to_period("M").dt.to_timestamp())
        return Parsed(values.where(~bad), raw.isna(), bad)
    text = as_text(raw)
    blank = text == ""
    month = text.str.fullmatch(_MONTH)
    readable = month | text.str.fullmatch(_FIRST_OF_MONTH)
    source = text.where(~month, text + "-01")
    values = pd.to_datetime(source.where(readable & ~blank, None), format="ISO8601", errors="coerce")
    bad = values.isna() & ~blank
    return Parsed(values.astype("datetime64[ns]"), blank, bad)
