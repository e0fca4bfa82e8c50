"""Known answers for calculators/geography.py on tiny hand-built data."""
from __future__ import annotations

import pytest
from calc_fixtures import dataset, harm_weights, offences, people, population

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


def test_rates_per_1000_of_the_cohorts_ages_ranked_by_rate_and_by_count():
    # current window volume scores: A 1, B 2, C 0. Under-25 residents (bands 0-9, 10-17, 18-24; the 25+ band
    # is not the cohort's): A 100 + 150 = 250 → 4.0 per 1,000; B 1,000 → 2.0; C 500 → 0.0
    pop = population([("A", "0-9", 2021, 100), ("A", "18-24", 2021, 150), ("A", "25+", 2021, 9000),
                      ("B", "10-17", 2021, 1000), ("B", "25+", 2021, 5000), ("C", "18-24", 2021, 500)])
    data = _data()
    s = geography.calculate(prepare(dataset(data.offences, data.people, harm_weights=data.harm_weights,
                                            population=pop)), Scope())
    by = {d.district: d for d in s.districts}
    assert {d: (by[d].population, by[d].rate_per_1000) for d in by} == {"A": (250, 4.0), "B": (1000, 2.0),
                                                                       "C": (500, 0.0)}
    assert {d: (by[d].rank, by[d].rate_rank) for d in by} == {"B": (1, 2), "A": (2, 1), "C": (3, 3)}
    assert s.population_year == 2021


def test_without_a_population_table_there_are_no_rates():
    s = geography.calculate(prepare(_data()), Scope())
    assert s.population_year is None and all(d.rate_per_1000 is None and d.rate_rank is None for d in s.districts)
