"""Dated tables × ReportConfig → period gaps: the months of each named period a table does not cover.

A period's figures are only comparable when the table feeding them covers every month of it: three
months of NHS lag at the end of a rolling window would otherwise pass as a 25% fall. The loader turns
each gap into a problem (a ``DataError`` naming the period, the table and the missing months) unless
report.yaml sets ``allow_partial_periods: true``; then the gaps travel with the dataset, monthly averages
use the months present and the report prints which months are missing.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from snareport.config import Period, ReportConfig
from snareport.dataset import PeriodGap


def period_months(period: Period) -> list[dt.date]:
    """The first day of every calendar month the period touches, in order."""
    first = period.start.year * 12 + period.start.month - 1
    last = period.end.year * 12 + period.end.month - 1
    return [dt.date(m // 12, m % 12 + 1, 1) for m in range(first, last + 1)]


def months_present(dates: pd.Series) -> set[dt.date]:
    """The calendar months (first day) the table covers: every month from its first dated row to its last.

    A month inside that span with no rows is a month with nothing recorded (a quiet district, a small
    table), not missing data; months before the first row or after the last one are not covered — the
    shape of an extract that stops early or of NHS data still to come.
    """
    values = pd.to_datetime(dates.dropna())
    if values.empty:
        return set()
    keys = values.dt.year.to_numpy() * 12 + values.dt.month.to_numpy() - 1
    first, last = int(np.min(keys)), int(np.max(keys))
    return {dt.date(k // 12, k % 12 + 1, 1) for k in range(first, last + 1)}


def periods_fed(config: ReportConfig) -> dict[str, list[str]]:
    """Which named periods each dated table feeds: offences every compared period, admissions the
    rolling pair (the admissions figures)."""
    compared = list(dict.fromkeys(n for _, names in config.comparisons if names for n in names))
    return {"offences": compared, "hospital_admissions": list(config.comparisons.rolling)}


def period_gaps(config: ReportConfig, present: dict[str, set[dt.date]]) -> list[PeriodGap]:
    """Every (table, period) whose months are not all present; ``present`` maps a table to its months."""
    gaps = []
    for table, names in periods_fed(config).items():
        if table not in present:
            continue
        for name in names:
            period = config.periods[name]
            months = period_months(period)
            missing = tuple(m for m in months if m not in present[table])
            if missing:
                gaps.append(PeriodGap(table=table, period=name, label=period.label, missing=missing,
                                      months=len(months)))
    return gaps
