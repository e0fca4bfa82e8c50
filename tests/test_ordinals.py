"""Ordinals and rank phrases: every position a district report can print, written out by hand."""
import pytest

from snareport import formatting as fmt

# Positions 1–33 and the teens of the next hundreds, spelled out (not derived from a rule).
WRITTEN = (
    "1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th 13th 14th 15th 16th 17th 18th 19th 20th "
    "21st 22nd 23rd 24th 25th 26th 27th 28th 29th 30th 31st 32nd 33rd"
).split()
LATER = {100: "100th", 101: "101st", 102: "102nd", 103: "103rd", 104: "104th", 110: "110th", 111: "111th",
         112: "112th", 113: "113th", 114: "114th", 120: "120th", 121: "121st", 122: "122nd",
         123: "123rd", 211: "211th", 212: "212th", 213: "213th", 1001: "1001st", 1011: "1011th"}


@pytest.mark.parametrize("n,expected", list(enumerate(WRITTEN, start=1)) + sorted(LATER.items()))
def test_ordinal_every_position(n, expected):
    assert fmt.ordinal(n) == expected


@pytest.mark.parametrize("rank,expected", [
    (1, "the largest of 13"), (2, "2nd largest of 13"), (3, "3rd largest of 13"), (4, "4th largest of 13"),
    (5, "5th largest of 13"), (6, "6th largest of 13"), (7, "7th largest of 13"), (8, "8th largest of 13"),
    (9, "9th largest of 13"), (10, "10th largest of 13"), (11, "11th largest of 13"),
    (12, "12th largest of 13"), (13, "13th largest of 13"),
])
def test_ranked_among_thirteen_districts(rank, expected):
    assert fmt.ranked(rank, 13) == expected


def test_ranked_other_words_and_sizes():
    assert fmt.ranked(1, 25, "highest") == "the highest of 25"
    assert fmt.ranked(21, 25, "highest") == "21st highest of 25"
    assert fmt.ranked(22, 25, "highest") == "22nd highest of 25"
    assert fmt.ranked(1, 1) == "the only one"
    assert "1st" not in fmt.ranked(1, 13)
