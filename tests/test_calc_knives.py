"""Known answers for calculators/knives.py on tiny hand-built data."""
from __future__ import annotations

import pytest
from calc_fixtures import dataset, offences, people, population, unit_costs

from snareport.calculators import knives
from snareport.calculators.prepare import prepare
from snareport.scope import Scope

VWI, ROB = "Violence with injury", "Robbery of personal property"


def _data():
    off = offences([
        # previous year: under-25 knife injury ×3 (A, A, B), non-injury ×1 (C)
        ("p1", "2023-05-01 10:00", "A", VWI, "GBH", True, None),
        ("p2", "2023-05-02 10:00", "A", VWI, "GBH", True, None),
        ("p3", "2023-05-03 10:00", "B", "Homicide", "Murder", True, None),
        ("p4", "2023-05-04 10:00", "C", ROB, "Robbery", True, None),
        # current year: injury ×1 (B), non-injury ×2 (B, C), one not knife-enabled
        ("c1", "2024-05-01 10:00", "B", VWI, "GBH", True, None),
        ("c2", "2024-05-02 10:00", "B", ROB, "Robbery", True, None),
        ("c3", "2024-05-03 10:00", "C", ROB, "Robbery", True, None),
        ("c4", "2024-05-04 10:00", "A", VWI, "GBH", False, None),
    ])
    ppl = people([
        ("p1", "a", "victim", 20, "male"), ("p2", "b", "suspect", 16, "male"), ("p3", "c", "victim", 24, "male"),
        ("p4", "d", "suspect", 19, "male"),
        ("c1", "e", "suspect", 17, "male"), ("c1", "f", "victim", 30, "female"),
        ("c2", "g", "suspect", 18, "male"), ("c2", "h", "suspect", 18, "female"), ("c2", "i", "victim", None, "male"),
        ("c3", "j", "suspect", 40, "unknown"), ("c3", "k", "victim", 22, "female"),
        ("c4", "l", "victim", 15, "female"),
    ])
    costs = unit_costs([(VWI, 1000.0, "2015/16", "HO"), (VWI, 1500.0, "2024/25", "HO")])
    return dataset(off, ppl, unit_costs=costs)


def test_district_ranking_and_focus():
    s = knives.calculate(prepare(_data()), Scope())
    assert [(r.name, r.value, r.rank) for r in s.districts_of_concern] == [("B", 2, 1), ("C", 1, 2), ("A", 0, 3)]
    d = knives.calculate(prepare(_data()), Scope("C"))
    assert (d.focus.value, d.focus.county_value, d.focus.rank, d.focus.rank_of) == (1, 3, 2, 3)
    assert d.focus.district_mean == 1.0      # the average district: (A 0 + B 2 + C 1) / 3
    assert (d.knife_offences.previous, d.knife_offences.current) == (1, 1)


def test_under_25_injury_non_injury_and_minimum_saving():
    s = knives.calculate(prepare(_data()), Scope())
    assert (s.under_25_injury.previous, s.under_25_injury.current) == (3, 1)
    assert s.under_25_injury.change_pct == pytest.approx(-200 / 3)
    assert (s.under_25_non_injury.previous, s.under_25_non_injury.current) == (1, 2)
    assert s.minimum_saving_gbp == pytest.approx(2000.0)            # fall 2 × £1,000 at 2015/16
    # printed as an estimate to report.yaml's rounding (default £1,000), with its price base and source
    assert (s.minimum_price_year, s.minimum_saving_rounding_gbp) == ("2015/16", 1000)
    assert s.minimum_saving_source == "HO"


def test_ages_sexes_and_modal_suspect():
    s = knives.calculate(prepare(_data()), Scope())
    assert [(a.age, a.count) for a in s.age_distribution] == [(17, 1), (18, 2), (22, 1), (30, 1), (40, 1)]
    assert s.age_unknown == 1
    by = {c.label: c for c in s.suspect_sex}
    assert (by["male"].count, by["female"].count, s.suspect_sex_unknown) == (2, 1, 1)
    assert by["male"].share == pytest.approx(2 / 3)
    assert (s.modal_suspect_sex, s.modal_suspect_age_from, s.modal_suspect_age_to) == ("male", 17, 18)
    assert s.victim_female_share == pytest.approx(2 / 3)


