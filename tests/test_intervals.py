"""Known answers for Byar's 95% interval of a count, the noise flag on changes and rates per 1,000."""
from __future__ import annotations

import pytest
from calc_fixtures import dataset, offences, people, population

from snareport import formatting as fmt
from snareport.calculators import recorded_offences
from snareport.calculators.common import count_change
from snareport.calculators.intervals import byar_interval, rate_per_1000, within_noise
from snareport.calculators.prepare import prepare
from snareport.models.common import Change
from snareport.scope import Scope


@pytest.mark.parametrize("count, lower, upper", [
    # by hand: 10 × (1 − 1/90 − 1.96/(3√10))³ and 11 × (1 − 1/99 + 1.96/(3√11))³
    (10, 4.787, 18.391),
    (100, 81.362, 121.628),
    (278, 246.277, 312.675),
    (0, 0.0, 3.668),         # (1 − 1/9 + 1.96/3)³
    (1, 0.013, 5.564),
])
def test_byar_interval_known_answers(count, lower, upper):
    lo, hi = byar_interval(count)
    assert lo == pytest.approx(lower, abs=0.001) and hi == pytest.approx(upper, abs=0.001)


@pytest.mark.parametrize("count, exact_lower, exact_upper", [(10, 4.7954, 18.3904), (100, 81.3639, 121.6263)])
def test_byar_is_close_to_the_exact_poisson_interval(count, exact_lower, exact_upper):
    lo, hi = byar_interval(count)
    assert abs(lo - exact_lower) < 0.01 and abs(hi - exact_upper) < 0.01


def test_a_change_inside_the_interval_is_noise_and_one_outside_is_not():
    assert within_noise(251, 278) is True            # Tonbridge and Malling's +10.8%: about one standard error
    assert within_noise(200, 278) is False           # +39%: outside 246.3–312.7
    assert within_noise(None, 278) is None
    assert count_change(251, 278).within_noise and not count_change(200, 278).within_noise


def test_words_never_claim_a_rise_the_flag_calls_noise():
    noisy = Change(previous=251, current=278, change_pct=10.757, within_noise=True)
    real = Change(previous=200, current=278, change_pct=39.0, within_noise=False)
    assert fmt.change_words(noisy) == "up 10.8%, within the range expected by chance"
    assert fmt.change_words(real) == "up 39.0%"


def test_rate_per_1000():
    assert rate_per_1000(30, 12000) == pytest.approx(2.5)
    assert rate_per_1000(30, 0) is None and rate_per_1000(None, 100) is None


def test_district_rates_and_ranks_by_rate_and_by_count():
    # 2024/25: A has 3 offences (population 1,000 → 3.0 per 1,000), B 2 (500 → 4.0), C 1 (2,000 → 0.5)
    rows = [(f"a{i}", "2024-06-01 10:00", "A", "Robbery", "Robbery", False, None) for i in range(3)]
    rows += [(f"b{i}", "2024-06-01 10:00", "B", "Robbery", "Robbery", False, None) for i in range(2)]
    rows += [("c0", "2024-06-01 10:00", "C", "Robbery", "Robbery", False, None),
             ("p0", "2023-06-01 10:00", "A", "Robbery", "Robbery", False, None)]
    pop = population([("A", "0-9", 2021, 400), ("A", "25+", 2021, 600), ("B", "25+", 2021, 500),
                      ("C", "25+", 2021, 2000), ("C", "25+", 2011, 99)])
    ds = dataset(offences(rows), people([]), population=pop)
    s = recorded_offences.calculate(prepare(ds), Scope())
    by = {d.district: d for d in s.districts}
    assert {d: (by[d].population, by[d].rate_per_1000) for d in by} == {"A": (1000, 3.0), "B": (500, 4.0),
                                                                       "C": (2000, 0.5)}
    assert {d: (by[d].volume_rank, by[d].rate_rank) for d in by} == {"A": (1, 2), "B": (2, 1), "C": (3, 3)}
    assert s.population_year == 2021
    assert by["A"].volume.within_noise is True        # 1 → 3 is well inside chance
