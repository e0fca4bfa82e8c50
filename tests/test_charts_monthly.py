"""The monthly comparison chart on tiny data: active title, alt text, data table, suppression, fonts."""
from __future__ import annotations

import pytest
from chart_inputs import compared

from snareport import charts
from snareport.charts.monthly import monthly_comparison_chart
from snareport.charts.ops import PathOp, TextOp
from snareport.charts.wording import MINUS

SOURCE = "Source: test records"


@pytest.fixture(scope="module")
def style() -> charts.ChartStyle:
    s = charts.matplotlib_dejavu_style()
    s.ensure_fonts()
    return s


def _chart(style, previous, current, months=("January", "February", "March")):
    if len(previous) != len(current):
        raise ValueError("previous and current must have the same length")
    return monthly_comparison_chart(list(months), *compared(list(months), previous, current, add_up=True),
                                    previous_label="Jan–Mar 2024",
                                    current_label="Jan–Mar 2025", measure="recorded offences", area="Testshire",
                                    source=SOURCE, style=style)


@pytest.mark.parametrize("previous, current, title", [
    ([100, 100, 100], [90, 95, 85], "Recorded offences were lower than a year earlier in every month, down 10.0% overall"),
    ([100, 100, 100], [110, 120, 100], "Recorded offences were higher than a year earlier in 2 of 3 months, up 10.0% overall"),
    ([100, 100, 100], [110, 101, 102], "Recorded offences were higher than a year earlier in every month, up 4.3% overall"),
    ([100, 100, 100], [90, 120, 80], "Recorded offences were lower than a year earlier in 2 of 3 months, down 3.3% overall"),
])
def test_title_says_in_how_many_months_and_overall(style, previous, current, title):
    assert _chart(style, previous, current).title == title


def test_alt_text_data_table_and_labels(style):
    chart = _chart(style, [1200, 100, 50], [1000, 100, 60])
    assert "The largest rise was in March, up 20.0 per cent (50 to 60)." in chart.alt_text
    assert "The busiest month of Jan–Mar 2025 was January, with 1,000." in chart.alt_text
    assert chart.data_table[0] == ("Month", "Jan–Mar 2024", "Jan–Mar 2025", "% change")
    assert chart.data_table[1] == ("January", "1,200", "1,000", f"{MINUS}16.7%")
    assert {"Jan", "Feb", "Mar", "1,200", "1,000", "Jan–Mar 2024", "Jan–Mar 2025"} <= set(chart.drawing.texts)
    assert chart.drawing.font_names <= {style.font_name, style.bold_font_name}
    assert all(isinstance(op, (PathOp, TextOp)) for op in chart.drawing.operations)
    assert chart.source == SOURCE


def test_suppressed_month_has_no_bar_and_is_named(style):
    chart = _chart(style, [10, None, 12], [8, 9, 11])
    assert chart.drawing.texts.count("withheld") == 1
    assert "The counts for February are withheld to protect privacy." in chart.alt_text
    assert chart.data_table[2] == ("February", "withheld", "9", "")
    assert chart.title == "Recorded offences were lower than a year earlier in all 2 months with published figures"


def test_twelve_months_carry_every_count_upright(style):
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    chart = _chart(style, [1000 + i for i in range(12)], [900 + i for i in range(12)], months=months)
    texts = [op for op in chart.drawing.operations if getattr(op, "text", None) in ("1,011", "911")]
    assert len(texts) == 2 and all(op.angle == 90 for op in texts)   # every value as text, turned to fit
    assert "Dec" in chart.drawing.texts
    with pytest.raises(ValueError):
        _chart(style, [1, 2], [1, 2, 3])
