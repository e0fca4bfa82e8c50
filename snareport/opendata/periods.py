"""The months present in the data → named periods and comparisons for report.yaml.

The main period is the latest run of up to 12 consecutive months in the data (the last 12 months
when the files cover them). Year-on-year compares the longest run of up to 12 consecutive months
whose same months one year earlier are also present (the latest such run wins ties); nothing is
assumed about months that are not in the data.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from snareport.formatting import month_runs, period_label


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        year, month = text.split("-")
        return cls(int(year), int(month))

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Window:
    """An inclusive run of whole months."""

    first: Month
    last: Month

    def shift(self, months: int) -> Window:
        return Window(self.first.shift(months), self.last.shift(months))

    @property
    def label(self) -> str:
        """The report's one time format for these months ("January to April 2025", "year ending …")."""
        return period_label(self.first.first_day, self.last.last_day)

    def as_period(self) -> dict:
        return {"label": self.label, "start": self.first.first_day, "end": self.last.last_day}


def matching_windows(months: set[Month]) -> tuple[Window, Window]:
    """(previous, current): the best run of consecutive months present in two successive years.

    Raises ValueError when no month is present in two successive years.
    """
    best: tuple[int, Month] | None = None
    for end in sorted(months):
        length = 0
        while length < 12 and end.shift(-length) in months and end.shift(-length - 12) in months:
            length += 1
        if length and (best is None or (length, end) >= best):
            best = (length, end)
    if best is None:
        raise ValueError("no month appears in two successive years, so no year-on-year comparison is possible")
    length, end = best
    current = Window(end.shift(1 - length), end)
    return current.shift(-12), current


def main_window(months: set[Month]) -> Window:
    """The latest run of up to 12 consecutive months present, ending at the last month in the data."""
    last = max(months)
    length = 1
    while length < 12 and last.shift(-length) in months:
        length += 1
    return Window(last.shift(1 - length), last)


def month_span(first: Month, last: Month) -> list[Month]:
    """Every calendar month from ``first`` to ``last`` inclusive."""
    out, month = [], first
    while month <= last:
        out.append(month)
        month = month.shift(1)
    return out


def runs_label(months: list[Month]) -> str:
    """'January to April 2024 and January to December 2025': consecutive months as runs, in order ('' if none)."""
    return month_runs([m.first_day for m in months])


def earlier_window(months: set[Month], previous: Window) -> Window | None:
    """The same months one more year back, when all of them are present."""
    candidate = previous.shift(-12)
    month = candidate.first
    while month <= candidate.last:
        if month not in months:
            return None
        month = month.shift(1)
    return candidate


def periods_and_comparisons(month_texts: set[str]) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """report.yaml ``periods`` and ``comparisons`` for data covering these months (YYYY-MM).

    ``main_period`` is :func:`main_window`. Every comparison uses the matching-months pair. The three-period comparisons add the same
    months one more year back when the data covers them, and are left out otherwise.
    """
    months = {Month.parse(m) for m in month_texts}
    previous, current = matching_windows(months)
    periods = {"previous_period": previous.as_period(), "current_period": current.as_period(),
               "main_period": main_window(months).as_period()}
    pair = ["previous_period", "current_period"]
    comparisons: dict[str, list[str]] = {"year_on_year": pair, "two_year": pair, "rolling": pair}
    earliest = earlier_window(months, previous)
    if earliest is None:
        return periods, comparisons
    comparisons["three_year"] = comparisons["three_financial_years"] = ["earliest_period", *pair]
    return {"earliest_period": earliest.as_period(), **periods}, comparisons
