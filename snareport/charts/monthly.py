"""Counts month by month in two periods a year apart → grouped bar ChartFlowable (earlier then later).

Each calendar month of the later period stands beside the same month a year earlier, so the chart
compares like with like; the title says in how many months the later figure was lower or higher, from the
model's findings (the chart counts nothing itself).
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
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)
from snareport.models.common import Change, ComparisonFindings

LABEL_BARS_UP_TO = 6   # months; beyond this each bar's count is printed upright above it (narrow bars)


def monthly_comparison_chart(
    months: Sequence[str],
    changes: Sequence[Change],
    findings: ComparisonFindings,
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

    ``changes`` are the months' figures, ``findings`` what the title and alt text say about them (worked
    out by the calculator, and again after disclosure control). A side of ``None`` is a count withheld for
    disclosure control: no bar, the word "withheld" instead. With up to six months every bar carries its
    count across, beyond that upright, so every value is there as text.
    """
    if len(months) != len(changes) or findings.items != len(changes):
        raise ValueError("months, changes and findings must cover the same months")
    previous = [c.previous for c in changes]
    current = [c.current for c in changes]
    text = ChartText(
        title=_title(findings, measure),
        subtitle=f"Number of {measure} by month, {area}, {previous_label} and {current_label}",
        source=source,
        alt_text=_alt_text(months, changes, findings, measure, area, previous_label, current_label),
        data_table=[("Month", previous_label, current_label, "% change")]
        + [(m, value_or_suppressed(c.previous), value_or_suppressed(c.current),
            "" if c.change_pct is None else fmt.percent(c.change_pct, plus=True))
           for m, c in zip(months, changes)],
    )
    plot = grouped_bars_plot([m[:3] for m in months], previous, current, previous_label=previous_label,
                             current_label=current_label, style=style,
                             bar_labels=True, upright_labels=len(months) > LABEL_BARS_UP_TO)
    return build_chart("monthly_comparison", text, plot, style, width or style.width, height or style.height)


def _title(f: ComparisonFindings, measure: str) -> str:
    complete = f.compared == f.items
    if not f.compared:
        return sentence_case(f"{measure} by month" if complete else f"changes in {measure} by month are {WITHHELD}")
    lower, higher = f.fell, f.rose
    tail = f", {change_clause(f.overall.change_pct)} overall" if f.overall and f.overall.change_pct is not None else ""
    several = f.compared != 1
    months = ("months" if several else "month") + ("" if complete else " with published figures")
    if complete:
        every = "in every month" if several else "in the month shown"
    else:
        every = f"in all {fmt.number(f.compared)} {months}" if several else f"in the one {months}"
    of_pairs = f"of {'' if complete else 'the '}{fmt.number(f.compared)} {months}"
    if not lower and not higher:
        return sentence_case(f"{measure} were the same as a year earlier {every}")
    if f.fell_count == f.rose_count:
        return sentence_case(f"{measure} were lower than a year earlier in {fmt.number(f.fell_count)} and higher "
                             f"in {fmt.number(f.rose_count)} {of_pairs}{tail}")
    direction, n = ("lower", f.fell_count) if f.fell_count > f.rose_count else ("higher", f.rose_count)
    where = every if n == f.compared else f"in {fmt.number(n)} {of_pairs}"
    return sentence_case(f"{measure} were {direction} than a year earlier {where}{tail}")


def _alt_text(months: Sequence[str], changes: Sequence[Change], f: ComparisonFindings, measure: str, area: str,
              previous_label: str, current_label: str) -> str:
    findings = [_title(f, measure)]
    if f.largest_change:
        m, c = f.largest_change.name, f.largest_change.change
        findings.append(f"The largest {'fall' if c.direction == 'fall' else 'rise'} was in {m}, "
                        f"{change_clause(c.change_pct)} ({fmt.number(c.previous)} to {fmt.number(c.current)})")
    if f.highest and f.highest.change.current:
        findings.append(f"The busiest month of {current_label} was {f.highest.name}, with "
                        f"{fmt.number(f.highest.change.current)}")
    withheld = withheld_sentence([m for m, c in zip(months, changes) if c.previous is None or c.current is None],
                                 "months", f.items, noun="counts", nouns="counts")
    return describe("Grouped bar chart", f"{measure} by month", area, f"{current_label} compared with {previous_label}",
                    *findings, withheld)
