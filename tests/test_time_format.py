"""One time format for periods and dates everywhere: financial years "2024/25", calendar years "2024", other
twelve-month windows "year ending September 2025", months "March 2025", runs of months with "to"."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_support import page_texts, tiny_pdf

from snareport import formatting as fmt
from snareport.config import Period
from snareport.models.common import PeriodPair, PeriodRef

D = dt.date
POLICEUK = Path(__file__).parent / "data" / "policeuk"
MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
RANGES = re.compile(rf"\b{MONTH}\s?[–-]\s?{MONTH}\b|\b\d{{4}}\s?[–-]\s?{MONTH}\b|\b{MONTH}\.? \d{{4}}\s?[–-]")
SHORT_MONTH = re.compile(rf"\b{MONTH}\.? \d{{4}}\b")


@pytest.mark.parametrize("start, end, label", [
    (D(2024, 4, 1), D(2025, 3, 31), "2024/25"),
    (D(2024, 1, 1), D(2024, 12, 31), "2024"),
    (D(2024, 10, 1), D(2025, 9, 30), "year ending September 2025"),
    (D(2025, 3, 1), D(2025, 3, 31), "March 2025"),
    (D(2024, 1, 1), D(2024, 4, 30), "January to April 2024"),
    (D(2024, 10, 1), D(2025, 3, 31), "October 2024 to March 2025"),
])
def test_period_labels_are_written_one_way(start, end, label):
    assert fmt.period_label(start, end) == label
    assert Period(start=start, end=end).label == label


def test_runs_of_months_are_named_with_to():
    months = ["2024-01", "2024-02", "2024-03", "2024-04", "2025-01", "2025-05", "2025-06"]
    assert fmt.month_runs(months) == "January to April 2024, January 2025 and May to June 2025"
    assert fmt.month_runs([D(2023, 12, 1), D(2024, 1, 1)]) == "December 2023 to January 2024"
    assert fmt.month_runs([]) == ""


def test_a_label_written_another_way_is_refused_naming_the_right_one():
    with pytest.raises(ValueError, match="write 'year ending September 2025'"):
        Period(label="Oct 2024 – Sep 2025", start=D(2024, 10, 1), end=D(2025, 9, 30))


def test_a_pair_of_ranges_is_never_joined_by_to():
    def ref(name, start, end):
        return PeriodRef(name=name, label=fmt.period_label(start, end), start=start, end=end)

    years = PeriodPair(earlier=ref("a", D(2023, 4, 1), D(2024, 3, 31)), later=ref("b", D(2024, 4, 1), D(2025, 3, 31)))
    runs = PeriodPair(earlier=ref("a", D(2024, 1, 1), D(2024, 4, 30)), later=ref("b", D(2025, 1, 1), D(2025, 4, 30)))
    assert years.label == "2023/24 to 2024/25"
    assert runs.label == "January to April 2024 compared with January to April 2025"


def _other_forms(pages: list[str], forms=(RANGES, SHORT_MONTH)) -> list[str]:
    return [f"page {i + 1}: {m.group(0)!r}" for i, text in enumerate(pages) for f in forms for m in f.finditer(text)]


@pytest.mark.parametrize("district", [None, "Northdown"])
def test_the_report_prints_no_other_date_form(district):
    assert _other_forms(page_texts(tiny_pdf(district))) == []


def test_the_police_uk_edition_prints_no_other_date_form(tmp_path):
    import snareport
    from snareport.opendata import import_files
    from snareport.render import render_bytes

    import_files([POLICEUK], tmp_path / "data")
    report = snareport.build_report(snareport.load_dataset(tmp_path / "data"))
    # its monthly trend chart's axis may print "Jan 2024" under a tick; ranges are never written another way
    assert _other_forms(page_texts(render_bytes(report, tagged=False)), (RANGES,)) == []
