"""7 × 24 counts (weekday × hour) → heatmap ChartFlowable drawn as vector cells, peaks labelled.

Cells are binned into the steps of the theme's sequential palette that differ from their neighbours by at
least 3:1 (``ChartStyle.ramp``: three of the Analysis Function's five blues; five steps cannot all differ
by 3:1) with a key of the bin ranges. Every cell carries its count (peaks in bold) and a grey edge, so no
reading depends on colour, nor on the lightest step against white paper. Withheld cells are hatched grey,
with their own key entry.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from snareport import formatting as fmt
from snareport.charts.chart_builder import Annotations, ChartText, Labels, axes_in_points, build_chart, text_width
from snareport.charts.flowable import ChartFlowable
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    WITHHELD,
    describe,
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_hour_heatmap(
    counts: Sequence[Sequence[int | None]],
    *,
    cohort: str,
    area: str,
    period: str,
    source: str,
    style: ChartStyle,
    peaks: Sequence[tuple[int, int, int]] = (),
    total: int | None = None,
    days: Sequence[str] = WEEKDAYS,
    band_hours: int = 1,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Heatmap of offences involving ``cohort`` (e.g. "under 18s") by day (rows, Monday first) and hour
    (columns of ``band_hours`` hours each: the model widens them where counts are small).

    ``peaks`` are the model's peak cells as (count, day, first hour), busiest first; the title names the
    busiest, the alt text the others, and their values are bold. ``total`` is the model's total, said in
    the alt text. The chart finds no peak and adds nothing up itself."""
    grid = [list(row) for row in counts]
    b = band_hours
    if b < 1 or 24 % b:
        raise ValueError(f"band_hours {b} does not divide the 24 hours of a day")
    columns = 24 // b
    if len(grid) != len(days) or any(len(row) != columns for row in grid):
        raise ValueError(f"counts must be {len(days)} rows of {columns} columns of {b} hour(s)")
    peaks = [(v, d, h // b) for v, d, h in peaks]
    largest = max((v for row in grid for v in row if v is not None), default=0)   # the colour key's scale
    suppressed = [(d, h) for d, row in enumerate(grid) for h, v in enumerate(row) if v is None]
    bounds = _bin_bounds(largest, len(style.ramp))
    text = ChartText(
        title=_title(cohort, peaks, bool(suppressed), days, b),
        subtitle=f"Offences involving {cohort} by day and {'hour' if b == 1 else f'{b}-hour band'}, {area}, {period}",
        source=source,
        alt_text=_alt_text(cohort, area, period, grid, peaks, suppressed, total, days, b),
        data_table=[("Day", *(f"{c * b:02d}:00" if b == 1 else f"{c * b:02d}:00\u2013{(c + 1) * b:02d}:00"
                              for c in range(columns)))]
        + [(days[d], *(value_or_suppressed(v) for v in row)) for d, row in enumerate(grid)],
    )

    def plot(figure: Figure, w: float, h: float) -> None:
        key_height = style.text_size * 3.2
        left = max(text_width(d[:3], style) for d in days) + 8
        axes = axes_in_points(figure, w, h, left=left, bottom=key_height + style.text_size * 3.2, right=2, top=2)
        peak_cells = {(d, hr) for _, d, hr in peaks}
        ramp = style.ramp
        inks = {colour: _ink_on(colour, style) for colour in ramp}
        cells, colours, hatch = [], [], []
        # every cell carries its value, so the grid reads without colour
        values = Labels(axes, ha="center", va="center_baseline", fontsize=style.min_text_size)
        for d, row in enumerate(grid):
            for hr, value in enumerate(row):
                cells.append([(hr, d), (hr + 1, d), (hr + 1, d + 1), (hr, d + 1)])
                if value is None:           # withheld: hatched grey, never a colour that reads as a count
                    colours.append(WITHHELD_FILL)
                    hatch += _hatch_lines(hr, d)
                    continue
                colour = ramp[_bin_of(value, bounds)]
                colours.append(colour)
                values.add(hr + 0.5, d + 0.5, fmt.number(value), weight="bold" if (d, hr) in peak_cells else "normal",
                           color=inks[colour])
        # thin grey cell edges: the lightest step never has to stand out against white paper on its own
        axes.add_collection(PolyCollection(cells, facecolors=colours, edgecolors=CELL_EDGE, linewidths=0.5),
                            autolim=False)
        if hatch:
            axes.add_collection(LineCollection(hatch, colors=HATCH_INK, linewidths=0.6), autolim=False)
        axes.set_xlim(0, columns)
        axes.set_ylim(len(days), 0)
        axes.set_axis_off()
        label_row = axes.get_xaxis_transform()
        hours = Annotations(axes, xycoords=label_row, xytext=(0, -3), textcoords="offset points", ha="center",
                            va="top", fontsize=style.text_size, color=style.text_colour)
        for col in range(columns):
            hours.add(col + 0.5, 0, f"{col * b:02d}" if b == 1 else f"{col * b:02d}\u2013{(col + 1) * b:02d}")
        axes.annotate("Hour of day (24-hour clock)", (columns / 2, 0), xycoords=label_row,
                      xytext=(0, -5 - style.text_size * 1.3),
                      textcoords="offset points", ha="center", va="top", fontsize=style.text_size,
                      color=style.secondary_text_colour)
        day_column = axes.get_yaxis_transform()
        day_names = Annotations(axes, xycoords=day_column, xytext=(-4, 0), textcoords="offset points", ha="right",
                                va="center_baseline", fontsize=style.text_size, color=style.text_colour)
        for d, name in enumerate(days):
            day_names.add(0, d + 0.5, name[:3])
        _key(figure, style, bounds, left, style.text_size * 0.4, w, h, withheld=bool(suppressed),
             per="hour" if b == 1 else f"{b} hours")

    return build_chart("day_hour_heatmap", text, plot, style, width or style.width, height or style.height)


def _bin_bounds(largest: int, bins: int) -> list[tuple[int, int]]:
    """Integer ranges splitting 0…largest into at most ``bins`` equal-width bins."""
    if largest <= 0:
        return [(0, 0)]
    step = max(1, math.ceil((largest + 1) / bins))
    out = []
    low = 0
    while low <= largest:
        out.append((low, min(low + step - 1, largest)))
        low += step
    return out


def _bin_of(value: int, bounds: list[tuple[int, int]]) -> int:
    for i, (low, high) in enumerate(bounds):
        if low <= value <= high:
            return i
    return len(bounds) - 1


def _ink_on(colour: str, style: ChartStyle) -> str:
    r, g, b = to_rgb(colour)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "white" if luminance < 0.45 else style.text_colour


WITHHELD_FILL = "#E3E3E3"
HATCH_INK = "#6F777B"
CELL_EDGE = "#B1B4B6"


def _hatch_lines(hr: int, d: int) -> list[list[tuple[float, float]]]:
    """Three diagonal strokes (x + y = 0.5, 1, 1.5 inside the unit cell) across the cell at (hour, day)."""
    return [[(hr + max(0.0, s - 1), d + min(1.0, s)), (hr + min(1.0, s), d + max(0.0, s - 1))]
            for s in (0.5, 1.0, 1.5)]


def _key(figure: Figure, style: ChartStyle, bounds, x: float, y: float, w: float, h: float,
         withheld: bool = False, per: str = "hour") -> None:
    swatch_w, swatch_h = 34.0, style.text_size * 1.0
    figure.text(x / w, (y + swatch_h + 3) / h, f"Offences per {per}", fontsize=style.text_size,
                color=style.secondary_text_colour, va="bottom")
    label_x = x + text_width(f"Offences per {per}", style) + 10
    for i, (low, high) in enumerate(bounds):
        left = label_x + i * (swatch_w + 2)
        figure.patches.append(Rectangle((left / w, (y + swatch_h + 3) / h), swatch_w / w, swatch_h / h,
                                        transform=figure.transFigure, facecolor=style.ramp[i],
                                        edgecolor="none", figure=figure))
        label = fmt.number(low) if low == high else f"{fmt.number(low)}\u2013{fmt.number(high)}"
        figure.text((left + swatch_w / 2) / w, (y + swatch_h) / h, label, ha="center", va="top",
                    fontsize=style.min_text_size, color=style.text_colour)
    if withheld:                     # the legend entry for hatched cells
        left = label_x + len(bounds) * (swatch_w + 2) + 12
        bottom = y + swatch_h + 3
        figure.patches.append(Rectangle((left / w, bottom / h), swatch_w / w, swatch_h / h,
                                        transform=figure.transFigure, facecolor=WITHHELD_FILL,
                                        edgecolor=CELL_EDGE, linewidth=0.5, figure=figure))
        for s in (0.25, 0.5, 0.75):
            figure.lines.append(Line2D([(left + swatch_w * (s - 0.25)) / w, (left + swatch_w * (s + 0.25)) / w],
                                       [(bottom + swatch_h) / h, bottom / h], transform=figure.transFigure,
                                       color=HATCH_INK, linewidth=0.6, figure=figure))
        figure.text((left + swatch_w / 2) / w, (y + swatch_h) / h, f"withheld {fmt.SUPPRESSED}", ha="center",
                    va="top", fontsize=style.min_text_size, color=style.text_colour)


def _title(cohort: str, peaks, withheld: bool, days: Sequence[str], b: int = 1) -> str:
    if not peaks:
        return sentence_case(f"the peak times of offences involving {cohort} are {WITHHELD}" if withheld
                             else f"no offences involving {cohort} to show by day and hour")
    top = [(d, hr) for v, d, hr in peaks if v == peaks[0][0]]
    if len(top) == 1:
        _, d, hr = peaks[0]
        return sentence_case(f"offences involving {cohort} peaked on {days[d]}s at {hr * b:02d}:00\u2013{(hr + 1) * b:02d}:00")
    clock = lambda start, end: f"{start * b:02d}:00\u2013{end * b:02d}:00"  # noqa: E731
    return sentence_case(f"offences involving {cohort} peaked on {_when(top, days, clock, 'at', limit=1)}")


def _when(cells: list[tuple[int, int]], days: Sequence[str], hours, joiner: str, limit: int = 3) -> str:
    """(day, hour) cells in words, days with the same hours together: "Monday to Friday from 3pm to 5pm"."""
    by_day: dict[int, list[int]] = {}
    for d, hr in cells:
        by_day.setdefault(d, []).append(hr)
    groups: dict[str, list[int]] = {}  # the same hours on several days are said once
    for d in sorted(by_day):
        runs = _runs(sorted(by_day[d]))
        groups.setdefault(fmt.join_words([hours(start, end + 1) for start, end in runs]), []).append(d)
    said = [f"{_span(days, ds)} {joiner} {text}" for text, ds in list(groups.items())[:limit]]
    more = len(groups) > limit      # the rest are in the chart's cells and data table; the words count nothing
    return fmt.join_words(said + (["at other times"] if more else []))


def _runs(hours: list[int]) -> list[tuple[int, int]]:
    """[15, 16, 20] → [(15, 16), (20, 20)]."""
    runs: list[tuple[int, int]] = []
    for hr in hours:
        if runs and runs[-1][1] == hr - 1:
            runs[-1] = (runs[-1][0], hr)
        else:
            runs.append((hr, hr))
    return runs


def _span(names: Sequence[str], indexes: list[int]) -> str:
    """Consecutive indexes read as a range ("Monday to Friday"), others as a list of the days the counts
    add up over a year ("Tuesdays and Fridays")."""
    if len(indexes) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[indexes[0]]} to {names[indexes[-1]]}"
    return fmt.join_words([f"{names[i]}s" for i in indexes])


def _busiest(peaks, days: Sequence[str], b: int = 1) -> str:
    """The busiest cells and those at least three quarters as busy, in words (hours said as "3pm")."""
    spoken = lambda start, end: f"{fmt.hour_label(start * b)} to {fmt.hour_label(end * b)}"  # noqa: E731
    unit = "hour" if b == 1 else f"{b}-hour band"
    top = peaks[0][0]
    busiest = [(d, hr) for v, d, hr in peaks if v == top]
    near = [(d, hr) for v, d, hr in peaks if v != top]
    text = f"The busiest {unit} had {fmt.number(top)} offences" if len(busiest) == 1 else \
        f"The busiest {unit}s had {fmt.number(top)} offences each"
    if len(busiest) > 1 and _when(busiest, days, spoken, "from", limit=1) != _when(busiest, days, spoken, "from"):
        text += f": {_when(busiest, days, spoken, 'from')}"  # more than the title could say
    if near:
        text += (f"; the other {unit}s with at least three quarters as many were on "
                 f"{_when(near, days, spoken, 'from')}")
    return text


def _alt_text(cohort, area, period, grid, peaks, suppressed, total: int | None, days, b: int = 1) -> str:
    withheld = withheld_sentence([f"{days[d]} from {fmt.hour_label(h * b)}" for d, h in suppressed],
                                 "hour cells" if b == 1 else f"{b}-hour cells", noun="count", nouns="counts").rstrip(".")
    withheld += " and hatched grey" if withheld else ""
    findings = [_title(cohort, peaks, bool(suppressed), days, b)]
    if peaks:
        findings += [_busiest(peaks, days, b), "" if total is None else f"{fmt.number(total)} offences in all"]
    when = "hour of the day" if b == 1 else f"{b}-hour band of the day"
    return describe("Heat map", f"offences involving {cohort} by day of the week and {when}", area, period,
                    "Darker cells mean more offences", *findings, withheld)
