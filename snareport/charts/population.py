"""Population by district → horizontal bar ChartFlowable, each bar labelled with its count and share."""
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


def population_chart(
    districts: Sequence[str],
    population: Sequence[int | None],
    shares: Sequence[float | None],
    ranks: Sequence[int | None],
    *,
    total: int | None,
    area: str,
    year: str,
    source: str,
    style: ChartStyle,
    highlight: str | None = None,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Horizontal bars in rank order (1 = largest), labelled "281,700 (15.1%)". ``shares`` (fractions of
    the area's ``total``), ``ranks`` and ``total`` are the model's; the chart adds nothing up itself."""
    if not (len(districts) == len(population) == len(shares) == len(ranks)):
        raise ValueError("districts, population, shares and ranks must have the same length")
    if highlight is not None and highlight not in districts:
        raise ValueError(f"highlighted district {highlight!r} is not among the districts")
    order = sorted(range(len(districts)), key=lambda i: (ranks[i] is None, ranks[i] or 0, districts[i]))
    rows = [(districts[i], population[i]) for i in order]
    share_of = {districts[i]: shares[i] for i in order}
    rank_of = {districts[i]: ranks[i] for i in order}
    labels = {d: value_or_suppressed(p) + ("" if share_of[d] is None else f" ({fmt.share(share_of[d])})") for d, p in rows}
    text = ChartText(
        title=_title(rows, share_of, area, highlight),
        subtitle=f"Population by district, {area}, {year} (share of total)",
        source=source,
        alt_text=_alt_text(rows, share_of, rank_of, total, area, year, highlight),
        data_table=[("District", "Population", "Share")]
        + [(d, value_or_suppressed(p), value_or_suppressed(share_of[d], fmt.share)) for d, p in rows],
    )

    # the bar the title names (the highlighted district, else the largest) in the focus colour, the rest muted
    named = highlight if highlight is not None else (rows[0][0] if rows and rows[0][1] is not None else None)

    def plot(figure: Figure, w: float, h: float) -> None:
        names = max(text_width(d, style, bold=d == named) for d, _ in rows)
        right = max(text_width(t, style, bold=True) for t in labels.values()) + 6
        axes = axes_in_points(figure, w, h, left=names + 8, bottom=2, right=right, top=2)
        largest = max((p for _, p in rows if p is not None), default=1)
        bars: list[tuple[int, float, str]] = []
        values = Labels(axes, va="center_baseline", ha="left", fontsize=style.text_size)
        for i, (district, p) in enumerate(rows):
            bold = district == named
            colour = style.palette[0] if named is None else (style.highlight_colour if bold else style.muted_colour)
            if p is not None:
                bars.append((i, p, colour))
            values.add((p or 0) + largest * 0.01, i, labels[district], weight="bold" if bold else "normal",
                       color=style.text_colour if p is not None else style.secondary_text_colour)
        if bars:
            ys, widths, colours = zip(*bars)
            Bars(axes, ys, widths, 0.68, colours, horizontal=True, zorder=2)
        row_names(axes, style, [d for d, _ in rows], bold=lambda name: name == named)
        axes.set_ylim(len(rows) - 0.5, -0.5)
        axes.set_xlim(0, largest)
        axes.set_axis_off()
        axes.axvline(0, color=style.axis_colour, linewidth=0.8, zorder=3)

    w = width or style.width
    if height is None:
        captions = layout_captions(style, w, text.title, text.subtitle, text.source)
        plot_height = max(len(rows) * style.bar_row_height + 4, MIN_PLOT_HEIGHT)
        height = plot_height + captions.header_height + captions.footer_height
    return build_chart("population", text, plot, style, w, height)


def _title(rows, shares, area: str, highlight: str | None) -> str:
    if highlight is not None:
        share = shares[highlight]
        return (sentence_case(f"{highlight} is home to {fmt.share(share)} of {area}'s population") if share is not None
                else sentence_case(f"the population of {highlight} is {WITHHELD}"))
    first = rows[0]
    if first[1] is None or shares[first[0]] is None:
        return sentence_case(f"population by district is {WITHHELD}")
    return sentence_case(f"{first[0]} has the largest population, {fmt.share(shares[first[0]])} of the total")


def _alt_text(rows, shares, ranks, total: int | None, area: str, year: str, highlight: str | None) -> str:
    known = [(d, p) for d, p in rows if p is not None and ranks[d] is not None]
    withheld = withheld_sentence([d for d, p in rows if p is None], "districts", len(rows), noun="population",
                                 nouns="populations")
    if not known:
        return describe("Horizontal bar chart", "population by district", area, year,
                        f"Population by district is {WITHHELD}")

    def people(district: str, population: int) -> str:
        return f"{fmt.number(population)} people, {fmt.share(shares[district])} of the total"

    (largest, most), (smallest, fewest) = known[0], known[-1]
    findings = [f"{largest} has the largest population, {people(largest, most)}"
                + ("" if total is None else f" of {fmt.number(total)}")]
    if len(known) > 1:
        findings.append(f"{smallest} has the smallest, {people(smallest, fewest)}")
    if highlight is not None and highlight not in (largest, smallest):
        rank = ranks.get(highlight)
        findings.append(f"{highlight}, highlighted, has {people(highlight, dict(known)[highlight])}, "
                        f"{fmt.ranked(rank, len(known))} districts" if rank is not None and highlight in dict(known)
                        else f"{highlight} is highlighted")
    elif highlight is not None:
        findings.append(f"{highlight} is highlighted")
    return describe("Horizontal bar chart", "population by district", area, year, *findings, withheld)
