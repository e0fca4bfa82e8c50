"""Rates per 1,000 residents by district → horizontal bar ChartFlowable, highest first, each bar labelled."""
from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from snareport import formatting as fmt
from snareport.charts.chart_builder import (
    MIN_PLOT_HEIGHT,
    Bars,
    ChartText,
    Labels,
    axes_in_points,
    build_chart,
    row_names,
    text_width,
)
from snareport.charts.flowable import ChartFlowable, layout_captions
from snareport.charts.style import ChartStyle
from snareport.charts.wording import WITHHELD, describe, sentence_case, value_or_suppressed, withheld_sentence


def district_rate_chart(
    districts: Sequence[str],
    rates: Sequence[float | None],
    ranks: Sequence[int | None],
    *,
    measure: str,
    area: str,
    period: str,
    population_year: int,
    source: str,
    style: ChartStyle,
    highlight: str | None = None,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Horizontal bars of ``measure`` per 1,000 residents in the model's rate ``ranks`` (1 = highest; ``None`` =
    withheld), one decimal place; the title names the first ranked, the alt text the last."""
    if not (len(districts) == len(rates) == len(ranks)):
        raise ValueError("districts, rates and ranks must have the same length")
    order = sorted(range(len(districts)), key=lambda i: (rates[i] is None or ranks[i] is None, ranks[i] or 0, districts[i]))
    rows = [(districts[i], rates[i] if ranks[i] is not None else None) for i in order]
    labels = {d: value_or_suppressed(r, lambda v: fmt.number(v, 1)) for d, r in rows}
    known = [(d, r) for d, r in rows if r is not None]
    if known:
        (top, high), (bottom, low) = known[0], known[-1]
        title = sentence_case(f"{top} had the highest rate, {fmt.number(high, 1)} {measure} per 1,000 residents")
        findings = [title, f"{bottom} had the lowest, {fmt.number(low, 1)}"]
    else:
        title = sentence_case(f"rates by district are {WITHHELD}")
        findings = [title]
    subtitle = (f"{sentence_case(measure)} per 1,000 residents by district, {area}, {period}; residents: "
                f"ONS mid-{population_year} estimates")
    text = ChartText(
        title=title, subtitle=subtitle, source=source,
        alt_text=describe("Horizontal bar chart", f"{measure} per 1,000 residents by district", area, period,
                          *findings, withheld_sentence([d for d, r in rows if r is None], "districts", len(rows),
                                                       noun="rate", nouns="rates")),
        data_table=[("District", "Per 1,000 residents")] + [(d, labels[d]) for d, _ in rows],
    )

    # the bar the title names (the highlighted district, else the highest rate) in the focus colour, the rest muted
    named = highlight if highlight is not None else (known[0][0] if known else None)

    def plot(figure: Figure, w: float, h: float) -> None:
        names = max(text_width(d, style, bold=d == named) for d, _ in rows)
        right = max(text_width(t, style, bold=True) for t in labels.values()) + 6
        axes = axes_in_points(figure, w, h, left=names + 8, bottom=2, right=right, top=2)
        largest = max((r for _, r in known), default=1) or 1
        values = Labels(axes, va="center_baseline", ha="left", fontsize=style.text_size)
        for i, (district, rate) in enumerate(rows):
            bold = district == named
            colour = style.palette[0] if named is None else (style.highlight_colour if bold else style.muted_colour)
            if rate is not None:
                Bars(axes, i, rate, 0.68, colour, horizontal=True, zorder=2)
            values.add((rate or 0) + largest * 0.01, i, labels[district], weight="bold" if bold else "normal",
                       color=style.text_colour if rate is not None else style.secondary_text_colour)
        row_names(axes, style, [name for name, _ in rows], bold=lambda name: name == named)
        axes.set_ylim(len(rows) - 0.5, -0.5)
        axes.set_xlim(0, largest)
        axes.set_axis_off()
        axes.axvline(0, color=style.axis_colour, linewidth=0.8, zorder=3)

    w = width or style.width
    if height is None:
        captions = layout_captions(style, w, text.title, text.subtitle, text.source)
        height = max(len(rows) * style.bar_row_height + 4, MIN_PLOT_HEIGHT) + captions.header_height \
            + captions.footer_height
    return build_chart("district_rates", text, plot, style, w, height)
