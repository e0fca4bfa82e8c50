"""Known answers for the recorded offences calculator on a tiny hand-built dataset (checkable by hand)."""
from __future__ import annotations

import datetime as dt

import pytest

from snareport.calculators import recorded_offences
from snareport.calculators.prepare import prepare
from snareport.scope import Scope
from tests import calc_fixtures as fx

VWI, ROB, OTHER = "Violence with injury", "Robbery", "Other"
WOUND, ROBBERY, ODD = "Wounding", "Robbery of personal property", "Unweighted type"


def _offences():
    rows = [
        # previous year (2023/24): A 3, B 1, C 0
        ("p1", "2023-04-03 10:00", "A", VWI, WOUND, False, None),
        ("p2", "2023-04-20 22:00", "A", VWI, WOUND, False, None),
        ("p3", "2023-05-01 00:00", "A", ROB, ROBBERY, False, None),
        ("p4", "2023-04-01 00:00", "B", ROB, ROBBERY, False, None),
        # current year (2024/25): A 2, B 3, C 1
        ("c1", "2024-04-01 00:00", "A", VWI, WOUND, False, None),
        ("c2", "2025-03-31 23:59", "A", ROB, ROBBERY, False, None),
        ("c3", "2024-04-15 12:00", "B", VWI, WOUND, False, None),
        ("c4", "2024-05-01 00:00", "B", ROB, ROBBERY, False, None),
        ("c5", "2024-05-09 08:00", "B", ROB, ROBBERY, False, None),
        ("c6", "2024-06-01 00:00", "C", OTHER, ODD, False, None),
        # outside both periods: never counted
        ("x1", "2025-04-01 00:00", "A", VWI, WOUND, False, None),
        ("x2", "2023-03-31 23:00", "B", VWI, WOUND, False, None),
    ]
    return fx.offences(rows)


WEIGHTS = fx.harm_weights([(WOUND, 10.0, "test"), (ROBBERY, 100.0, "test")])


@pytest.fixture
def ds():
    return fx.dataset(_offences(), None, harm_weights=WEIGHTS,
                      available=frozenset({"offences", "harm_weights"}))


def test_county_totals_harm_and_change(ds):
    s = recorded_offences.calculate(prepare(ds), Scope())
    assert s.available and [p.name for p in s.periods] == ["previous_year", "current_year"]
    assert (s.total.previous, s.total.current) == (4, 6)
    assert s.total.change_pct == pytest.approx(50.0)
    assert (s.harm.previous, s.harm.current) == (220.0, 320.0)
    assert s.harm.change_pct == pytest.approx(100 / 220 * 100)
    assert s.county_total == s.total and s.focus_volume is None
    assert s.unweighted_offences == 1 and any("no harm weight" in n for n in s.notes)


def test_district_volumes_ranks_and_shares(ds):
    s = recorded_offences.calculate(prepare(ds), Scope())
    got = {d.district: d for d in s.districts}
    assert [d.district for d in s.districts] == ["B", "A", "C"]
    assert [(got[n].volume.previous, got[n].volume.current) for n in "ABC"] == [(3, 2), (1, 3), (0, 1)]
    assert [(got[n].harm.previous, got[n].harm.current) for n in "ABC"] == [(120.0, 110.0), (100.0, 210.0), (0.0, 0.0)]
    assert [got[n].volume_rank for n in "ABC"] == [2, 1, 3]
    assert [got[n].previous_volume_rank for n in "ABC"] == [1, 2, 3]
    assert [got[n].harm_rank for n in "ABC"] == [2, 1, 3]
    assert [got[n].current_share for n in "ABC"] == pytest.approx([2 / 6, 3 / 6, 1 / 6])
    assert got["C"].volume.change_pct is None  # previous 0: undefined, not infinite
    assert s.rank_of == 3


