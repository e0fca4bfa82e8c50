"""A measure per district, now and before → horizontal bar ChartFlowable with direct labels and % change.

Used for the under-25 volume and harm scores. A district variant highlights its own district (colour
and bold name and label, so colour is never the only cue) and may show a reference line such as the
district average.
"""
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
    withheld_bar,
)
from snareport.charts.flowable import ChartFlowable
from snareport.charts.style import ChartStyle
from snareport.charts.wording import (
    SUPPRESSED,
    WITHHELD,
    change_clause,
    count_noun,
    describe,
    sentence_case,
    value_or_suppressed,
    withheld_sentence,
)
from snareport.models.common import Change, ComparisonFindings


def district_change_chart(
    districts: Sequence[str],
    changes: Sequence[Change],
    findings: ComparisonFindings,
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
    """Horizontal bars of ``measure`` by district (the findings' order: largest first), each labelled
    "value (±change%)"; ``findings`` (from the model) say what the title and alt text state.

    A withheld later value is ``None``: no bar, labelled "withheld". ``reference`` is (label, value) for
    a dashed line, e.g. ("District average", 412.0). Height defaults to one row per district.
    """
    if len(districts) != len(changes) or findings.items != len(changes):
        raise ValueError("districts, changes and findings must cover the same districts")
    if highlight is not None and highlight not in districts:
        raise ValueError(f"highlighted district {highlight!r} is not among the districts")
    by_name = {d: (d, c.current, c.previous, c.change_pct) for d, c in zip(districts, changes)}
    rows = [by_name[d] for d in findings.ranked] + [by_name[d] for d in districts if d not in findings.rank]

    def label(value: float | None, change: float | None) -> str:
        if value is None:
            return SUPPRESSED
        shown = fmt.number(value, decimals)
        return shown if change is None else f"{shown} ({fmt.percent(change, plus=True)})"

    text = ChartText(
        title=_title(rows, findings, measure, highlight),
        subtitle=f"{sentence_case(measure)} by district, {area}, {period} (% change on {previous_period})",
        source=source,
        alt_text=_alt_text(rows, findings, measure, area, period, previous_period, highlight, reference, decimals),
        data_table=[("District", f"{period}", f"{previous_period}", "% change")]
        + [(d, value_or_suppressed(c, lambda v: fmt.number(v, decimals)),
            value_or_suppressed(p, lambda v: fmt.number(v, decimals)),
            "" if ch is None else fmt.percent(ch, plus=True)) for d, c, p, ch in rows],
    )

    named = _named(findings, highlight)     # the bars the title talks about: focus colour, bold; the rest muted

    def plot(figure: Figure, w: float, h: float) -> None:
        names_width = max(text_width(r[0], style, bold=r[0] in named) for r in rows)
        labels = [label(c, ch) for _, c, _, ch in rows]
        labels_width = max(text_width(t, style, bold=True) for t in labels)
        top = style.text_size * 2.0 if reference else 2.0
        axes = axes_in_points(figure, w, h, left=names_width + 8, bottom=2, right=labels_width + 6, top=top)
        largest = max([c for _, c, _, _ in rows if c is not None] + ([reference[1]] if reference else []), default=1)
        bars: list[tuple[int, float, str]] = []
        values = Labels(axes, zorder=6, va="center_baseline", ha="left", fontsize=style.text_size,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0} if reference else None)
        for i, (district, value, _, _change) in enumerate(rows):
            bold = district in named
            colour = style.palette[0] if not named else (style.highlight_colour if bold else style.muted_colour)
            if value is not None:
                bars.append((i, value, colour))
            else:
                withheld_bar(axes, i, 0.68, largest * 0.03, style, horizontal=True)
            values.add((value if value is not None else largest * 0.03) + largest * 0.01, i, labels[i],
                       color=style.text_colour if value is not None else style.secondary_text_colour,
                       weight="bold" if bold else "normal")
        if bars:
            ys, widths, colours = zip(*bars)
            Bars(axes, ys, widths, 0.68, colours, horizontal=True, zorder=2)
        row_names(axes, style, [r[0] for r in rows], bold=lambda name: name in named)
        axes.set_ylim(len(rows) - 0.5, -0.5)
        axes.set_xlim(0, largest * 1.0)
        axes.set_axis_off()
        axes.axvline(0, color=style.axis_colour, linewidth=0.8, zorder=3)
        if reference:
            ref_label, ref_value = reference
            axes.axvline(ref_value, color=style.text_colour, linewidth=1.0, linestyle=(0, (3, 2)), zorder=5)
            axes.annotate(f"{ref_label}: {fmt.number(ref_value, decimals)}", (ref_value, -0.5), xytext=(0, 3),
                          textcoords="offset points", ha="center", va="bottom", fontsize=style.text_size,
                          color=style.text_colour, annotation_clip=False)

    row_height = style.bar_row_height
    auto_height = None
    if height is None:
        from snareport.charts.flowable import layout_captions

        captions = layout_captions(style, width or style.width, text.title, text.subtitle, text.source)
        plot_height = max(len(rows) * row_height + 6 + (style.text_size * 2.0 if reference else 0), MIN_PLOT_HEIGHT)
        auto_height = plot_height + captions.header_height + captions.footer_height
    return build_chart("district_change", text, plot, style, width or style.width, height or auto_height)


