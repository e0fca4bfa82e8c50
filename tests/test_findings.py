"""Findings of a comparison (which items fell and rose, the overall change, the largest rise and fall, the
highest and lowest item) on small hand-worked data, and worked out again from the published figures only."""
from __future__ import annotations

import pytest
from calc_fixtures import config, dataset, offences, people

from snareport.build import build_report
from snareport.calculators.findings import compare, largest_count_changes
from snareport.models.common import Change

VWI = "Violence with injury"


def _c(previous, current, suppressed=False) -> Change:
    pct = None if previous in (None, 0) or current is None else (current - previous) / previous * 100
    return Change(previous=previous, current=current, change_pct=pct, suppressed=suppressed)


def test_findings_on_four_months_worked_by_hand():
    # A 100 → 90 (−10%), B 100 → 110 (+10%), C 50 → 50 (no change), D 20 → 30 (+50%)
    f = compare([("A", _c(100, 90)), ("B", _c(100, 110)), ("C", _c(50, 50)), ("D", _c(20, 30))], add_up=True)
    assert (f.items, f.published, f.compared, f.fell_count, f.rose_count) == (4, 4, 4, 1, 2)
    assert f.fell == ["A"] and f.rose == ["B", "D"]          # highest later figure first
    assert (f.overall.previous, f.overall.current) == (270, 280)
    assert f.overall.change_pct == pytest.approx(10 / 270 * 100)   # +3.7%
    assert f.largest_change.name == "D" and f.largest_rise.name == "D" and f.largest_fall.name == "A"
    assert f.highest.name == "B" and f.lowest.name == "D"
    assert f.ranked == ["B", "A", "C", "D"] and f.rank == {"B": 1, "A": 2, "C": 3, "D": 4}


def test_a_withheld_item_is_named_by_no_finding_and_there_is_no_overall_change():
    f = compare([("A", _c(100, 90)), ("B", _c(None, 3, suppressed=True)), ("C", _c(40, None, suppressed=True))],
                _c(150, 100), add_up=False)
    assert (f.items, f.published, f.compared) == (3, 2, 1)
    assert f.fell == ["A"] and f.rose == [] and f.overall is None
    assert f.ranked == ["A", "B"] and f.largest_change.name == "A"


def test_largest_rise_and_fall_by_number_not_by_percentage():
    # X +100 (+10%), Y +20 (+200%), Z −100 (−20%), W −5 (−50%)
    rise, fall = largest_count_changes([("X", _c(1000, 1100)), ("Y", _c(10, 30)), ("Z", _c(500, 400)),
                                        ("W", _c(10, 5))])
    assert (rise.name, fall.name) == ("X", "Z")


def _data(audience: str):
    rows = [(f"p{i}", "2023-05-01 10:00", "A", VWI, "GBH", False, None) for i in range(8)]      # May 2023: 8
    rows += [(f"c{i}", "2024-05-01 10:00", "A", VWI, "GBH", False, None) for i in range(3)]     # May 2024: 3
    rows += [(f"q{i}", "2023-06-01 10:00", "A", VWI, "GBH", False, None) for i in range(20)]    # June 2023: 20
    rows += [(f"d{i}", "2024-06-01 10:00", "A", VWI, "GBH", False, None) for i in range(30)]    # June 2024: 30
    return dataset(offences(rows), people([(r[0], f"x{r[0]}", "victim", 30, "male") for r in rows]),
                   cfg=config(audience=audience))


def test_the_published_findings_rest_on_published_figures_only():
    partners = build_report(_data("partners")).recorded_offences.month_findings
    public = build_report(_data("public")).recorded_offences.month_findings
    assert partners.fell == ["May"] and partners.rose == ["June"]
    assert (partners.overall.previous, partners.overall.current) == (28, 33)
    # 3 in May 2024 is withheld in public, and June with it (the months add up to the year's total): neither
    # is in a finding, no month is called lower or higher, and the months have no overall change
    assert (public.items, public.published, public.compared) == (12, 10, 10)
    assert public.fell == public.rose == [] and public.overall is None and public.largest_change is None
    assert "May" not in public.ranked and "June" not in public.ranked