def test_offence_group_mix_with_shares(ds):
    s = recorded_offences.calculate(prepare(ds), Scope())
    assert [g.group for g in s.groups] == [ROB, VWI, OTHER]
    rob, vwi, other = s.groups
    assert (rob.volume.previous, rob.volume.current) == (2, 3) and rob.volume.change_pct == pytest.approx(50.0)
    assert (vwi.volume.previous, vwi.volume.current, vwi.volume.change_pct) == (2, 2, 0.0)
    assert (other.volume.previous, other.volume.current, other.volume.change_pct) == (0, 1, None)
    assert [g.previous_share for g in s.groups] == pytest.approx([0.5, 0.5, 0.0])
    assert [g.current_share for g in s.groups] == pytest.approx([0.5, 2 / 6, 1 / 6])


def test_months_pair_each_month_with_the_same_month_a_year_earlier(ds):
    s = recorded_offences.calculate(prepare(ds), Scope())
    assert len(s.months) == 12
    first, second, third, last = s.months[0], s.months[1], s.months[2], s.months[-1]
    assert (first.previous_month, first.current_month) == (dt.date(2023, 4, 1), dt.date(2024, 4, 1))
    assert (first.volume.previous, first.volume.current) == (3, 2)
    assert (second.volume.previous, second.volume.current) == (1, 2)
    assert (third.volume.previous, third.volume.current) == (0, 1)
    assert (last.previous_month, last.current_month) == (dt.date(2024, 3, 1), dt.date(2025, 3, 1))
    assert (last.volume.previous, last.volume.current) == (0, 1)
    assert sum(m.volume.previous for m in s.months) == 4 and sum(m.volume.current for m in s.months) == 6


def test_district_scope_has_its_own_figures_and_the_county_beside_them(ds):
    s = recorded_offences.calculate(prepare(ds), Scope("B"))
    assert (s.total.previous, s.total.current) == (1, 3) and s.total.change_pct == pytest.approx(200.0)
    assert (s.harm.previous, s.harm.current) == (100.0, 210.0)
    assert (s.county_total.previous, s.county_total.current) == (4, 6)
    assert (s.focus_volume.value, s.focus_volume.county_value, s.focus_volume.rank, s.focus_volume.rank_of) == (3, 6, 1, 3)
    assert (s.focus_harm.value, s.focus_harm.county_value, s.focus_harm.rank) == (210.0, 320.0, 1)
    assert [(g.group, g.volume.previous, g.volume.current) for g in s.groups] == [(ROB, 1, 2), (VWI, 0, 1)]
    assert [(m.volume.previous, m.volume.current) for m in s.months[:3]] == [(1, 1), (0, 2), (0, 0)]
    assert len(s.districts) == 3 and s.unweighted_offences == 0


def test_without_harm_weights_volumes_stay_and_harm_is_absent_not_zero():
    ds = fx.dataset(_offences(), None, available=frozenset({"offences"}))
    s = recorded_offences.calculate(prepare(ds), Scope("A"))
    assert s.available and not s.harm_available
    assert s.harm is None and s.county_harm is None and s.focus_harm is None
    assert all(d.harm is None and d.harm_rank is None for d in s.districts)
    assert (s.total.previous, s.total.current) == (3, 2)
    assert any("harm_weights" in n for n in s.notes)


def test_month_precision_data_counts_by_month():
    rows = [(f"m{i}", f"2024-0{m}-01", "A", VWI, WOUND, False, None) for i, m in enumerate([4, 4, 5])]
    rows += [("n1", "2023-04-01", "C", VWI, WOUND, False, None)]
    ds = fx.dataset(fx.offences(rows), None, harm_weights=WEIGHTS, available=frozenset({"offences", "harm_weights"}))
    s = recorded_offences.calculate(prepare(ds), Scope())
    assert [(m.volume.previous, m.volume.current) for m in s.months[:2]] == [(1, 2), (0, 1)]
    assert (s.total.previous, s.total.current) == (1, 3)


