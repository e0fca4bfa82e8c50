"""Counts by single year of age → vertical bar ChartFlowable with the peak age labelled."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from snareport import formatting as fmt
from snareport.charts.chart_builder import Bars, ChartText, axes_in_points, build_chart, text_width, value_axis
from snareport.charts.flowable import ChartFlowable
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    WITHHELD,
    describe,
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)


def age_distribution_chart(
    counts_by_age: Mapping[int, int | None],
    *,
    subject: str,
    area: str,
    period: str,
    source: str,
    style: ChartStyle,
    unknown: int | None = None,
    peak_ages: Sequence[int] = (),
    next_ages: Sequence[int] = (),
    width: float | None = None,
    height: float | None = None,
) -> ChartFlowable:
    """Bars of how many ``subject`` (e.g. "people involved in knife-enabled offences") had each age.

    Ages missing from ``counts_by_age`` between the youngest and oldest are shown as zero; ``None``
    counts are suppressed (not plotted; the alt text says they are withheld). ``unknown`` is the count of unknown age.
    ``peak_ages`` (the most frequent) and ``next_ages`` (the next most frequent) are the model's: the title
    and alt text name them, and the chart picks no age itself.
    """
    if not counts_by_age:
        raise ValueError("age_distribution_chart needs at least one age")
    ages = list(range(min(counts_by_age), max(counts_by_age) + 1))
    counts = {age: counts_by_age.get(age, 0) for age in ages}
    peak_ages = list(peak_ages)
    peak_count = counts[peak_ages[0]] or 0 if peak_ages else 0
    unknown_note = "" if unknown is None else f"; age unknown: {value_or_suppressed(unknown)}"
    title = _title(subject, counts, peak_ages)
    alt = _alt_text(subject, area, period, counts, peak_ages, list(next_ages), unknown, title)
    text = ChartText(
        title=title,
        subtitle=f"Number of {subject} by age, {area}, {period}{unknown_note}",
        source=source,
        alt_text=alt,
        data_table=[("Age", "Number")] + [(str(a), value_or_suppressed(c)) for a, c in counts.items()]
        + ([("Unknown", value_or_suppressed(unknown))] if unknown is not None else []),
    )

    def plot(figure: Figure, w: float, h: float) -> None:
        top_label = max([c for c in counts.values() if c is not None] + [1]) * 1.12   # the value axis's scale
        axes = axes_in_points(figure, w, h, left=text_width(fmt.number(top_label), style) + 8,
                              bottom=style.text_size * 4.0, right=4, top=style.text_size * 1.6)
        plotted = [(age, count) for age, count in counts.items() if count is not None]
        if plotted:   # the peak age the title names in the focus colour, the other ages muted
            Bars(axes, [a for a, _ in plotted], [c for _, c in plotted], 0.8, zorder=2,
                 colours=[style.highlight_colour if a in peak_ages else style.muted_colour for a, _ in plotted])
        for age in peak_ages:
            axes.text(age, peak_count + top_label * 0.01, f"{fmt.number(peak_count)} aged {age}", ha="center",
                      va="bottom", fontsize=style.text_size, weight="bold", color=style.text_colour)
        step = 5 if len(ages) > 20 else 1
        ticks = [a for a in ages if a % step == 0]
        axes.set_xticks(ticks, [str(a) for a in ticks])
        axes.set_xlim(ages[0] - 0.6, ages[-1] + 0.6)
        axes.set_xlabel("Age at the time of the offence (years)", fontsize=style.text_size,
                        color=style.secondary_text_colour)
        value_axis(axes, style, fmt.number, top_label)

    return build_chart("age_distribution", text, plot, style, width or style.width, height or style.height)


def _title(subject: str, counts: dict[int, int | None], peak_ages: list[int]) -> str:
    if not peak_ages:
        return sentence_case(f"the ages of {subject} are {WITHHELD}" if None in counts.values()
                             else f"no {subject} to show by age")
    return sentence_case(f"{subject} were most often aged {fmt.join_words([str(a) for a in peak_ages])}")


def _alt_text(subject: str, area: str, period: str, counts: dict[int, int | None], peak_ages: list[int],
              next_ages: list[int], unknown: int | None, title: str) -> str:
    ages = list(counts)
    findings = [title]
    if peak_ages:
        findings[0] += f", with {fmt.number(counts[peak_ages[0]])} at {'each of those ages' if len(peak_ages) > 1 else 'that age'}"
        if next_ages:
            findings.append(f"The next most common {'ages were' if len(next_ages) > 1 else 'age was'} "
                            + fmt.join_words([f"{a} ({value_or_suppressed(counts.get(a))})" for a in next_ages]))
    if unknown:
        findings.append(f"A further {fmt.number(unknown)} had an unknown age")
    withheld = withheld_sentence([f"age {a}" for a, c in counts.items() if c is None], "ages", len(ages),
                                 noun="count", nouns="counts")
    return describe("Bar chart", f"the number of {subject} by single year of age", area,
                    f"{period}, ages {ages[0]} to {ages[-1]}", *findings, withheld)
