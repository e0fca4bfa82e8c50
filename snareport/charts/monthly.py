"""Counts month by month in two periods a year apart → grouped bar ChartFlowable (earlier then later).

Each calendar month of the later period stands beside the same month a year earlier, so the chart
compares like with like; the title says in how many months the later figure was lower or higher.
"""
from __future__ import annotations

from collections.abc import Sequence

from snareport import formatting as fmt
from snareport.charts.chart_builder import ChartText, build_chart
from snareport.charts.flowable import ChartFlowable
from snareport.charts.grouped_bars import grouped_bars_plot
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    WITHHELD,
    change_clause,
    describe,
    percent_change,
    published_peak,
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)

LABEL_BARS_UP_TO = 6   # months; beyond this the bars are read from the value axis and the data table


def monthly_comparison_chart(
    months: Sequence[str],
    previous: Sequence[int | None],
    current: Sequence[int | None],
    *,
    previous_label: str,
    current_label: str,
    measure: str,
    area: str,
    source: str,
    style: ChartStyle,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Grouped vertical bars per month (``months`` are names such as "January"), earlier period first.

    ``None`` is a count withheld for disclosure control: no bar, the word "suppressed" instead. With up
    to six months every bar carries its count.
    """
    if not (len(months) == len(previous) == len(current)):
        raise ValueError("months, previous and current must have the same length")
    rows = [(m, p, c, percent_change(p, c)) for m, p, c in zip(months, previous, current)]
    text = ChartText(
        title=_title(rows, measure),
        subtitle=f"Number of {measure} by month, {area}, {previous_label} and {current_label}",
        source=source,
        alt_text=_alt_text(rows, measure, area, previous_label, current_label),
        data_table=[("Month", previous_label, current_label, "% change")]
        + [(m, value_or_suppressed(p), value_or_suppressed(c), "" if ch is None else fmt.percent(ch, plus=True))
           for m, p, c, ch in rows],
    )
    plot = grouped_bars_plot([m[:3] for m in months], previous, current, previous_label=previous_label,
                             current_label=current_label, style=style, bar_labels=len(rows) <= LABEL_BARS_UP_TO)
    return build_chart("monthly_comparison", text, plot, style, width or style.width, height or style.height)


def _title(rows, measure: str) -> str:
    pairs = [(p, c) for _, p, c, _ in rows if p is not None and c is not None]
    complete = len(pairs) == len(rows)
    if not pairs:
        return sentence_case(f"{measure} by month" if complete else f"changes in {measure} by month are {WITHHELD}")
    lower = sum(1 for p, c in pairs if c < p)
    higher = sum(1 for p, c in pairs if c > p)
    overall = ""
    if complete:  # an overall change only when every month is published
        overall = change_clause(percent_change(sum(p for p, _ in pairs), sum(c for _, c in pairs)))
    tail = f", {overall} overall" if overall else ""
    months = ("months" if len(pairs) > 1 else "month") + ("" if complete else " with published figures")
    if complete:
        every = "in every month" if len(pairs) > 1 else "in the month shown"
    else:
        every = f"in all {len(pairs)} {months}" if len(pairs) > 1 else f"in the one {months}"
    of_pairs = f"of {'' if complete else 'the '}{len(pairs)} {months}"
    if lower == higher == 0:
        return sentence_case(f"{measure} were the same as a year earlier {every}")
    if lower == higher:
        return sentence_case(f"{measure} were lower than a year earlier in {lower} and higher in {higher} {of_pairs}{tail}")
    direction, n = ("lower", lower) if lower > higher else ("higher", higher)
    where = every if n == len(pairs) else f"in {n} {of_pairs}"
    return sentence_case(f"{measure} were {direction} than a year earlier {where}{tail}")


def _alt_text(rows, measure: str, area: str, previous_label: str, current_label: str) -> str:
    findings = [_title(rows, measure)]
    changes = [r for r in rows if r[3] is not None and round(r[3], 1) != 0]
    if changes:
        m, p, c, ch = max(changes, key=lambda r: abs(r[3]))
        findings.append(f"The largest {'fall' if ch < 0 else 'rise'} was in {m}, {change_clause(ch)} "
                        f"({fmt.number(p)} to {fmt.number(c)})")
    peak = published_peak(c for _, _, c, _ in rows)
    if peak:
        busiest = next(m for m, _, c, _ in rows if c == peak)
        findings.append(f"The busiest month of {current_label} was {busiest}, with {fmt.number(peak)}")
    withheld = withheld_sentence([m for m, p, c, _ in rows if p is None or c is None], "months", len(rows),
                                 noun="counts", nouns="counts")
    return describe("Grouped bar chart", f"{measure} by month", area, f"{current_label} compared with {previous_label}",
                    *findings, withheld)
