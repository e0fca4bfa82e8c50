"""Counts for every month in a source → a bar ChartFlowable over time; the main period's months in the
accent colour, earlier months muted, and months the source lacks marked "no data" (never drawn as zero)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from matplotlib.figure import Figure

from snareport import formatting as fmt
from snareport.charts.chart_builder import (
    Bars,
    ChartText,
    Labels,
    axes_in_points,
    build_chart,
    key_row,
    text_width,
    value_axis,
)
from snareport.charts.flowable import ChartFlowable
from snareport.charts.style import ChartStyle
from snareport.charts.wording import SUPPRESSED, describe, sentence_case, value_or_suppressed

NO_DATA = "no data"


def monthly_trend_chart(
    months: Sequence[dt.date],
    counts: Sequence[int | None],
    in_source: Sequence[bool],
    in_main: Sequence[bool],
    *,
    main_label: str,
    measure: str,
    area: str,
    source: str,
    style: ChartStyle,
    busiest: dt.date | None = None,
    busiest_count: int | None = None,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """One bar per calendar month. ``None`` with ``in_source`` is a withheld count ("withheld");
    without it, a month the source does not cover ("no data"). The title names ``busiest`` (the model's
    busiest month) with ``busiest_count``; without one it says what the chart shows."""
    if not (len(months) == len(counts) == len(in_source) == len(in_main)):
        raise ValueError("months, counts, in_source and in_main must have the same length")
    names = [f"{fmt.month_name(m.month)[:3]} {m.year}" for m in months]
    first, last = (names[0], names[-1]) if names else ("", "")
    gaps = [n for n, ok in zip(names, in_source) if not ok]
    title = (f"{measure} peaked in {fmt.month_name(busiest.month)[:3]} {busiest.year} at {fmt.number(busiest_count)}"
             if busiest is not None and busiest_count is not None else f"{measure} by month")
    text = ChartText(
        title=sentence_case(title),
        subtitle=f"Number of {measure} by month, {area}, {first} to {last}; {main_label} highlighted",
        source=source,
        alt_text=describe("Bar chart", f"{measure} by month", area, f"{first} to {last}", sentence_case(title),
                          *([f"Months with no data in the source: {', '.join(gaps)}"] if gaps else []),
                          f"The main period, {main_label}, is highlighted"),
        data_table=[("Month", "Number")] + [
            (n, value_or_suppressed(c) if ok else NO_DATA) for n, c, ok in zip(names, counts, in_source)],
    )
    plot = _plot([m for m in months], counts, in_source, in_main, main_label, style)
    return build_chart("monthly_trend", text, plot, style, width or style.width, height or style.height)


def _plot(months, counts, in_source, in_main, main_label, style: ChartStyle):
    colours = (style.muted_colour, style.highlight_colour)

    def plot(figure: Figure, w: float, h: float) -> None:
        key_height = style.text_size * 2.2
        largest = max([c for c in counts if c is not None], default=1) or 1
        axes = axes_in_points(figure, w, h, left=text_width(fmt.number(largest * 1.2), style) + 8,
                              bottom=style.text_size * 3.6, right=4, top=key_height + 4)
        gaps = Labels(axes, ha="center", va="bottom", rotation=90, fontsize=style.min_text_size,
                      color=style.secondary_text_colour)
        values = Labels(axes, zorder=4, ha="center", va="bottom", rotation=90, fontsize=style.min_text_size,
                        color=style.text_colour)
        for i, (count, ok, main) in enumerate(zip(counts, in_source, in_main)):
            if count is None:
                gaps.add(i, largest * 0.02, SUPPRESSED if ok else NO_DATA)
                continue
            Bars(axes, i, count, 0.7, colours[1 if main else 0], zorder=2)
            # every month's count upright above its bar: the values are there as text
            values.add(i, count + largest * 0.015, fmt.number(count))
        labels = [fmt.month_name(m.month)[:3] + (f"\n{m.year}" if i == 0 or m.month == 1 else "")
                  for i, m in enumerate(months)]
        axes.set_xticks(range(len(months)), labels)
        axes.tick_params(axis="x", length=0, labelsize=style.min_text_size)
        axes.set_xlim(-0.6, len(months) - 0.4)
        label = max((text_width(fmt.number(c), style) for c in counts if c is not None), default=0.0)
        plot_height = h - style.text_size * 3.6 - key_height - 4
        value_axis(axes, style, fmt.number, largest * 1.03 / max(1 - (label + 4) / plot_height, 0.3))
        key_row(figure, style, [(colours[1], main_label), (colours[0], "earlier months")], 0, h - key_height + 4, h)

    return plot
