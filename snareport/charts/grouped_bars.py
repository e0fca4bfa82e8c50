"""Two periods' counts per item → the plot of a grouped bar chart (earlier bar, then later, with a key).

Shared by the by-category and month-by-month comparison charts; each chart keeps its own words.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.figure import Figure

from snareport import formatting as fmt
from snareport.charts.chart_builder import (
    WITHHELD_KEY,
    WITHHELD_SWATCH,
    BarRun,
    Labels,
    axes_in_points,
    key_row,
    text_width,
    value_axis,
    withheld_bar,
)
from snareport.charts.style import ChartStyle
from snareport.charts.wording import SUPPRESSED


def grouped_bars_plot(
    ticks: Sequence[str],
    previous: Sequence[int | None],
    current: Sequence[int | None],
    *,
    previous_label: str,
    current_label: str,
    style: ChartStyle,
    bar_labels: bool,
    upright_labels: bool = False,
) -> Callable[[Figure, float, float], None]:
    """A plot function for ``build_chart``: per tick an earlier (muted) and a later (accent) bar.

    ``None`` is a count withheld for disclosure control: no bar, the word "withheld" instead.
    ``bar_labels`` prints each bar's count above it (``upright_labels``: turned upright, for narrow bars).
    """
    colours = (style.muted_colour, style.highlight_colour)

    def plot(figure: Figure, w: float, h: float) -> None:
        key_height = style.text_size * 2.2
        largest = max([v for pair in zip(previous, current) for v in pair if v is not None], default=1) or 1
        axes = axes_in_points(figure, w, h, left=text_width(fmt.number(largest * 1.2), style) + 8,
                              bottom=style.text_size * 2.4, right=4, top=key_height + 4)
        ceiling = largest * 1.15
        if bar_labels and upright_labels:   # room above the tallest bar for its upright label
            label = max(text_width(fmt.number(v), style) for v in (*previous, *current) if v is not None) \
                if any(v is not None for v in (*previous, *current)) else 0.0
            ceiling = largest * 1.03 / max(1 - (label + 4) / (h - style.text_size * 2.4 - key_height - 4), 0.3)
        bars = BarRun(axes, zorder=2)
        labels = Labels(axes, ha="center", va="bottom")
        for i, pair in enumerate(zip(previous, current)):
            for j, value in enumerate(pair):
                x = i - 0.2 + 0.4 * j
                if value is None:
                    bars.end()
                    withheld_bar(axes, x, 0.38, largest * 0.06, style)
                    labels.add(x, largest * 0.08, SUPPRESSED, rotation=90, fontsize=style.min_text_size,
                               color=style.secondary_text_colour)
                    continue
                bars.add(x, value, 0.38, colours[j])
                if bar_labels:
                    labels.add(x, value + largest * 0.015, fmt.number(value), rotation=90 if upright_labels else 0,
                               fontsize=style.min_text_size if upright_labels else style.text_size,
                               color=style.text_colour)
        bars.end()
        axes.set_xticks(range(len(ticks)), list(ticks))
        axes.set_xlim(-0.6, len(ticks) - 0.4)
        value_axis(axes, style, fmt.number, ceiling)
        withheld = [(WITHHELD_SWATCH, WITHHELD_KEY)] if None in (*previous, *current) else []
        key_row(figure, style, [(colours[0], previous_label), (colours[1], current_label), *withheld], 0,
                h - key_height + 4, h)

    return plot
