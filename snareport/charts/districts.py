"""A measure per district, now and before → horizontal bar ChartFlowable with direct labels and % change.

Used for the under-25 volume and harm scores. A district variant highlights its own district (colour
and bold name and label, so colour is never the only cue) and may show a reference line such as the
district average.
"""
from __future__ import annotations

from typing import Sequence

from matplotlib.figure import Figure

from snareport.charts.flowable import ChartFlowable
from snareport.charts.frame import ChartText, axes_in_points, build_chart, text_width
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    change_words,
    count_noun,
    join_words,
    number,
    ordinal,
    percent_change,
    sentence_case,
    signed_percent,
    suppressed_note,
    value_or_suppressed,
)


def district_change_chart(
    districts: Sequence[str],
    current: Sequence[float | None],
    previous: Sequence[float | None],
    *,
    measure: str,
    area: str,
    period: str,
    previous_period: str,
    source: str,
    style: ChartStyle,
    highlight: str | None = None,
    reference: tuple[str, float] | None = None,
    decimals: int = 0,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Horizontal bars of ``measure`` by district (largest first), each labelled "value (±change%)".

    ``None`` values are suppressed: no bar, labelled "suppressed". ``reference`` is (label, value) for
    a dashed line, e.g. ("District average", 412.0). Height defaults to one row per district.
    """
    if not (len(districts) == len(current) == len(previous)):
        raise ValueError("districts, current and previous must have the same length")
    if highlight is not None and highlight not in districts:
        raise ValueError(f"highlighted district {highlight!r} is not among the districts")
    rows = [(d, c, p, percent_change(p, c)) for d, c, p in zip(districts, current, previous)]
    rows.sort(key=lambda r: (r[1] is None, -(r[1] or 0), r[0]))

    def label(value: float | None, change: float | None) -> str:
        if value is None:
            return SUPPRESSED
        shown = number(value, decimals)
        return shown if change is None else f"{shown} ({signed_percent(change)})"

    text = ChartText(
        title=_title(rows, measure, highlight),
        subtitle=f"{sentence_case(measure)} by district, {area}, {period} (% change on {previous_period})",
        source=source,
        alt_text=_alt_text(rows, measure, area, period, previous_period, highlight, reference, decimals),
        data_table=[("District", f"{period}", f"{previous_period}", "% change")]
        + [(d, value_or_suppressed(c, lambda v: number(v, decimals)), value_or_suppressed(p, lambda v: number(v, decimals)),
            "" if ch is None else signed_percent(ch)) for d, c, p, ch in rows],
    )
    key = (tuple(rows), measure, highlight, reference, decimals)

    def plot(figure: Figure, w: float, h: float) -> None:
        names_width = max(text_width(r[0], style, bold=r[0] == highlight) for r in rows)
        labels = [label(c, ch) for _, c, _, ch in rows]
        labels_width = max(text_width(t, style, bold=True) for t in labels)
        top = style.text_size * 2.0 if reference else 2.0
        axes = axes_in_points(figure, w, h, left=names_width + 8, bottom=2, right=labels_width + 6, top=top)
        largest = max([c for _, c, _, _ in rows if c is not None] + ([reference[1]] if reference else []), default=1)
        bars: list[tuple[int, float, str]] = []
        for i, (district, value, _, change) in enumerate(rows):
            bold = district == highlight
            colour = style.palette[0] if highlight is None else (style.highlight_colour if bold else style.muted_colour)
            if value is not None:
                bars.append((i, value, colour))
            axes.text((value or 0) + largest * 0.01, i, labels[i], va="center_baseline", ha="left",
                      color=style.text_colour if value is not None else style.secondary_text_colour,
                      weight="bold" if bold else "normal", fontsize=style.text_size, zorder=6,
                      bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0} if reference else None)
        if bars:
            ys, widths, colours = zip(*bars)
            axes.barh(ys, widths, height=0.68, color=colours, zorder=2)
        names_column = axes.get_yaxis_transform()
        for i, name in enumerate([r[0] for r in rows]):
            axes.annotate(name, (0, i), xycoords=names_column, xytext=(-6, 0), textcoords="offset points",
                          ha="right", va="center_baseline", fontsize=style.text_size, color=style.text_colour,
                          weight="bold" if name == highlight else "normal")
        axes.set_ylim(len(rows) - 0.5, -0.5)
        axes.set_xlim(0, largest * 1.0)
        axes.set_axis_off()
        axes.axvline(0, color=style.axis_colour, linewidth=0.8, zorder=3)
        if reference:
            ref_label, ref_value = reference
            axes.axvline(ref_value, color=style.text_colour, linewidth=1.0, linestyle=(0, (3, 2)), zorder=5)
            axes.annotate(f"{ref_label}: {number(ref_value, decimals)}", (ref_value, -0.5), xytext=(0, 3),
                          textcoords="offset points", ha="center", va="bottom", fontsize=style.text_size,
                          color=style.text_colour, annotation_clip=False)

    row_height = style.bar_row_height
    auto_height = None
    if height is None:
        from snareport.charts.flowable import layout_captions

        captions = layout_captions(style, width or style.width, text.title, text.subtitle, text.source)
        auto_height = (len(rows) * row_height + 6 + (style.text_size * 2.0 if reference else 0)
                       + captions.header_height + captions.footer_height)
    return build_chart("district_change", text, plot, style, width or style.width, height or auto_height, key)


def _title(rows, measure: str, highlight: str | None) -> str:
    known = [r for r in rows if r[1] is not None]
    if highlight is not None:
        rank = next((i + 1 for i, r in enumerate(known) if r[0] == highlight), None)
        change = next(r[3] for r in rows if r[0] == highlight)
        if rank is None:
            return sentence_case(f"{measure} for {highlight} is suppressed")
        return sentence_case(f"{highlight} ranked {ordinal(rank)} of {len(known)} districts for {measure}, {change_words(change)}")
    changes = [r for r in known if r[3] is not None]
    rose = [r[0] for r in changes if round(r[3], 1) > 0]
    fell = [r[0] for r in changes if round(r[3], 1) < 0]
    if not changes:
        return sentence_case(f"{known[0][0]} had the highest {measure}") if known else sentence_case(f"{measure} by district")
    if len(rose) == 0 and len(fell) == len(changes):
        return sentence_case(f"{measure} fell in every district")
    if len(fell) == 0 and len(rose) == len(changes):
        return sentence_case(f"{measure} rose in every district")
    if 1 <= len(rose) <= 3 and len(fell) > len(rose):
        return sentence_case(f"{measure} rose only in {join_words(rose)}")
    return sentence_case(f"{measure} fell in {len(fell)} of {count_noun(len(changes), 'district')}")


def _alt_text(rows, measure, area, period, previous_period, highlight, reference, decimals) -> str:
    parts = []
    for district, value, _, change in rows:
        if value is None:
            continue
        detail = "" if change is None else f", {change_words(change)} on {previous_period}"
        parts.append(f"{district} {number(value, decimals)}{detail}")
    text = f"Horizontal bar chart of {measure} by district, {area}, {period}, largest first: " + "; ".join(parts) + "."
    if highlight:
        text += f" {highlight} is highlighted."
    if reference:
        text += f" A dashed line marks the {reference[0].lower()}, {number(reference[1], decimals)}."
    return text + suppressed_note([r[0] for r in rows if r[1] is None], "values")
