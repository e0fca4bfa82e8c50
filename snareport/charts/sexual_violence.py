"""Sexual violence counts → ChartFlowables: by category (previous vs current) and by month of the year."""
from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from snareport import formatting as fmt
from snareport.charts.chart_builder import ChartText, axes_in_points, build_chart, text_width, value_axis, withheld_bar
from snareport.charts.flowable import ChartFlowable
from snareport.charts.grouped_bars import grouped_bars_plot
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    WITHHELD,
    change_clause,
    count_noun,
    describe,
    percent_change,
    published_peak,
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)


def category_change_chart(
    categories: Sequence[str],
    previous: Sequence[int | None],
    current: Sequence[int | None],
    *,
    previous_label: str,
    current_label: str,
    measure: str,
    area: str,
    source: str,
    style: ChartStyle,
    overall_change: float | None = None,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Grouped vertical bars per category, earlier period then later, each bar labelled with its count.

    The title names the comparison ("from 2023/24 to 2024/25") and, when ``overall_change`` is given (the
    model's % change of the total over the same two periods), the overall change.
    """
    if not (len(categories) == len(previous) == len(current)):
        raise ValueError("categories, previous and current must have the same length")
    rows = [(c, p, n, percent_change(p, n)) for c, p, n in zip(categories, previous, current)]
    when = f"from {previous_label} to {current_label}"
    text = ChartText(
        title=_category_title(rows, measure, when, overall_change),
        subtitle=f"Number of {measure} by category, {area}, {previous_label} and {current_label}",
        source=source,
        alt_text=_category_alt_text(rows, measure, area, previous_label, current_label, overall_change),
        data_table=[("Category", previous_label, current_label, "% change")]
        + [(c, value_or_suppressed(p), value_or_suppressed(n), "" if ch is None else fmt.percent(ch, plus=True))
           for c, p, n, ch in rows],
    )
    plot = grouped_bars_plot(categories, previous, current, previous_label=previous_label,
                             current_label=current_label, style=style, bar_labels=True)
    return build_chart("category_change", text, plot, style, width or style.width, height or style.height)


def _category_title(rows, measure: str, when: str, overall_change: float | None) -> str:
    changes = [(c, ch) for c, _, _, ch in rows if ch is not None]
    complete = all(p is not None and n is not None for _, p, n, _ in rows)
    if not changes:
        return sentence_case(f"{measure} by category, {when}" if complete
                             else f"changes in {measure} by category {when} are {WITHHELD}")
    fell = [c for c, ch in changes if round(ch, 1) < 0]
    rose = [c for c, ch in changes if round(ch, 1) > 0]
    overall = ""
    if complete:  # an overall change only when every category is published
        overall = change_clause(overall_change)
    which = "" if len(changes) == len(rows) else " with a published change"
    of_changes = f"{count_noun(len(changes), 'category', 'categories')}{which}"
    if len(fell) == len(changes) or len(rose) == len(changes):
        verb = "fell" if fell else "rose"
        where = "every category" if not which else (f"all {of_changes}" if len(changes) > 1
                                                     else f"the one category{which}")
        return sentence_case(f"{measure} {verb} in {where} {when}" + (f", {overall} overall" if overall else ""))
    if rose:
        return sentence_case(f"{fmt.join_words(rose)} rose {when}" + (f"; {measure} {overall} overall" if overall
                                                                         else f", of {of_changes}"))
    return sentence_case(f"{measure} {overall} overall {when}" if overall
                         else f"{measure} fell in {len(fell)} of {of_changes} {when}")


def _category_alt_text(rows, measure: str, area: str, previous_label: str, current_label: str,
                       overall_change: float | None) -> str:
    findings = [_category_title(rows, measure, f"from {previous_label} to {current_label}", overall_change)]
    current = [n for _, _, n, _ in rows]
    peak = published_peak(current)
    if peak:
        name = next(c for c, _, n, _ in rows if n == peak)
        findings.append(f"{name} was the largest category, with {fmt.number(peak)} in {current_label}")
    changes = [r for r in rows if r[3] is not None and round(r[3], 1) != 0]
    if changes:
        c, p, n, ch = max(changes, key=lambda r: (abs(r[3]), r[0]))
        findings.append(f"The largest {'fall' if ch < 0 else 'rise'} was in {c}, {change_clause(ch)} "
                        f"({fmt.number(p)} to {fmt.number(n)})")
    withheld = withheld_sentence([c for c, p, n, _ in rows if p is None or n is None], "categories",
                                 len(rows), noun="counts", nouns="counts")
    return describe("Grouped bar chart", f"{measure} by category", area,
                    f"{current_label} compared with {previous_label}", *findings, withheld)


def monthly_profile_chart(
    months: Sequence[str],
    counts: Sequence[int | None],
    *,
    measure: str,
    area: str,
    period: str,
    source: str,
    style: ChartStyle,
    peaks: int = 3,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Vertical bars by month of the year, the ``peaks`` highest months labelled with their counts."""
    if len(months) != len(counts):
        raise ValueError("months and counts must have the same length")
    known = [(c, i) for i, c in enumerate(counts) if c is not None]
    peak = published_peak(counts)
    top = [i for _, i in sorted(known, key=lambda t: (-t[0], t[1]))[:peaks] if counts[i] > 0]
    top_names = [months[i] for i in sorted(top, key=lambda i: -counts[i])]
    title = (sentence_case(f"{measure} by month, {period}, are {WITHHELD}") if peak is None
             else sentence_case(f"{measure} were highest in {fmt.join_words(top_names)}, {period}") if top_names
             else sentence_case(f"{measure} by month, {period}"))
    text = ChartText(
        title=title,
        subtitle=f"Number of {measure} by month of the year, {area}, {period}",
        source=source,
        alt_text=_profile_alt_text(months, counts, top, title, measure, area, period),
        data_table=[("Month", "Number")] + [(m, value_or_suppressed(c)) for m, c in zip(months, counts)],
    )

    def plot(figure: Figure, w: float, h: float) -> None:
        largest = max((c for c, _ in known), default=1) or 1
        axes = axes_in_points(figure, w, h, left=text_width(fmt.number(largest * 1.2), style) + 8,
                              bottom=style.text_size * 2.4, right=4, top=style.text_size * 1.2)
        for i, c in enumerate(counts):
            if c is None:
                withheld_bar(axes, i, 0.7, largest * 0.06, style)
                axes.text(i, largest * 0.08, SUPPRESSED, rotation=90, ha="center", va="bottom",
                          fontsize=style.min_text_size, color=style.secondary_text_colour)
                continue
            axes.bar(i, c, width=0.7, color=style.palette[0] if i in top else style.muted_colour, zorder=2)
            if i in top:
                axes.text(i, c + largest * 0.015, fmt.number(c), ha="center", va="bottom", fontsize=style.text_size,
                          weight="bold", color=style.text_colour)
        axes.set_xticks(range(len(months)), [m[:3] for m in months])
        axes.set_xlim(-0.6, len(months) - 0.4)
        value_axis(axes, style, fmt.number, largest * 1.15)

    return build_chart("monthly_profile", text, plot, style, width or style.width, height or style.height)


def _profile_alt_text(months, counts, top: list[int], title: str, measure: str, area: str, period: str) -> str:
    findings = [title]
    if top:
        ordered = sorted(top, key=lambda i: (-counts[i], i))
        findings[0] += (f", with {fmt.number(counts[ordered[0]])}" if len(ordered) == 1 else
                        f", with {fmt.join_words([fmt.number(counts[i]) for i in ordered])} respectively")
    if top and all(c is not None for c in counts):
        low = min(range(len(counts)), key=lambda i: (counts[i], i))
        findings.append(f"The quietest month was {months[low]}, with {fmt.number(counts[low])}")
    withheld = withheld_sentence([m for m, c in zip(months, counts) if c is None], "months", len(months),
                                 noun="count", nouns="counts")
    return describe("Bar chart", f"{measure} by month of the year", area, period, *findings, withheld)
