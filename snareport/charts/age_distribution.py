"""Counts by single year of age → vertical bar ChartFlowable with the peak age labelled."""
from __future__ import annotations

from typing import Mapping

from matplotlib.figure import Figure

from snareport.charts.flowable import ChartFlowable
from snareport.charts.frame import ChartText, axes_in_points, build_chart, text_width, value_axis
from snareport.charts.style import ChartStyle
from snareport.charts.wording import join_words, number, sentence_case, suppressed_note, value_or_suppressed


def age_distribution_chart(
    counts_by_age: Mapping[int, int | None],
    *,
    subject: str,
    area: str,
    period: str,
    source: str,
    style: ChartStyle,
    unknown: int | None = None,
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Bars of how many ``subject`` (e.g. "people involved in knife-enabled offences") had each age.

    Ages missing from ``counts_by_age`` between the youngest and oldest are shown as zero; ``None``
    counts are suppressed (not plotted, named in the alt text). ``unknown`` is the count of unknown age.
    """
    if not counts_by_age:
        raise ValueError("age_distribution_chart needs at least one age")
    ages = list(range(min(counts_by_age), max(counts_by_age) + 1))
    counts = {age: counts_by_age.get(age, 0) for age in ages}
    known = {a: c for a, c in counts.items() if c is not None}
    peak_count = max(known.values(), default=0)
    peak_ages = [a for a, c in known.items() if c == peak_count and c > 0]
    suppressed = [str(a) for a, c in counts.items() if c is None]
    unknown_note = "" if unknown is None else f"; age unknown: {value_or_suppressed(unknown)}"
    title = (sentence_case(f"{subject} were most often aged {join_words([str(a) for a in peak_ages])}")
             if peak_ages else sentence_case(f"no {subject} to show by age"))
    alt = (f"Bar chart of the number of {subject} by single year of age, {area}, {period}, ages {ages[0]} to "
           f"{ages[-1]}. Most common age: {join_words([str(a) for a in peak_ages]) or 'none'} "
           f"({number(peak_count)}). " + ", ".join(f"{a}: {value_or_suppressed(c)}" for a, c in counts.items())
           + f"{unknown_note}." + suppressed_note(suppressed, "ages"))
    text = ChartText(
        title=title,
        subtitle=f"Number of {subject} by age, {area}, {period}{unknown_note}",
        source=source,
        alt_text=alt,
        data_table=[("Age", "Number")] + [(str(a), value_or_suppressed(c)) for a, c in counts.items()]
        + ([("Unknown", value_or_suppressed(unknown))] if unknown is not None else []),
    )
    key = (tuple(counts.items()), subject, unknown)

    def plot(figure: Figure, w: float, h: float) -> None:
        top_label = max(peak_count, 1) * 1.12
        axes = axes_in_points(figure, w, h, left=text_width(number(top_label), style) + 8,
                              bottom=style.text_size * 4.0, right=4, top=style.text_size * 1.6)
        plotted = [(age, count) for age, count in counts.items() if count is not None]
        if plotted:
            axes.bar([a for a, _ in plotted], [c for _, c in plotted], width=0.8, color=style.palette[0], zorder=2)
        for age in peak_ages:
            axes.text(age, peak_count + top_label * 0.01, f"{number(peak_count)} aged {age}", ha="center",
                      va="bottom", fontsize=style.text_size, weight="bold", color=style.text_colour)
        step = 5 if len(ages) > 20 else 1
        ticks = [a for a in ages if a % step == 0]
        axes.set_xticks(ticks, [str(a) for a in ticks])
        axes.set_xlim(ages[0] - 0.6, ages[-1] + 0.6)
        axes.set_xlabel("Age at the time of the offence (years)", fontsize=style.text_size,
                        color=style.secondary_text_colour)
        value_axis(axes, style, number, top_label)

    return build_chart("age_distribution", text, plot, style, width or style.width, height or style.height, key)
