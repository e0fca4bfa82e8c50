"""Counts month by month in two periods a year apart → grouped bar ChartFlowable (earlier then later).

Each calendar month of the later period stands beside the same month a year earlier, so the chart
compares like with like; the title says in how many months the later figure was lower or higher.
"""
from __future__ import annotations

from typing import Sequence

from matplotlib.figure import Figure

from snareport.charts.flowable import ChartFlowable
from snareport.charts.frame import ChartText, axes_in_points, build_chart, key_row, text_width, value_axis
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    change_words,
    number,
    percent_change,
    sentence_case,
    signed_percent,
    suppressed_note,
    value_or_suppressed,
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
        alt_text=(f"Grouped bar chart of {measure} by month, {area}, {previous_label} then {current_label}. "
                  + "; ".join(f"{m}: {value_or_suppressed(p)} then {value_or_suppressed(c)}"
                              + ("" if ch is None else f", {change_words(ch)}") for m, p, c, ch in rows)
                  + "." + suppressed_note([m for m, p, c, _ in rows if p is None or c is None], "counts for")),
        data_table=[("Month", previous_label, current_label, "% change")]
        + [(m, value_or_suppressed(p), value_or_suppressed(c), "" if ch is None else signed_percent(ch))
           for m, p, c, ch in rows],
    )
    colours = (style.muted_colour, style.palette[0])
    labelled = len(rows) <= LABEL_BARS_UP_TO
    key = (tuple(rows), previous_label, current_label, measure)

    def plot(figure: Figure, w: float, h: float) -> None:
        key_height = style.text_size * 2.2
        largest = max([v for _, p, c, _ in rows for v in (p, c) if v is not None], default=1) or 1
        axes = axes_in_points(figure, w, h, left=text_width(number(largest * 1.2), style) + 8,
                              bottom=style.text_size * 2.4, right=4, top=key_height + 4)
        for i, (_, p, c, _) in enumerate(rows):
            for j, value in enumerate((p, c)):
                x = i - 0.2 + 0.4 * j
                if value is None:
                    axes.text(x, largest * 0.02, SUPPRESSED, rotation=90, ha="center", va="bottom",
                              fontsize=style.min_text_size, color=style.secondary_text_colour)
                    continue
                axes.bar(x, value, width=0.38, color=colours[j], zorder=2)
                if labelled:
                    axes.text(x, value + largest * 0.015, number(value), ha="center", va="bottom",
                              fontsize=style.text_size, color=style.text_colour)
        axes.set_xticks(range(len(rows)), [r[0][:3] for r in rows])
        axes.set_xlim(-0.6, len(rows) - 0.4)
        value_axis(axes, style, number, largest * 1.15)
        key_row(figure, style, [(colours[0], previous_label), (colours[1], current_label)], 0, h - key_height + 4, h)

    return build_chart("monthly_comparison", text, plot, style, width or style.width, height or style.height, key)


def _title(rows, measure: str) -> str:
    pairs = [(p, c) for _, p, c, _ in rows if p is not None and c is not None]
    if not pairs:
        return sentence_case(f"{measure} by month")
    lower = sum(1 for p, c in pairs if c < p)
    higher = sum(1 for p, c in pairs if c > p)
    overall = change_words(percent_change(sum(p for p, _ in pairs), sum(c for _, c in pairs)))
    if lower == len(pairs):
        months = "in every month" if len(pairs) > 1 else "in the month shown"
        return sentence_case(f"{measure} were lower than a year earlier {months}, {overall} overall")
    if higher == len(pairs):
        months = "in every month" if len(pairs) > 1 else "in the month shown"
        return sentence_case(f"{measure} were higher than a year earlier {months}, {overall} overall")
    if lower >= higher:
        return sentence_case(f"{measure} were lower than a year earlier in {lower} of {len(pairs)} months, "
                             f"{overall} overall")
    return sentence_case(f"{measure} were higher than a year earlier in {higher} of {len(pairs)} months, "
                         f"{overall} overall")
