"""Population by district → horizontal bar ChartFlowable, each bar labelled with its count and share."""
from __future__ import annotations

from typing import Sequence

from matplotlib.figure import Figure

from snareport.charts.flowable import ChartFlowable, layout_captions
from snareport.charts.frame import ChartText, axes_in_points, build_chart, text_width
from snareport.charts.style import ChartStyle
from snareport.charts.wording import number, percent, sentence_case, suppressed_note, value_or_suppressed


def population_chart(
    districts: Sequence[str],
    population: Sequence[int | None],
    *,
    area: str,
    year: str,
    source: str,
    style: ChartStyle,
    highlight: str | None = None,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Horizontal bars, largest district first, labelled "281,700 (15.1%)" (share of the known total)."""
    if len(districts) != len(population):
        raise ValueError("districts and population must have the same length")
    if highlight is not None and highlight not in districts:
        raise ValueError(f"highlighted district {highlight!r} is not among the districts")
    total = sum(p for p in population if p is not None)
    rows = sorted(zip(districts, population), key=lambda r: (r[1] is None, -(r[1] or 0), r[0]))
    shares = {d: (p / total * 100 if p is not None and total else None) for d, p in rows}
    labels = {d: value_or_suppressed(p) + ("" if shares[d] is None else f" ({percent(shares[d])})") for d, p in rows}
    if highlight is not None:
        share = shares[highlight]
        title = (sentence_case(f"{highlight} is home to {percent(share)} of {area}'s population") if share is not None
                 else sentence_case(f"population of {highlight} is suppressed"))
    else:
        first = rows[0]
        title = sentence_case(f"{first[0]} has the largest population, {percent(shares[first[0]])} of the total")
    text = ChartText(
        title=title,
        subtitle=f"Population by district, {area}, {year} (share of total)",
        source=source,
        alt_text=(f"Horizontal bar chart of population by district, {area}, {year}, largest first; total "
                  f"{number(total)}. " + "; ".join(f"{d} {labels[d]}" for d, p in rows if p is not None) + "."
                  + (f" {highlight} is highlighted." if highlight else "")
                  + suppressed_note([d for d, p in rows if p is None], "values")),
        data_table=[("District", "Population", "Share")]
        + [(d, value_or_suppressed(p), value_or_suppressed(shares[d], percent)) for d, p in rows],
    )
    key = (tuple(rows), highlight)

    def plot(figure: Figure, w: float, h: float) -> None:
        names = max(text_width(d, style, bold=d == highlight) for d, _ in rows)
        right = max(text_width(t, style, bold=True) for t in labels.values()) + 6
        axes = axes_in_points(figure, w, h, left=names + 8, bottom=2, right=right, top=2)
        largest = max((p for _, p in rows if p is not None), default=1)
        bars: list[tuple[int, float, str]] = []
        for i, (district, p) in enumerate(rows):
            bold = district == highlight
            colour = style.palette[0] if highlight is None else (style.highlight_colour if bold else style.muted_colour)
            if p is not None:
                bars.append((i, p, colour))
            axes.text((p or 0) + largest * 0.01, i, labels[district], va="center_baseline", ha="left",
                      fontsize=style.text_size, weight="bold" if bold else "normal",
                      color=style.text_colour if p is not None else style.secondary_text_colour)
        if bars:
            ys, widths, colours = zip(*bars)
            axes.barh(ys, widths, height=0.68, color=colours, zorder=2)
        names_column = axes.get_yaxis_transform()
        for i, name in enumerate([d for d, _ in rows]):
            axes.annotate(name, (0, i), xycoords=names_column, xytext=(-6, 0), textcoords="offset points",
                          ha="right", va="center_baseline", fontsize=style.text_size, color=style.text_colour,
                          weight="bold" if name == highlight else "normal")
        axes.set_ylim(len(rows) - 0.5, -0.5)
        axes.set_xlim(0, largest)
        axes.set_axis_off()
        axes.axvline(0, color=style.axis_colour, linewidth=0.8, zorder=3)

    w = width or style.width
    if height is None:
        captions = layout_captions(style, w, text.title, text.subtitle, text.source)
        height = len(rows) * style.bar_row_height + 4 + captions.header_height + captions.footer_height
    return build_chart("population", text, plot, style, w, height, key)
