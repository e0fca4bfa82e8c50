"""snareport.formatting: the one way numbers are printed (known answers)."""
from __future__ import annotations

import datetime as dt

import pytest

from snareport import formatting as fmt
from snareport.models.common import Change


@pytest.mark.parametrize("value, dp, expected", [
    (1855800, 0, "1,855,800"), (-3, 0, "\u22123"), (0, 0, "0"), (8.833, 2, "8.83"), (2.005, 2, "2.01"),
    (-0.04, 1, "0.0"), (None, 0, "not available"), (float("nan"), 0, "not available"),
])
def test_number(value, dp, expected):
    assert fmt.number(value, dp) == expected


def test_percent_uses_a_true_minus_and_one_decimal():
    assert fmt.percent(-22.94) == "\u221222.9%"
    assert fmt.percent(4.62, plus=True) == "+4.6%"
    assert fmt.percent(0.0, plus=True) == "0.0%"
    assert fmt.share(0.204) == "20.4%"
    assert "-" not in fmt.percent(-1.0)


def test_money_shows_pence_only_when_present():
    assert fmt.money(1569680) == "£1,569,680"
    assert fmt.money(3743933.55) == "£3,743,933.55"
    assert fmt.money(1569680.37) == "£1,569,680.37"
    assert fmt.money(576050.0) == "£576,050"


def test_money_estimates_round_half_up_to_the_nearest_thousand():
    assert fmt.money(3743933.55, nearest=1000) == "£3,744,000"
    assert fmt.money(5313613.92, nearest=1000) == "£5,314,000"
    assert fmt.money(1500.0, nearest=1000) == "£2,000"
    assert fmt.money(-7902769.44, nearest=1000) == "\u2212£7,903,000"
    assert fmt.money(12.5, nearest=1) == "£13"


def test_direction_words_and_arrows():
    assert fmt.direction_word(-22.9) == "down 22.9%"
    assert fmt.direction_word(4.62) == "up 4.6%"
    assert fmt.direction_word(0.01) == "no change"
    assert fmt.direction_word(None) == "not available"
    assert fmt.before_after(8.83, 5.6) == "8.83 \u2192 5.60"


def test_suppressed_values_print_the_marker():
    withheld = Change(previous=None, current=None, change_pct=None, suppressed=True)
    assert fmt.change_pct(withheld) == fmt.SUPPRESSED
    assert fmt.change_counts(withheld) == "[c] \u2192 [c]"
    assert fmt.change_words(withheld) == "withheld"
    assert fmt.count(None, suppressed=True) == "[c]"
    assert fmt.share(None, suppressed=True) == "[c]"
    assert fmt.money(None, suppressed=True) == "[c]"
    undefined = Change(previous=0, current=4, change_pct=None)
    assert fmt.change_pct(undefined) == "not available"
    assert fmt.change_counts(undefined) == "0 \u2192 4"


def test_words_dates_and_hours():
    assert fmt.long_date(dt.date(2025, 11, 28)) == "28 November 2025"
    assert fmt.join_words(["Medway", "Thanet", "Swale"]) == "Medway, Thanet and Swale"
    assert fmt.ordinal(1) == "1st" and fmt.ordinal(12) == "12th" and fmt.ordinal(23) == "23rd"
    assert fmt.hour_label(0) == "midnight" and fmt.hour_label(15) == "3pm" and fmt.hour_label(12) == "midday"
