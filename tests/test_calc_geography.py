"""Known answers for calculators/geography.py on tiny hand-built data."""
from __future__ import annotations

import pytest
from calc_fixtures import dataset, harm_weights, offences, people

from snareport.calculators import geography
from snareport.calculators.prepare import prepare
from snareport.scope import Scope

VWI = "Violence with injury"


def _data():
    rows, ppl = [], []

    def add(oid, when, district, otype, age):
        rows.append((oid, when, district, VWI, otype, False, None))
        ppl.append((oid, oid + "-v", "victim", age, "male"))

    # windows: W1 Oct22–Sep23, W2 Oct23–Sep24, W3 Oct24–Sep25
    # A: volume 3 → 2 → 1 (falling); harm 30 → 20 → 10
    for i, w in enumerate(["2022-11-01", "2022-12-01", "2023-01-01", "2023-11-01", "2023-12-01", "2024-11-01"]):
        add(f"a{i}", w + " 12:00", "A", "T10", 20)
    # B: volume 1 → 1 → 2 (rose 100%); harm 10 → 10 → 110 (rose)
    for i, (w, t) in enumerate([("2022-11-01", "T10"), ("2023-11-01", "T10"), ("2024-11-01", "T10"),
                                ("2024-12-01", "T100")]):
        add(f"b{i}", w + " 12:00", "B", t, 24)
    # C: one 30-year-old (not in cohort) and one unknown age → volume 0 everywhere
    add("c0", "2024-11-01 12:00", "C", "T100", 30)
    add("c1", "2024-11-02 12:00", "C", "T100", None)
    hw = harm_weights([("T10", 10.0, "x"), ("T100", 100.0, "x")])
    return dataset(offences(rows), people(ppl), harm_weights=hw)


def test_scores_ranks_and_changes():
    s = geography.calculate(prepare(_data()), Scope())
    by = {d.district: d for d in s.districts}
    assert [d.district for d in s.districts] == ["B", "A", "C"]       # B: 2 (harm 110) beats A: 1
    assert by["A"].volume_by_window == [3, 2, 1] and by["A"].volume_direction == "falling"
    assert by["A"].volume.change_pct == pytest.approx(-50.0)
    assert by["B"].volume.change_pct == pytest.approx(100.0)
    assert by["B"].harm.change_pct == pytest.approx(1000.0)
    assert by["B"].volume_direction == "mixed"
    assert by["C"].volume.change_pct is None                          # 0 → 0: undefined
    assert (by["A"].previous_rank, by["B"].previous_rank) == (1, 2)
    assert s.volume_rose == ["B"] and s.harm_rose == ["B"]
    assert s.top == ["B", "A", "C"] and s.previous_top == ["A", "B", "C"]
    assert (s.county_volume.previous, s.county_volume.current) == (3, 3)


def test_district_scope_has_focus_with_rank_and_county():
    s = geography.calculate(prepare(_data()), Scope("A"))
    assert s.focus.district == "A" and s.focus.rank == 2 and s.rank_of == 3
    assert s.county_volume.current == 3


def test_direction_rules():
    assert geography.direction([3, 2, 1]) == "falling"
    assert geography.direction([1, 2, 3]) == "rising"
    assert geography.direction([1, 1, 0]) == "mixed"


def test_without_harm_weights_volume_still_computed():
    ds = _data()
    ds.harm_weights = None
    ds.available = ds.available - {"harm_weights"}
    s = geography.calculate(prepare(ds), Scope())
    assert s.county_harm is None and {d.district: d.volume.current for d in s.districts}["B"] == 2
    assert all(d.harm.change_pct is None for d in s.districts)


def test_without_third_window_direction_uses_two():
    from calc_fixtures import config

    ds = _data()
    ds.config = config(comparisons={"year_on_year": ["previous_year", "current_year"],
                                    "two_year": ["baseline_year", "current_year"],
                                    "rolling": ["previous_window", "current_window"]})
    s = geography.calculate(prepare(ds), Scope())
    by = {d.district: d for d in s.districts}
    assert by["A"].volume_by_window == [2, 1] and by["B"].volume_direction == "rising"
