"""Known answers for calculators/achievements.py on tiny hand-built data."""
from __future__ import annotations

import pytest
from calc_fixtures import admissions, config, dataset, offences, people, unit_costs

from snareport.calculators import achievements
from snareport.calculators.prepare import prepare
from snareport.scope import Scope

VWI, ROB = "Violence with injury", "Robbery of personal property"


def _data(**kw):
    off = offences([
        # previous year 2023/24: 2 knife offences with an under-18, 1 with an 18-25, 1 all-unknown
        ("p1", "2023-05-01 10:00", "A", VWI, "GBH", True, None),
        ("p2", "2023-06-01 10:00", "A", VWI, "GBH", True, None),
        ("p3", "2023-07-01 10:00", "B", ROB, "Robbery", True, None),
        ("p4", "2023-08-01 10:00", "C", ROB, "Robbery", True, None),
        # current year 2024/25: 1 knife offence with an under-18 (and an 18-25: counts for both)
        ("c1", "2024-05-01 10:00", "A", VWI, "GBH", True, None),
        ("c2", "2024-06-01 10:00", "C", ROB, "Robbery", False, None),
        # baseline 2022/23: 3 robberies, 1 VWI
        ("b1", "2022-05-01 10:00", "A", ROB, "Robbery", False, None),
        ("b2", "2022-05-02 10:00", "A", ROB, "Robbery", False, None),
        ("b3", "2022-05-03 10:00", "B", ROB, "Robbery", False, None),
        ("b4", "2022-05-04 10:00", "B", VWI, "GBH", False, None),
    ])
    ppl = people([
        ("p1", "x1", "victim", 15, "male"), ("p2", "x2", "suspect", 16, "male"),
        ("p3", "x3", "suspect", 20, "male"), ("p4", "x4", "victim", None, "unknown"),
        ("c1", "x5", "victim", 17, "female"), ("c1", "x6", "suspect", 25, "male"),
    ])
    adm = admissions([
        ("2023-10", "0-24", "sharp object", 12, "A"), ("2023-11", "25+", "sharp object", 24, "B"),
        ("2023-11", "25+", "other", 100, "B"),
        ("2024-10", "0-24", "sharp object", 6, "A"), ("2025-09", "25+", "sharp object", 6, "C"),
    ])
    costs = unit_costs([(VWI, 100.0, "2024/25", "HO"), (ROB, 10.5, "2024/25", "HO"), (VWI, 50.0, "2015/16", "HO")])
    return dataset(off, ppl, hospital_admissions=adm, unit_costs=costs, **kw)


def test_knife_enabled_change_by_cohort():
    s = achievements.calculate(prepare(_data()), Scope())
    by = {c.key: c.change for c in s.knife_enabled}
    assert (by["under_18"].previous, by["under_18"].current) == (2, 1)
    assert by["under_18"].change_pct == pytest.approx(-50.0)
    assert (by["age_18_25"].previous, by["age_18_25"].current) == (1, 1)
    assert by["age_18_25"].change_pct == pytest.approx(0.0)
    assert (s.knife_enabled_age_unknown.previous, s.knife_enabled_age_unknown.current) == (1, 0)


def test_admissions_monthly_average():
    s = achievements.calculate(prepare(_data()), Scope())
    by = {a.key: a.change for a in s.admissions}
    assert by["all_ages"].previous == pytest.approx(36 / 12)
    assert by["all_ages"].current == pytest.approx(12 / 12)
    assert by["under_25"].previous == pytest.approx(1.0)
    assert by["under_25"].current == pytest.approx(0.5)


def test_admissions_district_scope_uses_district_rows():
    s = achievements.calculate(prepare(_data()), Scope("A"))
    by = {a.key: a.change for a in s.admissions}
    assert s.admissions_scope == "district"
    assert (by["all_ages"].previous, by["all_ages"].current) == (pytest.approx(1.0), pytest.approx(0.5))


def test_fallen_groups_and_savings():
    s = achievements.calculate(prepare(_data()), Scope())
    assert [g.key for g in s.fallen_groups] == [ROB, VWI]          # ROB 2→1, VWI 2→1
    # two_year: baseline ROB 3 → current 1 (fall 2 × 10.5); VWI 1 → 1 (no change, costed as £0)
    assert [(x.offence_group, x.fall, x.saving_gbp) for x in s.savings] == [(ROB, 2, 21.0), (VWI, 0, 0.0)]
    assert s.savings_total_gbp == 21.0 and s.price_year == "2024/25"
    assert s.savings_groups == [VWI, ROB] and s.two_year.label == "2022/23 to 2024/25"
    assert s.savings_rounding_gbp == 1000


