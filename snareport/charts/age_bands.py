"""Shares by age band for several areas → grouped vertical bar ChartFlowable (e.g. victims, KCC vs Medway)."""
from __future__ import annotations

from typing import Mapping, Sequence

from matplotlib.figure import Figure

from snareport.charts.flowable import ChartFlowable
from snareport.charts.frame import ChartText, axes_in_points, build_chart, key_row, text_width, value_axis
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    join_words,
    percent,
    sentence_case,
    suppressed_note,
    value_or_suppressed,
)


def age_band_shares_chart(
    bands: Sequence[str],
    shares: Mapping[str, Sequence[float | None]],
    *,
    role: str,
    area: str,
    period: str,
    source: str,
    style: ChartStyle,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Grouped bars: for each age band, each area's share (in %) of ``role`` (e.g. "victims").

    ``shares`` maps an area name to one share per band, in band order; ``None`` marks a suppressed share.
    """
    series = {name: list(values) for name, values in shares.items()}
    for name, values in series.items():
        if len(values) != len(bands):
            raise ValueError(f"{name}: {len(values)} shares for {len(bands)} age bands")
    if not series:
        raise ValueError("age_band_shares_chart needs at least one area")
    text = ChartText(
        title=_title(bands, series, role),
        subtitle=f"Share of {role} by age band (%), {area}, {period}",
        source=source,
        alt_text=_alt_text(bands, series, role, area, period),
        data_table=[("Age band", *series)]
        + [(band, *(value_or_suppressed(v[i], percent) for v in series.values())) for i, band in enumerate(bands)],
    )
    colours = [style.palette[i % len(style.palette)] for i in range(len(series))]
    key = (tuple(bands), tuple((k, tuple(v)) for k, v in series.items()), role)

    def plot(figure: Figure, w: float, h: float) -> None:
        key_height = style.text_size * 2.2
        axes = axes_in_points(figure, w, h, left=text_width("100%", style) + 8, bottom=style.text_size * 2.4,
                              right=4, top=key_height + 4)
        n = len(series)
        group_width = 0.8
        bar_width = group_width / n
        largest = max((v for values in series.values() for v in values if v is not None), default=0)
        for s, (name, values) in enumerate(series.items()):
            for i, value in enumerate(values):
                x = i - group_width / 2 + bar_width * (s + 0.5)
                if value is None:
                    axes.text(x, largest * 0.02, SUPPRESSED, rotation=90, ha="center", va="bottom",
                              fontsize=style.min_text_size, color=style.secondary_text_colour)
                    continue
                axes.bar(x, value, width=bar_width * 0.92, color=colours[s], zorder=2)
                axes.text(x, value + largest * 0.015, percent(value), ha="center", va="bottom",
                          fontsize=style.min_text_size, color=style.text_colour, zorder=4)
        axes.set_xticks(range(len(bands)), list(bands))
        axes.set_xlim(-0.5, len(bands) - 0.5)
        value_axis(axes, style, lambda v: percent(v, 0), largest * 1.15)
        key_row(figure, style, list(zip(colours, series)), x=0, y=h - key_height + 4, height=h)

    return build_chart("age_band_shares", text, plot, style, width or style.width, height or style.height, key)


def _title(bands: Sequence[str], series: dict[str, list[float | None]], role: str) -> str:
    tops: dict[str, str] = {}
    for name, values in series.items():
        known = [(v, bands[i]) for i, v in enumerate(values) if v is not None]
        if known:
            tops[name] = max(known, key=lambda pair: pair[0])[1]
    if not tops:
        return sentence_case(f"shares of {role} by age band are suppressed")
    if len(set(tops.values())) == 1:
        band = next(iter(tops.values()))
        where = "in both areas" if len(tops) == 2 else ("in every area" if len(tops) > 2 else f"in {next(iter(tops))}")
        return sentence_case(f"the largest share of {role} was aged {band} {where}")
    parts = [f"{band} in {name}" for name, band in tops.items()]
    return sentence_case(f"the largest share of {role} was aged {join_words(parts)}")


def _alt_text(bands: Sequence[str], series: dict[str, list[float | None]], role: str, area: str, period: str) -> str:
    described = []
    suppressed = []
    for name, values in series.items():
        items = [f"{band} {value_or_suppressed(values[i], percent)}" for i, band in enumerate(bands)]
        described.append(f"{name}: {', '.join(items)}")
        suppressed += [f"{name} {band}" for i, band in enumerate(bands) if values[i] is None]
    return (
        f"Grouped bar chart of the share of {role} in each age band, {area}, {period}. "
        + "; ".join(described)
        + "."
        + suppressed_note(suppressed, "shares")
    )
