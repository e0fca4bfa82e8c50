"""Known answers for calculators/demographics.py on tiny hand-built data."""
from __future__ import annotations

import pytest
from calc_fixtures import dataset, harm_weights, offences, people, population

from snareport.calculators import demographics
from snareport.calculators.prepare import prepare
from snareport.scope import Scope

VWI = "Violence with injury"


def _data():
    off = offences([
        ("c1", "2024-05-01 10:00", "A", VWI, "GBH", False, None),
        ("c2", "2024-06-01 10:00", "B", VWI, "ABH", False, None),
        ("c3", "2024-07-01 10:00", "C", VWI, "GBH", False, None),
        ("p1", "2023-07-01 10:00", "A", VWI, "GBH", False, None),
    ])
    ppl = people([
        ("c1", "v1", "victim", 5, "female"), ("c1", "s1", "suspect", 15, "male"),
        ("c2", "v2", "victim", 12, "male"), ("c2", "s1", "suspect", 15, "male"),
        ("c2", "v3", "victim", None, "unknown"),
        ("c3", "v4", "victim", 30, "female"), ("c3", "s2", "suspect", 20, "male"),
        ("p1", "v5", "victim", 40, "male"), ("p1", "v6", "victim", 41, "male"),
    ])
    pop = population([("A", "0-9", 2021, 10), ("A", "10-17", 2021, 20), ("A", "18-24", 2021, 10),
                      ("A", "25+", 2021, 60), ("B", "25+", 2021, 100), ("C", "10-17", 2021, 50),
                      ("A", "25+", 2011, 999)])
    hw = harm_weights([("GBH", 100.0, "CCHI"), ("ABH", 10.0, "CCHI")])
    return dataset(off, ppl, population=pop, harm_weights=hw)


def test_age_profile_per_authority_counts_unknown():
    s = demographics.calculate(prepare(_data()), Scope())
    north_victims = next(p for p in s.age_profiles if p.area == "North Council" and p.role == "victim")
    assert north_victims.total == 3
    assert [(b.label, b.count) for b in north_victims.bands] == [("under 10", 1), ("10–17", 1), ("18–24", 0), ("25+", 0)]
    assert north_victims.unknown.count == 1 and north_victims.unknown.share == pytest.approx(1 / 3)
    solo_suspects = next(p for p in s.age_profiles if p.area == "Solo Council" and p.role == "suspect")
    assert [b.count for b in solo_suspects.bands] == [0, 0, 1, 0]


def test_sex_split_change():
    s = demographics.calculate(prepare(_data()), Scope())
    victims = next(x for x in s.sex_split if x.role == "victim")
    by = {r.sex: r for r in victims.rows}
    assert (by["male"].change.previous, by["male"].change.current) == (2, 1)
    assert by["female"].change.previous == 0 and by["female"].change.change_pct is None
    assert by["female"].current_share == pytest.approx(2 / 4)


def test_suspect_share_vs_population_share():
    s = demographics.calculate(prepare(_data()), Scope())
    by = {c.band: c for c in s.suspect_vs_population}
    assert by["10–17"].suspect_share == pytest.approx(2 / 3)
    assert by["10–17"].population_share == pytest.approx(70 / 250)   # 2011 row ignored
    assert by["18–24"].suspect_share == pytest.approx(1 / 3)


def test_high_harm_concentration():
    # current-year harm per person: s1 = 100 + 10, v1 = 100, v2 = 10, v3 = 10, v4 = 100, s2 = 100 → total 430
    s = demographics.calculate(prepare(_data()), Scope())
    h = s.high_harm
    assert (h.people, h.top_people) == (6, 2)                  # ceil(0.25 × 6)
    assert h.harm_total == pytest.approx(430.0)
    assert h.harm_share == pytest.approx(210 / 430)            # s1 (110) + one of the 100s


def test_district_scope_profiles_and_comparison():
    s = demographics.calculate(prepare(_data()), Scope("C"))
    assert {(p.area, p.kind) for p in s.age_profiles} == {("C", "district")}
    # compared with the whole area, never with the authority that contains the district
    assert {(p.area, p.kind) for p in s.comparison_profiles} == {(_data().config.area, "area")}
    area_victims = next(p for p in s.comparison_profiles if p.role == "victim")
    every_victim = next(p for p in demographics.calculate(prepare(_data()), Scope()).age_profiles
                        if p.area == "North Council" and p.role == "victim").total + next(
        p for p in demographics.calculate(prepare(_data()), Scope()).age_profiles
        if p.area == "Solo Council" and p.role == "victim").total
    assert area_victims.total == every_victim
    pop = {c.band: c for c in s.suspect_vs_population}
    assert pop["10–17"].population_share == pytest.approx(1.0)


def test_without_people_section_is_unavailable():
    ds = _data()
    ds.people, ds.available = None, frozenset({"offences"})
    s = demographics.calculate(prepare(ds), Scope())
    assert s.available is False and "not available" in s.unavailable_reason and s.age_profiles == []


def test_district_high_harm_has_the_whole_area_beside_it():
    # the whole area's figure (known answer above: 2 of 6 people, 210 of 430 harm) rides along in a district
    s = demographics.calculate(prepare(_data()), Scope("C"))
    a = s.area_high_harm
    assert (a.people, a.top_people) == (6, 2)
    assert a.harm_share == pytest.approx(210 / 430)
    assert demographics.calculate(prepare(_data()), Scope()).area_high_harm is None


def test_district_sex_split_and_population_comparison_have_the_whole_area_beside_them():
    area = demographics.calculate(prepare(_data()), Scope())
    s = demographics.calculate(prepare(_data()), Scope("C"))
    assert [x.role for x in s.area_sex_split] == ["victim", "suspect"]
    by = {c.band: c for c in s.area_suspect_vs_population}
    assert by["10–17"].suspect_share == pytest.approx(2 / 3)        # the whole area's known answer (above)
    assert by["10–17"].population_share == pytest.approx(70 / 250)
    assert s.area_sex_split == area.sex_split
    assert area.area_sex_split == [] and area.area_suspect_vs_population == []


def test_the_largest_age_band_among_published_shares():
    from snareport.calculators.demographics import largest_band
    from snareport.models.common import SuppressibleCount

    def bands(*shares):
        return [SuppressibleCount(label=f"b{i}", count=None, share=s, suppressed=s is None) for i, s in enumerate(shares)]

    assert largest_band(bands(0.2, 0.5, 0.3)) == "b1"
    assert largest_band(bands(0.4, 0.4, 0.2)) == "b0"          # the first of a tie
    assert largest_band(bands(None, 0.3, 0.1)) == "b1"
    assert largest_band(bands(0.0, None, 0.0)) is None         # the withheld band could be the largest
    assert largest_band(bands(0.0, 0.0)) is None
