"""Counts → 95% confidence intervals (Byar's approximation to the Poisson), and whether a change is noise.

Public Health England's Fingertips profiles use Byar's method for the interval of a count (and of a rate
built on it): for an observed count O,

    lower = O × (1 − 1/(9O) − z/(3√O))³              (0 when O = 0)
    upper = (O + 1) × (1 − 1/(9(O + 1)) + z/(3√(O + 1)))³

A change from an earlier count to a later one is flagged as within the range expected by chance when the
earlier count lies inside the later count's 95% interval: the later figure is consistent with no change.
"""
from __future__ import annotations

import math

Z_95 = 1.959963984540054   # the standard normal's 97.5th percentile


def byar_interval(count: float, z: float = Z_95) -> tuple[float, float]:
    """The (lower, upper) confidence limits of a Poisson count by Byar's method (95% by default)."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    lower = 0.0 if count == 0 else count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    upper = (count + 1) * (1 - 1 / (9 * (count + 1)) + z / (3 * math.sqrt(count + 1))) ** 3
    return max(lower, 0.0), upper


def within_noise(previous: float | None, current: float | None, z: float = Z_95) -> bool | None:
    """True when ``previous`` lies inside the 95% Byar interval of ``current`` (the change could be chance);
    None when either count is missing."""
    if previous is None or current is None:
        return None
    lower, upper = byar_interval(current, z)
    return lower <= previous <= upper


def rate_per_1000(count: float | None, population: float | None) -> float | None:
    """count ÷ population × 1,000; None when either is missing or the population is 0."""
    if count is None or not population:
        return None
    return count / population * 1000.0