def test_public_report_withholds_small_volumes_and_the_harm_built_on_them():
    import snareport

    ds = fx.dataset(_offences(), None, harm_weights=WEIGHTS, available=frozenset({"offences", "harm_weights"}),
                    cfg=fx.config(audience="public", disclosure_threshold=3))
    s = snareport.build_report(ds, "B").recorded_offences
    # B: 1 → 3 offences, both small: withheld with the harm and % change built on them
    assert (s.total.previous, s.total.current, s.total.change_pct, s.total.suppressed) == (None, None, None, True)
    assert (s.harm.previous, s.harm.current, s.harm.suppressed) == (None, None, True)
    assert (s.focus_volume.value, s.focus_volume.suppressed) == (None, True)
    assert (s.focus_harm.value, s.focus_harm.suppressed) == (None, True)
    assert s.focus_volume.rank is None  # a rank among the others would bound the withheld volume
    # the county (4 → 6) is above the threshold and stays
    assert (s.county_total.previous, s.county_total.current) == (4, 6)
    assert (s.county_harm.previous, s.county_harm.current) == (220.0, 320.0)


def test_district_scope_has_the_average_district_and_the_areas_offence_groups(ds):
    # current year: A 2, B 3, C 1 offences -> the average district = (2 + 3 + 1) / 3 = 2.0 = the area's 6 / 3
    s = recorded_offences.calculate(prepare(ds), Scope("B"))
    assert s.focus_volume.district_mean == 2.0
    assert [(g.group, g.volume.previous, g.volume.current) for g in s.area_groups] == \
        [(ROB, 2, 3), (VWI, 2, 2), (OTHER, 0, 1)]
    assert [g.current_share for g in s.area_groups] == pytest.approx([0.5, 2 / 6, 1 / 6])
    # the whole-area report has no "area beside" figures: it is the area
    assert recorded_offences.calculate(prepare(ds), Scope()).area_groups == []


def test_the_average_district_is_the_mean_of_the_districts_not_a_rate():
    # A 7, B 0, C 0 in the current year: the average district is 7 / 3 (one decimal), whatever the sizes
    rows = [(f"a{i}", "2024-05-01 10:00", "A", VWI, WOUND, False, None) for i in range(7)]
    rows += [("b0", "2023-05-01 10:00", "B", VWI, WOUND, False, None)]
    ds = fx.dataset(fx.offences(rows), None, available=frozenset({"offences"}))
    s = recorded_offences.calculate(prepare(ds), Scope("C"))
    assert (s.focus_volume.value, s.focus_volume.county_value, s.focus_volume.district_mean) == (0, 7, 2.3)


def test_the_districts_named_for_the_highest_volumes_come_from_report_yaml():
    """B (3) and A (2) lead the current year; how many are named is definitions.highest_volume_districts."""
    default = recorded_offences.calculate(prepare(fx.dataset(_offences(), None, harm_weights=WEIGHTS,
                                                             available=frozenset({"offences", "harm_weights"}))), Scope())
    assert default.highest_volumes == ["B", "A", "C"]          # the default names 3
    cfg = fx.config(definitions={"highest_volume_districts": 2})
    two = recorded_offences.calculate(prepare(fx.dataset(_offences(), None, cfg=cfg, harm_weights=WEIGHTS,
                                                         available=frozenset({"offences", "harm_weights"}))),
                                      Scope("C"))
    assert two.highest_volumes == ["B", "A"]                   # the same in a district's report


def test_the_groups_named_for_the_largest_rises_come_from_report_yaml():
    """Robbery 2 → 3 and Other 0 → 1 rose by one each (ties by name); violence with injury 2 → 2 did not."""
    s = recorded_offences.calculate(prepare(fx.dataset(_offences(), None, harm_weights=WEIGHTS,
                                                       available=frozenset({"offences", "harm_weights"}))), Scope())
    assert s.groups_rose == [OTHER, ROB]                         # the default names 2
    cfg = fx.config(definitions={"largest_rises": 1})
    one = recorded_offences.calculate(prepare(fx.dataset(_offences(), None, cfg=cfg, harm_weights=WEIGHTS,
                                                         available=frozenset({"offences", "harm_weights"}))), Scope())
    assert one.groups_rose == [OTHER]