def _every(f: ComparisonFindings) -> str:
    """"every district", or with some not published "all 11 districts with a published change"."""
    if f.compared == f.items:
        return "every district"
    which = " with a published change"
    return f"the one district{which}" if f.compared == 1 else f"all {count_noun(f.compared, 'district')}{which}"


def _named(f: ComparisonFindings, highlight: str | None) -> set[str]:
    """The districts the title names (drawn in the focus colour): the highlighted district, the few that
    rose against the rest, or the highest; none when the title speaks of every district."""
    if highlight is not None:
        return {highlight}
    if not f.published:
        return set()
    if not f.rose and not f.fell:
        return {f.ranked[0]}
    if 1 <= f.rose_count <= 3 and f.fell_count > f.rose_count and f.rose_count < f.compared:
        return set(f.rose)
    return set()


def _title(rows, f: ComparisonFindings, measure: str, highlight: str | None) -> str:
    if highlight is not None:
        rank = f.rank.get(highlight)
        if rank is None:
            return sentence_case(f"{measure} for {highlight} is {WITHHELD}")
        change = change_clause(by_district(rows, highlight)[3])
        among = (f"{fmt.number(f.published)} districts" if f.published == f.items
                 else f"the {fmt.number(f.published)} districts with published figures")
        return sentence_case(f"{highlight} ranked {fmt.ordinal(rank)} of {among} for {measure}"
                             + (f", {change}" if change else ""))
    if not f.published:
        return sentence_case(f"{measure} by district is {WITHHELD}")
    which = "" if f.compared == f.items else " with a published change"
    if not f.rose and not f.fell:
        among = "" if f.published == f.items else " of the districts with published figures"
        return sentence_case(f"{f.ranked[0]} had the highest {measure}{among}")
    if f.fell_count == f.compared:
        return sentence_case(f"{measure} fell in {_every(f)}")
    if f.rose_count == f.compared:
        return sentence_case(f"{measure} rose in {_every(f)}")
    if 1 <= f.rose_count <= 3 and f.fell_count > f.rose_count:
        return sentence_case(f"{measure} rose only in {fmt.join_words(f.rose)}"
                             + (f", of {count_noun(f.compared, 'district')}{which}" if which else ""))
    return sentence_case(f"{measure} fell in {fmt.number(f.fell_count)} of {count_noun(f.compared, 'district')}{which}")


def by_district(rows, name: str):
    """The chart row (district, later, earlier, % change) of a district."""
    return next(r for r in rows if r[0] == name)


def _alt_text(rows, f: ComparisonFindings, measure, area, period, previous_period, highlight, reference,
              decimals) -> str:
    withheld = withheld_sentence([r[0] for r in rows if r[1] is None], "districts", f.items)
    when = f"{period}, compared with {previous_period}"
    title = _title(rows, f, measure, highlight)
    if not f.published or f.highest is None or f.lowest is None:
        return describe("Horizontal bar chart", f"{measure} by district", area, when,
                        f"The figures for every district are {WITHHELD}")

    of_published = "Of the published figures, " if f.published < f.items else ""
    extremes = f"{of_published}{f.highest.name} was highest at {fmt.number(f.highest.change.current, decimals)}"
    if f.published > 1:
        extremes += f" and {f.lowest.name} lowest at {fmt.number(f.lowest.change.current, decimals)}"
    sentences = [title, extremes]
    if highlight is not None:
        row = by_district(rows, highlight)
        if row[1] is not None:  # its rank and change are in the title
            extreme = highlight in (f.highest.name, f.lowest.name)
            sentences.append(f"{highlight} is highlighted" + ("" if extreme else f", at {fmt.number(row[1], decimals)}"))
    if (f.rose or f.fell) and highlight is None:  # the size of the change the title names
        rise_named = bool(f.rose) and (f.rose_count <= f.fell_count or not f.fell)
        most, word, n = ((f.largest_rise, "rise", f.rose_count) if rise_named else (f.largest_fall, "fall", f.fell_count))
        if most is not None:
            sentences.append(f"The {'only' if n == 1 and f.rose and f.fell else 'largest'} {word} was in {most.name} "
                             f"({change_clause(most.change.change_pct)})")
    if reference:
        sentences.append(f"A dashed line marks the {reference[0].lower()}, {fmt.number(reference[1], decimals)}")
    return describe("Horizontal bar chart", f"{measure} by district", area, when, *sentences, withheld)
