"""Known answers for the words the main-period section states: the busiest month of the trend."""
from __future__ import annotations

import datetime as dt

from snareport.calculators.latest_year import busiest_month
from snareport.models.latest_year import MonthCount


def _trend(*counts: int | None) -> list[MonthCount]:
    return [MonthCount(month=dt.date(2025, i + 1, 1), count=c, suppressed=c is None) for i, c in enumerate(counts)]


def test_the_busiest_month_is_the_largest_count_and_the_earliest_of_a_tie():
    assert busiest_month(_trend(4, 9, 7)).month == dt.date(2025, 2, 1)
    tie = busiest_month(_trend(4, 9, 9))
    assert (tie.month, tie.count) == (dt.date(2025, 2, 1), 9)


def test_the_busiest_month_is_named_among_published_counts_only():
    assert busiest_month(_trend(None, 6, 8)).count == 8
    assert busiest_month(_trend(None, 0, 0)) is None       # a withheld month could be the busiest
    assert busiest_month(_trend(0, 0)) is None              # nothing to name
    assert busiest_month([]) is None
