"""Shares by age band for several areas → grouped vertical bar ChartFlowable (e.g. victims, KCC vs Medway)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from snareport import formatting as fmt
from snareport.charts.chart_builder import (
    WITHHELD_KEY,
    WITHHELD_SWATCH,
    BarRun,
    ChartText,
    Labels,
    axes_in_points,
    build_chart,
    key_lines,
    key_row,
    text_width,
    withheld_bar,
)
from snareport.charts.flowable import ChartFlowable
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    WITHHELD,
    describe,
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)


def age_band_shares_chart(
    bands: Sequence[str],
    shares: Mapping[str, Sequence[float | None]],
    *,
    role: str,
    largest: Mapping[str, str | None],
    area: str,
    period: str,
    source: str,
    style: ChartStyle,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Grouped bars: for each age band, each area's share (in %) of ``role`` (e.g. "victims").

    ``shares`` maps an area name to one share per band, in band order; ``None`` marks a suppressed share.
    ``largest`` maps each area to the model's band with its largest share (``None``: it cannot be told); the
    title and alt text name those bands, and the chart picks none itself.
    """
    series = {name: list(values) for name, values in shares.items()}
    for name, values in series.items():
        if len(values) != len(bands):
            raise ValueError(f"{name}: {len(values)} shares for {len(bands)} age bands")
    if not series:
        raise ValueError("age_band_shares_chart needs at least one area")
    text = ChartText(
        title=_title(bands, series, role, largest),
        subtitle=f"Share of {role} by age band (%), {area}, {period}",
        source=source,
        alt_text=_alt_text(bands, series, role, area, period, largest),
        data_table=[("Age band", *series)]
        + [(band, *(value_or_suppressed(v[i], fmt.percent) for v in series.values())) for i, band in enumerate(bands)],
    )
    colours = [style.palette[i % len(style.palette)] for i in range(len(series))]

    def plot(figure: Figure, w: float, h: float) -> None:
        withheld = [(WITHHELD_SWATCH, WITHHELD_KEY)] if any(v is None for vs in series.values() for v in vs) else []
        key = [*zip(colours, series), *withheld]
        key_height = style.text_size * (0.8 + 1.4 * len(key_lines(style, key, w)))
        left, top = 4.0, key_height + 4
        axes = axes_in_points(figure, w, h, left=left, bottom=style.text_size * 2.4, right=4, top=top)
        n = len(series)
        group_width = 0.8
        bar_width = group_width / n
        scale = max((v for values in series.values() for v in values if v is not None), default=0)
        # a label wider than its bar is turned upright, so neighbouring labels never overlap
        slot = (w - left - 4) * bar_width / max(len(bands), 1)
        widest = max((text_width(fmt.percent(v), style) for vs in series.values() for v in vs if v is not None),
                     default=0.0)
        upright = widest > slot * 0.95
        plot_height = h - style.text_size * 2.4 - top
        headroom = (widest + 4) / plot_height if upright else 0.12
        ceiling = scale * 1.03 / max(1 - headroom, 0.3)
        bars = BarRun(axes, zorder=2)
        withheld = Labels(axes, ha="center", va="bottom", rotation=90, fontsize=style.min_text_size,
                          color=style.secondary_text_colour)
        shares = Labels(axes, zorder=4, ha="center", va="bottom", rotation=90 if upright else 0,
                        fontsize=style.min_text_size, color=style.text_colour)
        for s, values in enumerate(series.values()):
            for i, value in enumerate(values):
                x = i - group_width / 2 + bar_width * (s + 0.5)
                if value is None:
                    bars.end()
                    withheld_bar(axes, x, bar_width * 0.9, scale * 0.06, style)
                    withheld.add(x, scale * 0.08, SUPPRESSED)
                    continue
                bars.add(x, value, bar_width * 0.92, colours[s])
                shares.add(x, value + scale * 0.015, fmt.percent(value))
        bars.end()
        axes.set_xticks(range(len(bands)), list(bands))
        axes.set_xlim(-0.5, len(bands) - 0.5)
        # every bar carries its value, so no value axis: a baseline, and room above the bars for the labels
        axes.set_ylim(0, ceiling if ceiling > 0 else 1)
        axes.set_yticks([])
        axes.spines["bottom"].set_color(style.axis_colour)
        key_row(figure, style, key, x=0, y=h - style.text_size * 1.8, height=h)

    return build_chart("age_band_shares", text, plot, style, width or style.width, height or style.height)


def _largest_bands(bands: Sequence[str], series: dict[str, list[float | None]],
                   largest: Mapping[str, str | None]) -> dict[str, tuple[str, float]]:
    """Each area whose largest band the model names → (band, its share)."""
    tops: dict[str, tuple[str, float]] = {}
    for name, values in series.items():
        band = largest.get(name)
        if band is not None and band in bands and values[list(bands).index(band)] is not None:
            tops[name] = (band, values[list(bands).index(band)] or 0.0)
    return tops


def _title(bands: Sequence[str], series: dict[str, list[float | None]], role: str,
           largest: Mapping[str, str | None]) -> str:
    tops = {name: band for name, (band, _) in _largest_bands(bands, series, largest).items()}
    if not tops:
        return sentence_case(f"shares of {role} by age band are {WITHHELD}")
    if len(set(tops.values())) == 1:
        band = next(iter(tops.values()))
        where = ("in both areas" if len(tops) == len(series) == 2 else
                 "in every area" if len(tops) == len(series) > 2 else f"in {fmt.join_words(list(tops))}")
        return sentence_case(f"the largest share of {role} was aged {band} {where}")
    parts = [f"{band} in {name}" for name, band in tops.items()]
    return sentence_case(f"the largest share of {role} was aged {fmt.join_words(parts)}")


def _alt_text(bands: Sequence[str], series: dict[str, list[float | None]], role: str, area: str, period: str,
              largest: Mapping[str, str | None]) -> str:
    tops = _largest_bands(bands, series, largest)
    subject = f"the share of {role} in each age band ({fmt.join_words(list(bands))})"
    if not tops:
        return describe("Grouped bar chart", subject, area, period, f"Shares of {role} by age band are {WITHHELD}")
    one_band = len({band for band, _ in tops.values()}) == 1
    said = fmt.join_words([f"{fmt.percent(share)}{'' if one_band else f' aged {band}'} in {name}"
                              for name, (band, share) in tops.items()])
    undetermined = [name for name in series if name not in tops]
    withheld = [f"{name} aged {band}" for name, values in series.items() if name in tops
                for band, value in zip(bands, values) if value is None]
    return describe("Grouped bar chart", subject, area, period,
                    f"{_title(bands, series, role, largest)}: {said}",
                    withheld_sentence(undetermined, "areas", len(series), noun="shares", nouns="shares"),
                    withheld_sentence(withheld, "bars", sum(len(v) for v in series.values()), noun="share",
                                      nouns="shares"))