def _costed(**costs):
    """Baseline 2022/23 → current 2024/25: VWI 4 → 1 (fall 3), robbery 1 → 3 (rise 2), rape 2 → 0 (fall 2)."""
    rows = ([(f"b{i}", "2022-06-01 10:00", "A", VWI, "GBH", False, None) for i in range(4)]
            + [("b9", "2022-06-02 10:00", "A", ROB, "Robbery", False, None)]
            + [(f"r{i}", "2022-07-01 10:00", "A", "Rape", "Rape", False, "rape") for i in range(2)]
            + [("c0", "2024-06-01 10:00", "A", VWI, "GBH", False, None)]
            + [(f"c{i}", "2024-06-02 10:00", "B", ROB, "Robbery", False, None) for i in range(1, 4)])
    prices = unit_costs([(VWI, 1000.0, "2024/25", "HO"), (ROB, 700.25, "2024/25", "HO"),
                         ("Rape", 5000.0, "2024/25", "HO")])
    cfg = config(costs={"savings_price_year": "2024/25", "minimum_price_year": "2015/16", **costs})
    return achievements.calculate(prepare(dataset(offences(rows), people([]), cfg=cfg, unit_costs=prices)), Scope())


def test_savings_are_net_of_rises():
    s = _costed()
    by = {x.offence_group: x for x in s.savings}
    assert (by[VWI].fall, by[VWI].saving_gbp) == (3, 3000.0)
    assert (by[ROB].previous, by[ROB].current, by[ROB].fall, by[ROB].saving_gbp) == (1, 3, -2, -1400.5)
    assert s.savings_total_gbp == pytest.approx(1599.5)            # 3 × 1,000 − 2 × 700.25
    assert "Rape" not in by                                          # not in costs.groups by default


def test_savings_cost_only_the_configured_groups_and_sexual_offences_get_no_tile():
    s = _costed(groups=[VWI, "Rape"])
    by = {x.offence_group: x for x in s.savings}
    assert set(by) == {VWI, "Rape"} and s.savings_total_gbp == pytest.approx(3000.0 + 10000.0)
    assert by[VWI].headline and not by["Rape"].headline
    assert _costed(groups=["Rape"], sexual_offence_tiles=True).savings[0].headline


def test_costed_group_without_a_unit_cost_is_noted_not_costed():
    s = _costed(groups=[VWI, "Homicide"])
    assert [x.offence_group for x in s.savings] == [VWI]
    assert any("Homicide" in n for n in s.notes)


def test_zero_previous_gives_undefined_change():
    off = offences([("c1", "2024-05-01 10:00", "A", VWI, "GBH", True, None)])
    ds = dataset(off, people([("c1", "x", "victim", 12, "male")]))
    s = achievements.calculate(prepare(ds), Scope())
    u18 = {c.key: c.change for c in s.knife_enabled}["under_18"]
    assert (u18.previous, u18.current, u18.change_pct) == (0, 1, None)


def test_partial_source_marks_missing_parts_unavailable():
    ds = _data(available=frozenset({"offences"}))
    ds.people = None
    s = achievements.calculate(prepare(ds), Scope())
    assert s.knife_enabled == [] and any("not available" in n for n in s.notes)
    assert s.admissions_available is False and s.admissions == []
    assert s.savings_available is False
    assert s.fallen_groups  # still computed from offences alone



def test_district_scope_carries_the_whole_areas_changes_beside_its_own():
    s = achievements.calculate(prepare(_data()), Scope("B"))
    own = {c.key: c.change for c in s.knife_enabled}
    area = {c.key: c.change for c in s.area_knife_enabled}
    assert (own["age_18_25"].previous, own["age_18_25"].current) == (1, 0)        # p3 only
    assert (area["under_18"].previous, area["under_18"].current) == (2, 1)         # the whole area (as above)
    assert (area["age_18_25"].previous, area["age_18_25"].current) == (1, 1)
    adm = {a.key: a.change for a in s.area_admissions}
    assert (adm["all_ages"].previous, adm["all_ages"].current) == (pytest.approx(3.0), pytest.approx(1.0))
    whole = achievements.calculate(prepare(_data()), Scope())
    assert whole.area_knife_enabled == [] and whole.area_admissions == []


def test_admissions_are_worded_by_the_mechanism_report_yaml_counts():
    sharp = achievements.calculate(prepare(_data()), Scope())
    assert sharp.admissions_cause == "assault with a knife or sharp object"
    other = achievements.calculate(prepare(_data(cfg=config(definitions={"admissions_mechanism": "other"}))), Scope())
    assert other.admissions_cause == "assault by other means"
    assert {a.key: a.change.previous for a in other.admissions}["all_ages"] == pytest.approx(100 / 12)
