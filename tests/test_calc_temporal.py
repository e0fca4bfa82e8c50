"""Known answers for calculators/temporal.py on tiny hand-built data."""
from __future__ import annotations

import datetime as dt

import numpy as np
from calc_fixtures import config, dataset, offences, people

from snareport.calculators import temporal
from snareport.calculators.prepare import prepare
from snareport.scope import Scope


def test_peak_windows_like_the_report():
    grid = np.zeros((7, 24), dtype=int)
    grid[0:5, 15:17] = 10          # every weekday 3pm–5pm
    grid[4, 17] = 8                # Friday 5pm–6pm
    grid[4, 23] = 9                # Friday 11pm–midnight
    grid[5:7, 0] = 10              # Saturday & Sunday midnight–1am
    grid[2, 9] = 7                 # below 75% of 10: not a peak
    labels = [w.label for w in temporal.peak_windows(grid, 0.75)]
    assert labels == ["weekdays 3pm–5pm", "Fridays 5pm–6pm", "Fridays 11pm–midnight",
                      "Saturday & Sunday midnight–1am"]


def test_peak_cells_are_the_cells_at_the_peak_share_busiest_first():
    grid = np.zeros((7, 24), dtype=int)
    grid[4, 15] = 10               # Friday 3pm: the busiest
    grid[0, 15] = grid[5, 2] = 8   # Monday 3pm and Saturday 2am: at 80%, ties Monday first
    grid[2, 9] = 7                 # below 75% of 10
    cells = [(c.day, c.start_hour, c.end_hour, c.count) for c in temporal.peak_cells(grid, 0.75)]
    assert cells == [(4, 15, 16, 10), (0, 15, 16, 8), (5, 2, 3, 8)]
    banded = temporal.peak_cells(grid.reshape(7, 6, 4).sum(axis=2), 0.75, band_hours=4)
    assert [(c.day, c.start_hour, c.end_hour, c.count) for c in banded] == [(4, 12, 16, 10), (0, 12, 16, 8),
                                                                             (5, 0, 4, 8)]
    assert temporal.peak_cells(np.zeros((7, 24), dtype=int), 0.75) == []


def test_empty_grid_has_no_peaks():
    assert temporal.peak_windows(np.zeros((7, 24), dtype=int), 0.75) == []


HOURLY = config(definitions={"time_band_hours": [1]})   # hour by hour, however few the offences


def test_counts_by_weekday_and_hour_for_cohorts():
    # 2024-05-06 is a Monday
    off = offences([
        ("o1", "2024-05-06 15:30", "A", "V", "T", False, None),
        ("o2", "2024-05-06 15:10", "A", "V", "T", False, None),
        ("o3", "2024-05-11 23:59", "B", "V", "T", False, None),   # Saturday, 20-year-old only
        ("o4", "2023-05-06 15:30", "A", "V", "T", False, None),   # previous year: excluded
    ])
    assert dt.date(2024, 5, 6).weekday() == 0
    ppl = people([("o1", "a", "victim", 16, "male"), ("o2", "b", "suspect", 17, "male"),
                  ("o3", "c", "victim", 20, "male"), ("o4", "d", "victim", 16, "male")])
    s = temporal.calculate(prepare(dataset(off, ppl, cfg=HOURLY)), Scope())
    by = {c.cohort: c for c in s.cohorts}
    assert by["under_18"].band_hours == 1
    assert by["under_18"].counts[0][15] == 2 and by["under_18"].total == 2
    assert by["under_25"].counts[5][23] == 1 and by["under_25"].total == 3
    assert by["under_18"].summary == "Mondays 3pm–4pm"


def test_without_time_of_day_unavailable():
    off = offences([("o1", "2024-05-06 00:00", "A", "V", "T", False, None)])
    ds = dataset(off, people([("o1", "a", "victim", 16, "male")]),
                 available=frozenset({"offences", "people", "people.age"}))
    s = temporal.calculate(prepare(ds), Scope())
    assert s.available is False and "time_of_day" in s.unavailable_reason and s.cohorts == []


def test_district_peaks_have_the_whole_area_beside_them():
    # district B alone peaks on Saturday 11pm; the whole area on Monday 3pm (two offences)
    off = offences([
        ("o1", "2024-05-06 15:30", "A", "V", "T", False, None),
        ("o2", "2024-05-06 15:10", "A", "V", "T", False, None),
        ("o3", "2024-05-11 23:59", "B", "V", "T", False, None),
    ])
    ppl = people([("o1", "a", "victim", 16, "male"), ("o2", "b", "suspect", 17, "male"),
                  ("o3", "c", "victim", 16, "male")])
    ds = dataset(off, ppl, cfg=HOURLY)
    b = {c.cohort: c for c in temporal.calculate(prepare(ds), Scope("B")).cohorts}
    assert b["under_18"].summary == "Saturdays 11pm–midnight"
    assert b["under_18"].area_summary == "Mondays 3pm–4pm"
    assert temporal.calculate(prepare(ds), Scope()).cohorts[0].area_summary is None


def test_few_offences_are_counted_in_wider_time_bands():
    # 2 offences on Monday 15:10 and 15:30, 1 on Monday 13:00; with bands of 1 or 4 hours and an average
    # of at least 0.05 offences per cell, 3 / 168 = 0.018 is too few, 3 / 42 = 0.071 enough: 4-hour bands
    off = offences([("o1", "2024-05-06 15:30", "A", "V", "T", False, None),
                    ("o2", "2024-05-06 15:10", "A", "V", "T", False, None),
                    ("o3", "2024-05-06 13:00", "A", "V", "T", False, None)])
    ppl = people([("o1", "a", "victim", 16, "male"), ("o2", "b", "victim", 16, "male"),
                  ("o3", "c", "victim", 16, "male")])
    cfg = config(definitions={"time_band_hours": [1, 4], "time_band_min_average": 0.05})
    under_18 = temporal.calculate(prepare(dataset(off, ppl, cfg=cfg)), Scope()).cohorts[0]
    assert under_18.band_hours == 4 and len(under_18.counts[0]) == 6
    assert under_18.counts[0] == [0, 0, 0, 3, 0, 0]            # 12:00–16:00 holds all three
    assert under_18.summary == "Mondays midday–4pm"


def test_time_bands_must_divide_the_day():
    import pytest

    with pytest.raises(ValueError, match="divide the 24 hours"):
        config(definitions={"time_band_hours": [1, 5]})


def test_after_disclosure_peaks_are_named_from_published_cells_or_said_to_be_withheld():
    from snareport.disclosure.publish import _temporal

    def cohort(counts):
        return {"cohort": "under_18", "counts": counts, "band_hours": 1, "max_count": 0, "peak_threshold": 0.75,
                "peaks": [], "peak_cells": [], "summary": ""}

    busy = [[0] * 24 for _ in range(7)]
    busy[4][15], busy[4][16], busy[0][3] = 40, 30, None    # Friday 3pm 40, 4pm 30 (at 75%): published; one withheld
    small = [[0] * 24 for _ in range(7)]
    small[4][15], small[0][3] = 6, None                    # the peak line (4.5) is under the threshold (5)
    t = {"cohorts": [cohort(busy), cohort(small)]}
    _temporal(t, threshold=5)
    named, withheld = t["cohorts"]
    assert [(c["day"], c["start_hour"], c["count"]) for c in named["peak_cells"]] == [(4, 15, 40), (4, 16, 30)]
    assert named["summary"] == "Fridays 3pm–5pm" and named["peaks_withheld"] is False
    assert withheld["peak_cells"] == [] and withheld["summary"] == "" and withheld["peaks_withheld"] is True
