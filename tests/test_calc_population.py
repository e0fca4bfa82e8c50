"""Known answers for calculators/population.py on tiny hand-built data."""
from __future__ import annotations

import pytest
from calc_fixtures import dataset, offences, population

from snareport.calculators.population import calculate
from snareport.calculators.prepare import prepare
from snareport.scope import Scope


def _data(rows):
    return dataset(offences([("o1", "2024-05-01 10:00", "A", "V", "T", False, None)]), population=population(rows))


ROWS = [("A", "0-9", 2021, 10), ("A", "10-17", 2021, 20), ("A", "18-24", 2021, 10), ("A", "25+", 2021, 60),
        ("B", "25+", 2021, 200), ("C", "10-17", 2021, 100),
        ("A", "25+", 2011, 80), ("B", "25+", 2011, 170), ("C", "10-17", 2011, 50)]


def test_totals_shares_bands_growth():
    s = calculate(prepare(_data(ROWS)), Scope())
    assert s.population_total == 400
    assert [(d.district, d.population, d.rank) for d in s.districts] == [("A", 100, 2), ("B", 200, 1), ("C", 100, 3)]
    assert s.districts[1].share == pytest.approx(0.5)
    assert [(a.label, a.count) for a in s.authorities] == [("North Council", 300), ("Solo Council", 100)]
    bands = {b.label: b.share for b in s.age_bands}
    assert bands["10–17"] == pytest.approx(120 / 400) and bands["25+"] == pytest.approx(260 / 400)
    assert (s.growth.from_population, s.growth.to_population, s.growth.change) == (300, 400, 100)
    assert s.growth.change_pct == pytest.approx(100 / 3)


def test_district_scope_carries_county():
    s = calculate(prepare(_data(ROWS)), Scope("C"))
    assert (s.population_total, s.county_population_total, s.focus.rank) == (100, 400, 3)
    assert {b.label: b.share for b in s.age_bands}["10–17"] == pytest.approx(1.0)
    assert s.growth.change_pct == pytest.approx(100.0)
    # the whole area's growth (300 → 400, as above) beside the district's
    assert (s.area_growth.from_population, s.area_growth.to_population) == (300, 400)


def test_single_census_year_has_no_growth():
    s = calculate(prepare(_data([r for r in ROWS if r[2] == 2021])), Scope())
    assert s.growth is None and s.population_total == 400


def test_without_population_unavailable():
    ds = _data(ROWS)
    ds.population, ds.available = None, frozenset({"offences"})
    s = calculate(prepare(ds), Scope())
    assert s.available is False and s.districts == []
