"""Sexual violence counts → ChartFlowables: by category (previous vs current) and by month of the year."""
from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from snareport import formatting as fmt
from snareport.charts.chart_builder import (
    BarRun,
    ChartText,
    Labels,
    axes_in_points,
    build_chart,
    text_width,
    value_axis,
    withheld_bar,
)
from snareport.charts.flowable import ChartFlowable
from snareport.charts.grouped_bars import grouped_bars_plot
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    WITHHELD,
    change_clause,
    count_noun,
    describe,
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)
from snareport.models.common import Change, ComparisonFindings


def category_change_chart(
    categories: Sequence[str],
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
    """Grouped vertical bars per category, earlier period then later, each bar labelled with its count.

    The title names the comparison ("from 2023/24 to 2024/25") and what ``findings`` (from the model) say:
    which categories fell or rose and, when every category is published, the overall change (the change in
    the total over the same two periods).
    """
    if len(categories) != len(changes) or findings.items != len(changes):
        raise ValueError("categories, changes and findings must cover the same categories")
    when = f"from {previous_label} to {current_label}"
    text = ChartText(
        title=_category_title(findings, measure, when),
        subtitle=f"Number of {measure} by category, {area}, {previous_label} and {current_label}",
        source=source,
        alt_text=_category_alt_text(categories, changes, findings, measure, area, previous_label, current_label),
        data_table=[("Category", previous_label, current_label, "% change")]
        + [(name, value_or_suppressed(c.previous), value_or_suppressed(c.current),
            "" if c.change_pct is None else fmt.percent(c.change_pct, plus=True))
           for name, c in zip(categories, changes)],
    )
    plot = grouped_bars_plot(categories, [c.previous for c in changes], [c.current for c in changes],
                             previous_label=previous_label, current_label=current_label, style=style,
                             bar_labels=True)
    return build_chart("category_change", text, plot, style, width or style.width, height or style.height)


def _category_title(f: ComparisonFindings, measure: str, when: str) -> str:
    complete = f.compared == f.items
    if not (f.fell or f.rose):
        return sentence_case(f"{measure} by category, {when}" if complete
                             else f"changes in {measure} by category {when} are {WITHHELD}")
    overall = change_clause(f.overall.change_pct) if f.overall is not None else ""
    which = "" if complete else " with a published change"
    of_changes = f"{count_noun(f.compared, 'category', 'categories')}{which}"
    if f.fell_count == f.compared or f.rose_count == f.compared:
        verb = "fell" if f.fell else "rose"
        where = "every category" if not which else (f"all {of_changes}" if f.compared > 1
                                                     else f"the one category{which}")
        return sentence_case(f"{measure} {verb} in {where} {when}" + (f", {overall} overall" if overall else ""))
    if f.rose:
        return sentence_case(f"{fmt.join_words(f.rose)} rose {when}" + (f"; {measure} {overall} overall" if overall
                                                                           else f", of {of_changes}"))
    return sentence_case(f"{measure} {overall} overall {when}" if overall
                         else f"{measure} fell in {fmt.number(f.fell_count)} of {of_changes} {when}")


def _category_alt_text(categories: Sequence[str], changes: Sequence[Change], f: ComparisonFindings, measure: str,
                       area: str, previous_label: str, current_label: str) -> str:
    findings = [_category_title(f, measure, f"from {previous_label} to {current_label}")]
    if f.highest is not None and f.highest.change.current:
        findings.append(f"{f.highest.name} was the largest category, with {fmt.number(f.highest.change.current)} "
                        f"in {current_label}")
    if f.largest_change is not None:
        c = f.largest_change.change
        findings.append(f"The largest {'fall' if c.direction == 'fall' else 'rise'} was in {f.largest_change.name}, "
                        f"{change_clause(c.change_pct)} ({fmt.number(c.previous)} to {fmt.number(c.current)})")
    withheld = withheld_sentence([name for name, c in zip(categories, changes) if c.previous is None or c.current is None],
                                 "categories", f.items, noun="counts", nouns="counts")
    return describe("Grouped bar chart", f"{measure} by category", area,
                    f"{current_label} compared with {previous_label}", *findings, withheld)


def monthly_profile_chart(
    months: Sequence[str],
    counts: Sequence[int | None],
    *,
    peak_months: Sequence[str],
    measure: str,
    area: str,
    period: str,
    source: str,
    style: ChartStyle,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Vertical bars by month of the year; the model's ``peak_months`` (names among ``months``, worked out
    from the published counts) are coloured and labelled with their counts."""
    if len(months) != len(counts):
        raise ValueError("months and counts must have the same length")
    if not set(peak_months) <= set(months):
        raise ValueError("every peak month must be one of the months")
    top = [i for i, m in enumerate(months) if m in peak_months]
    withheld = any(c is None for c in counts)
    title = (sentence_case(f"{measure} were highest in {fmt.join_words(list(peak_months))}, {period}") if peak_months
             else sentence_case(f"{measure} by month, {period}, are {WITHHELD}") if withheld
             else sentence_case(f"{measure} by month, {period}"))
    text = ChartText(
        title=title,
        subtitle=f"Number of {measure} by month of the year, {area}, {period}",
        source=source,
        alt_text=_profile_alt_text(months, counts, peak_months, title, measure, area, period),
        data_table=[("Month", "Number")] + [(m, value_or_suppressed(c)) for m, c in zip(months, counts)],
    )

    def plot(figure: Figure, w: float, h: float) -> None:
        largest = max((c for c in counts if c is not None), default=1) or 1
        axes = axes_in_points(figure, w, h, left=text_width(fmt.number(largest * 1.2), style) + 8,
                              bottom=style.text_size * 2.4, right=4, top=style.text_size * 1.2)
        bars = BarRun(axes, zorder=2)
        labels = Labels(axes, ha="center", va="bottom", fontsize=style.min_text_size)
        for i, c in enumerate(counts):
            if c is None:
                bars.end()
                withheld_bar(axes, i, 0.7, largest * 0.06, style)
                labels.add(i, largest * 0.08, SUPPRESSED, rotation=90, color=style.secondary_text_colour)
                continue
            bars.add(i, c, 0.7, style.highlight_colour if i in top else style.muted_colour)
            # every month carries its count (the peaks in bold), so each value is there as text
            labels.add(i, c + largest * 0.015, fmt.number(c), weight="bold" if i in top else "normal",
                       color=style.text_colour)
        bars.end()
        axes.set_xticks(range(len(months)), [m[:3] for m in months])
        axes.set_xlim(-0.6, len(months) - 0.4)
        value_axis(axes, style, fmt.number, largest * 1.15)

    return build_chart("monthly_profile", text, plot, style, width or style.width, height or style.height)


def _profile_alt_text(months, counts, peak_months: Sequence[str], title: str, measure: str, area: str,
                      period: str) -> str:
    findings = [title]
    count_of = dict(zip(months, counts))
    if peak_months:
        findings[0] += (f", with {fmt.number(count_of[peak_months[0]])}" if len(peak_months) == 1 else
                        f", with {fmt.join_words([fmt.number(count_of[m]) for m in peak_months])} respectively")
    withheld = withheld_sentence([m for m, c in zip(months, counts) if c is None], "months", len(months),
                                 noun="count", nouns="counts")
    return describe("Bar chart", f"{measure} by month of the year", area, period, *findings, withheld)
