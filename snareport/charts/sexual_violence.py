"""Sexual violence counts → ChartFlowables: by category (previous vs current) and by month of the year."""
from __future__ import annotations

from typing import Sequence

from matplotlib.figure import Figure

from snareport.charts.flowable import ChartFlowable
from snareport.charts.frame import ChartText, axes_in_points, build_chart, key_row, text_width, value_axis
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    change_verb,
    change_words,
    join_words,
    number,
    percent_change,
    sentence_case,
    signed_percent,
    suppressed_note,
    value_or_suppressed,
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
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Grouped vertical bars per category, earlier period then later, each bar labelled with its count."""
    if not (len(categories) == len(previous) == len(current)):
        raise ValueError("categories, previous and current must have the same length")
    rows = [(c, p, n, percent_change(p, n)) for c, p, n in zip(categories, previous, current)]
    text = ChartText(
        title=_category_title(rows, measure),
        subtitle=f"Number of {measure} by category, {area}, {previous_label} and {current_label}",
        source=source,
        alt_text=(f"Grouped bar chart of {measure} by category, {area}, {previous_label} then {current_label}. "
                  + "; ".join(f"{c}: {value_or_suppressed(p)} then {value_or_suppressed(n)}"
                              + ("" if ch is None else f", {change_words(ch)}") for c, p, n, ch in rows)
                  + "." + suppressed_note([c for c, p, n, _ in rows if p is None or n is None], "counts for")),
        data_table=[("Category", previous_label, current_label, "% change")]
        + [(c, value_or_suppressed(p), value_or_suppressed(n), "" if ch is None else signed_percent(ch))
           for c, p, n, ch in rows],
    )
    colours = (style.muted_colour, style.palette[0])
    key = (tuple(rows), previous_label, current_label)

    def plot(figure: Figure, w: float, h: float) -> None:
        key_height = style.text_size * 2.2
        largest = max([v for _, p, n, _ in rows for v in (p, n) if v is not None], default=1)
        axes = axes_in_points(figure, w, h, left=text_width(number(largest * 1.2), style) + 8,
                              bottom=style.text_size * 2.4, right=4, top=key_height + 4)
        for i, (_, p, n, _) in enumerate(rows):
            for j, value in enumerate((p, n)):
                x = i - 0.2 + 0.4 * j
                if value is None:
                    axes.text(x, largest * 0.02, SUPPRESSED, rotation=90, ha="center", va="bottom",
                              fontsize=style.min_text_size, color=style.secondary_text_colour)
                    continue
                axes.bar(x, value, width=0.38, color=colours[j], zorder=2)
                axes.text(x, value + largest * 0.015, number(value), ha="center", va="bottom",
                          fontsize=style.text_size, color=style.text_colour)
        axes.set_xticks(range(len(rows)), [r[0] for r in rows])
        axes.set_xlim(-0.6, len(rows) - 0.4)
        value_axis(axes, style, number, largest * 1.15)
        key_row(figure, style, [(colours[0], previous_label), (colours[1], current_label)], 0, h - key_height + 4, h)

    return build_chart("category_change", text, plot, style, width or style.width, height or style.height, key)


def _category_title(rows, measure: str) -> str:
    changes = [(c, ch) for c, _, _, ch in rows if ch is not None]
    if not changes:
        return sentence_case(f"{measure} by category")
    fell = [c for c, ch in changes if round(ch, 1) < 0]
    rose = [c for c, ch in changes if round(ch, 1) > 0]
    previous_total = sum(p for _, p, n, _ in rows if p is not None and n is not None)
    current_total = sum(n for _, p, n, _ in rows if p is not None and n is not None)
    overall = change_words(percent_change(previous_total, current_total))
    if len(fell) == len(changes):
        return sentence_case(f"{measure} fell in every category, {overall} overall")
    if len(rose) == len(changes):
        return sentence_case(f"{measure} rose in every category, {overall} overall")
    if rose:
        return sentence_case(f"{join_words(rose)} {'rose' if len(rose) > 1 else 'rose'}; {measure} {overall} overall")
    return sentence_case(f"{measure} {overall} overall")


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
    top = [i for _, i in sorted(known, key=lambda t: (-t[0], t[1]))[:peaks] if counts[i] > 0]
    top_names = [months[i] for i in sorted(top, key=lambda i: -counts[i])]
    text = ChartText(
        title=(sentence_case(f"{measure} were highest in {join_words(top_names)}") if top_names
               else sentence_case(f"{measure} by month")),
        subtitle=f"Number of {measure} by month of the year, {area}, {period}",
        source=source,
        alt_text=(f"Bar chart of {measure} by month of the year, {area}, {period}. "
                  + ", ".join(f"{m}: {value_or_suppressed(c)}" for m, c in zip(months, counts))
                  + f". Highest months: {join_words(f'{months[i]} ({number(counts[i])})' for i in top) or 'none'}."
                  + suppressed_note([m for m, c in zip(months, counts) if c is None], "months")),
        data_table=[("Month", "Number")] + [(m, value_or_suppressed(c)) for m, c in zip(months, counts)],
    )
    key = (tuple(months), tuple(counts), peaks)

    def plot(figure: Figure, w: float, h: float) -> None:
        largest = max((c for c, _ in known), default=1) or 1
        axes = axes_in_points(figure, w, h, left=text_width(number(largest * 1.2), style) + 8,
                              bottom=style.text_size * 2.4, right=4, top=style.text_size * 1.2)
        for i, c in enumerate(counts):
            if c is None:
                axes.text(i, largest * 0.02, SUPPRESSED, rotation=90, ha="center", va="bottom",
                          fontsize=style.min_text_size, color=style.secondary_text_colour)
                continue
            axes.bar(i, c, width=0.7, color=style.palette[0] if i in top else style.muted_colour, zorder=2)
            if i in top:
                axes.text(i, c + largest * 0.015, number(c), ha="center", va="bottom", fontsize=style.text_size,
                          weight="bold", color=style.text_colour)
        axes.set_xticks(range(len(months)), [m[:3] for m in months])
        axes.set_xlim(-0.6, len(months) - 0.4)
        value_axis(axes, style, number, largest * 1.15)

    return build_chart("monthly_profile", text, plot, style, width or style.width, height or style.height, key)