def test_single_record():
    off = offences([("c1", "2024-05-01 10:00", "A", VWI, "GBH", True, None)])
    s = knives.calculate(prepare(dataset(off, people([("c1", "a", "suspect", 30, "female")]))), Scope())
    assert s.modal_suspect_sex == "female" and (s.modal_suspect_age_from, s.modal_suspect_age_to) == (29, 30)
    assert s.under_25_injury.change_pct is None and s.victim_female_share is None


def test_without_people_only_offence_figures():
    ds = _data()
    ds.people, ds.available = None, frozenset({"offences", "offences.knife_enabled", "unit_costs"})
    s = knives.calculate(prepare(ds), Scope())
    assert s.people_available is False and s.districts_of_concern and s.suspect_sex == []
    assert s.under_25_injury is None


def test_without_knife_flag_unavailable():
    ds = _data()
    ds.available = frozenset({"offences", "people", "people.age", "people.sex"})
    s = knives.calculate(prepare(ds), Scope())
    assert s.available is False and "knife_enabled" in s.unavailable_reason


def test_district_scope_has_the_whole_areas_figures_beside_its_own():
    d = knives.calculate(prepare(_data()), Scope("C"))
    # C alone: one non-injury offence each year; the whole area as in the tests above
    assert (d.under_25_non_injury.previous, d.under_25_non_injury.current) == (1, 1)
    assert (d.area_under_25_injury.previous, d.area_under_25_injury.current) == (3, 1)
    assert (d.area_under_25_non_injury.previous, d.area_under_25_non_injury.current) == (1, 2)
    area_sex = {c.label: c.count for c in d.area_suspect_sex}
    assert (area_sex["male"], area_sex["female"]) == (2, 1)
    assert d.area_victim_female_share == pytest.approx(2 / 3)
    assert knives.calculate(prepare(_data()), Scope()).area_suspect_sex == []


def test_district_rates_per_1000_residents_ranked_by_rate_and_by_count():
    # current year knife-enabled offences: B 2, C 1, A 0; residents (all ages): A 1,000, B 4,000, C 500
    # → A 0.0, B 0.5, C 2.0 per 1,000: C is 2nd by count but 1st by rate
    data = _data()
    pop = population([("A", "25+", 2021, 1000), ("B", "0-9", 2021, 1000), ("B", "25+", 2021, 3000),
                      ("C", "18-24", 2021, 500)])
    s = knives.calculate(prepare(dataset(data.offences, data.people, unit_costs=data.unit_costs,
                                         population=pop)), Scope())
    assert [(r.name, r.value, r.rank, r.rate_per_1000, r.rate_rank) for r in s.district_ranking] == [
        ("B", 2, 1, 0.5, 2), ("C", 1, 2, 2.0, 1), ("A", 0, 3, 0.0, 3)]
    assert s.population_year == 2021
    assert knives.calculate(prepare(data), Scope()).population_year is None


def test_age_groups_and_the_areas_beside_a_districts():
    # current year, knife-enabled, known ages: c1 17, 30; c2 18, 18 (one unknown); c3 40, 22 -> 6 of known age,
    # under 18s: 1 (17); under 25s: 4 (17, 18, 18, 22). District C: c3 only -> 2 known, 0 under 18, 1 under 25
    s = knives.calculate(prepare(_data()), Scope())
    assert s.age_known == 6
    assert [(g.label, g.count) for g in s.age_groups] == [("under 18s", 1), ("under 25s", 4)]
    assert [g.share for g in s.age_groups] == pytest.approx([1 / 6, 4 / 6])
    d = knives.calculate(prepare(_data()), Scope("C"))
    assert d.age_known == 2 and [(g.count, g.share) for g in d.age_groups] == [(0, 0.0), (1, 0.5)]
    assert d.area_age_groups == s.age_groups and d.area_age_known == 6
    assert s.area_age_groups == [] and s.area_age_known is None


def test_the_most_frequent_ages_among_published_counts():
    from snareport.calculators.knives import most_frequent_ages
    from snareport.models.knives import AgeCount

    ages = [AgeCount(age=a, count=n) for a, n in ((14, 3), (15, 9), (16, 4), (17, 9), (18, 4), (19, 1))]
    assert most_frequent_ages(ages) == ([15, 17], [16, 18])          # a tie names both; the next two, youngest first
    withheld = [AgeCount(age=14, count=None, suppressed=True), AgeCount(age=15, count=2), AgeCount(age=16, count=6)]
    assert most_frequent_ages(withheld) == ([16], [15])
    assert most_frequent_ages([AgeCount(age=14, count=None, suppressed=True), AgeCount(age=15, count=0)]) == ([], [])
