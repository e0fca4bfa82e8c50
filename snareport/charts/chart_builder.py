"""Chart text + plotting function → ChartFlowable: fixed geometry, one rc context, recorded once.

Every chart function computes its words (title, subtitle, source, alt text, data table) from its data and
hands ``build_chart`` a function that draws onto a figure of known size in points. Geometry is fixed
from the style (margins measured from label widths) instead of ``tight_layout``, which is slow.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

import matplotlib
import numpy as np
from matplotlib.artist import Artist, allow_rasterization
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text
from matplotlib.transforms import IdentityTransform
from reportlab.pdfbase.pdfmetrics import stringWidth

from snareport.charts.chart_axes import ChartAxes
from snareport.charts.flowable import ChartFlowable, layout_captions
from snareport.charts.ops import RecordedDrawing
from snareport.charts.style import ChartStyle
from snareport.charts.vector_recorder import new_figure, record_figure

PlotFunction = Callable[[Figure, float, float], None]


@dataclass(frozen=True)
class ChartText:
    """What a chart says in words: all generated from its data."""

    title: str
    subtitle: str
    source: str
    alt_text: str
    data_table: Sequence[Sequence[str]] = field(default_factory=tuple)


#: The smallest plot area a chart draws (points): a chart sized by its rows asks for at least this much.
MIN_PLOT_HEIGHT = 40


def build_chart(
    name: str,
    text: ChartText,
    plot: PlotFunction,
    style: ChartStyle,
    width: float,
    height: float,
) -> ChartFlowable:
    """Lay out the captions and wrap them with the plot area, drawn (once) when first needed."""
    captions = layout_captions(style, width, text.title, text.subtitle, text.source)
    plot_height = height - captions.header_height - captions.footer_height
    if plot_height < MIN_PLOT_HEIGHT:
        raise ValueError(f"chart {name!r} is too short for its captions ({height:.0f} pt)")
    return ChartFlowable(
        width,
        height,
        partial(_record, plot, style, width, plot_height),
        text.alt_text,
        text.title,
        subtitle=text.subtitle,
        source=text.source,
        captions=captions,
        data_table=text.data_table,
        name=name,
    )


def _record(plot: PlotFunction, style: ChartStyle, width: float, height: float) -> RecordedDrawing:
    style.ensure_fonts()
    with _style_settings(style.rc_params()):
        figure = new_figure(width, height, style.fonts)
        figure.patch.set_visible(False)
        plot(figure, width, height)
        return record_figure(figure)


def axes_in_points(figure: Figure, width: float, height: float, left: float, bottom: float, right: float, top: float) -> Axes:
    """Axes whose plotting area is inset by the given margins, in points, from the figure's edges.

    They are `ChartAxes`: the chart must set both limits (``set_xlim``, ``set_ylim`` or `value_axis`)."""
    axes = figure.add_axes((left / width, bottom / height, (width - left - right) / width, (height - bottom - top) / height),
                           axes_class=ChartAxes)
    axes.patch.set_visible(False)
    return axes


@contextmanager
def _style_settings(settings: dict[str, object]) -> Iterator[None]:
    """matplotlib's settings (rcParams) as a chart style sets them, for one chart: each set (and checked) as
    ``rcParams`` sets it, and all put back after, so nothing leaks into the next chart or the caller.

    ``matplotlib.rc_context`` does the same but first copies all ~300 settings to put them back (two thirds
    of its ~0.25 ms a chart); a chart changes no setting but these."""
    params = matplotlib.rcParams
    saved = {key: dict.__getitem__(params, key) for key in settings}
    try:
        params.update(settings)
        yield
    finally:
        dict.update(params, saved)


class Labels(Artist):
    """Many one-line labels at points in data coordinates, drawn through one matplotlib ``Text``.

    Each label is laid out and drawn exactly as ``axes.text(x, y, label, **common, **own)`` would (``own``:
    its weight, colour, rotation and size; those it leaves out are the common ones), at the place of those
    texts in the drawing order (their z-order, after what was added before), without building a ``Text``
    artist per label (~0.07 ms each; a heat map prints 168)."""

    def __init__(self, axes: Axes, *, zorder: float = 3, **common: object) -> None:
        super().__init__()
        self.zorder = zorder
        self._text = text = self._make_text(axes, common)
        self._common = (text.get_fontweight(), text.get_color(), text.get_rotation(), text.get_fontsize())
        self._labels: list[tuple[float, float, str, object, object, float, float]] = []
        axes.add_artist(self)

    def _make_text(self, axes: Axes, common: dict[str, object]) -> _LabelText:
        """The Text as ``axes.text`` makes it."""
        text = _LabelText(0, 0, "", **{"verticalalignment": "baseline", "horizontalalignment": "left",
                                       "transform": axes.transData, "clip_on": False, **common})
        axes._set_artist_props(text)
        return text

    def _place(self, text: Text, x: float, y: float) -> None:
        text.set_position((x, y))

    def add(self, x: float, y: float, label: str, *, weight: object = None, color: object = None,
            rotation: float | None = None, fontsize: float | None = None) -> None:
        own = (weight, color, rotation, fontsize)
        self._labels.append((x, y, label, *(c if o is None else o for o, c in zip(own, self._common))))  # type: ignore[arg-type]

    @allow_rasterization
    def draw(self, renderer) -> None:  # type: ignore[no-untyped-def]
        if not self.get_visible():
            return
        text = self._text
        text.layouts = {}
        try:
            for x, y, label, weight, color, rotation, size in self._labels:
                self._place(text, x, y)
                text.set_text(label)
                text.set_fontweight(weight)  # type: ignore[arg-type]
                text.set_color(color)  # type: ignore[arg-type]
                text.set_rotation(rotation)
                text.set_fontsize(size)
                text.draw(renderer)
        finally:
            text.layouts = None
        self.stale = False


class Annotations(Labels):
    """`Labels` placed as ``axes.annotate(label, (x, y), **common)`` places them: ``common`` says in which
    coordinates the points are (``xycoords``) and how far from them the text goes (``xytext``,
    ``textcoords``); z-order 3, as an annotation's."""

    def _make_text(self, axes: Axes, common: dict[str, object]) -> _LabelAnnotation:  # type: ignore[override]
        """The Annotation as ``axes.annotate`` makes it."""
        text = _LabelAnnotation("", (0, 0), **common)
        text.set_transform(IdentityTransform())
        axes._set_artist_props(text)
        return text

    def _place(self, text: Text, x: float, y: float) -> None:
        text.xy = (x, y)  # type: ignore[attr-defined]


class _LayoutOnce:
    """The Text that draws `Labels`: while they draw, it lays out each distinct label once.

    Everything that places a line of text but the label's string, weight, rotation and size is common to
    the labels and unchanged while they draw, so matplotlib's layout of a repeated label (a heat map's 168
    values are a few dozen strings) is the one it gave the first time; ``layouts`` lives for one draw."""

    layouts: dict[tuple[object, ...], object] | None = None

    def _get_layout(self, renderer):  # type: ignore[no-untyped-def]
        if self.layouts is None:
            return super()._get_layout(renderer)  # type: ignore[misc]
        key = (self.get_text(), self.get_fontweight(), self.get_rotation(), self.get_fontsize(), id(renderer))  # type: ignore[attr-defined]
        layout = self.layouts.get(key)
        if layout is None:
            layout = self.layouts[key] = super()._get_layout(renderer)  # type: ignore[misc]
        return layout


class _LabelText(_LayoutOnce, Text):
    pass


class _LabelAnnotation(_LayoutOnce, Annotation):
    pass


def row_names(axes: Axes, style: ChartStyle, names: Sequence[str], bold: Callable[[str], bool]) -> None:
    """Each row's name (row ``i`` at ``y = i``) right-aligned 6 pt left of the axes, bold where ``bold(name)``."""
    column = Annotations(axes, xycoords=axes.get_yaxis_transform(), xytext=(-6, 0), textcoords="offset points",
                         ha="right", va="center_baseline", fontsize=style.text_size, color=style.text_colour)
    for i, name in enumerate(names):
        column.add(0, i, name, weight="bold" if bold(name) else "normal")


def text_width(text: str, style: ChartStyle, size: float | None = None, bold: bool = False) -> float:
    """Printed width of ``text`` in points in the chart font."""
    style.ensure_fonts()
    return stringWidth(text, style.bold_font_name if bold else style.font_name, size or style.text_size)


def value_axis(axes: Axes, style: ChartStyle, formatter: Callable[[float], str], top: float) -> None:
    """A vertical value axis from zero: light horizontal gridlines, no spine, labels by ``formatter``."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes.set_ylim(0, top if top > 0 else 1)
    # as many gridlines as the plot's height leaves room for labels (never crowded on a short plot)
    tall = axes.get_position().height * axes.figure.bbox.height
    nbins = max(1, min(5, int(tall // (style.text_size * 2.0))))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=nbins, min_n_ticks=min(3, nbins + 1), integer=False))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: formatter(v)))
    axes.grid(axis="y", color=style.gridline_colour, linewidth=0.6)
    axes.tick_params(axis="y", length=0)
    axes.spines["bottom"].set_color(style.axis_colour)
    axes.spines["bottom"].set_zorder(3)


class Bars(Artist):
    """Bars centred on their positions, as ``Axes.bar`` (``barh`` when ``horizontal``) makes them, drawn
    through one matplotlib ``Rectangle`` moved to each bar in turn.

    The geometry is worked out as ``bar`` works it out (its ``_convert_dx`` measures the thickness from the
    first bar's position), the Rectangle is made and styled as ``bar`` makes each of its own, and the bars
    draw at the place of ``bar``'s in the drawing order (their z-order, after what was added before): the
    same drawing, without a Rectangle made per bar (~0.1 ms each: its colour parsed from an array, its clip
    and transform worked out)."""

    def __init__(self, axes: Axes, positions: float | Sequence[float], lengths: float | Sequence[float],
                 thickness: float | Sequence[float], colours: str | Sequence[str], *, horizontal: bool = False,
                 zorder: float = 2) -> None:
        super().__init__()
        self.zorder = zorder
        along, across = (axes.convert_yunits, axes.convert_xunits) if horizontal else (axes.convert_xunits,
                                                                                      axes.convert_yunits)
        position = np.asarray(along(positions))
        thick = Axes._convert_dx(thickness, positions, position, along)
        base = np.asarray(across(0))
        length = Axes._convert_dx(lengths, 0, base, across)
        position, length, thick, base = np.broadcast_arrays(np.atleast_1d(position), length, thick, base)
        start = position - thick / 2
        boxes = zip(base, start, length, thick) if horizontal else zip(start, base, thick, length)
        colours = [colours] if isinstance(colours, str) else colours
        self._bars = [((x, y), w, h, colour) for (x, y, w, h), colour in zip(boxes, itertools.cycle(colours))]
        (x, y), w, h, colour = self._bars[0]
        self._bar = Rectangle(xy=(x, y), width=w, height=h, facecolor=colour, edgecolor=None, linewidth=None,
                              label="_nolegend_", hatch=None)
        self._bar.set_zorder(zorder)
        axes._set_artist_props(self._bar)       # as Axes.add_patch
        self._bar.set_clip_path(axes.patch)
        axes.add_artist(self)

    @allow_rasterization
    def draw(self, renderer) -> None:  # type: ignore[no-untyped-def]
        if not self.get_visible():
            return
        bar = self._bar
        for xy, width, height, colour in self._bars:
            bar.set_xy(xy)
            bar.set_width(width)
            bar.set_height(height)
            bar.set_facecolor(colour)
            bar.draw(renderer)
        self.stale = False


class BarRun:
    """Bars given one at a time and added as one `Bars` per run of them. Call ``end()`` before drawing
    anything else of the same z-order (a withheld bar) and after the last bar, so every patch keeps its
    place in the drawing order."""

    def __init__(self, axes: Axes, *, horizontal: bool = False, zorder: float = 2) -> None:
        self.axes = axes
        self.horizontal = horizontal
        self.zorder = zorder
        self.bars: list[tuple[float, float, float, str]] = []

    def add(self, position: float, length: float, thickness: float, colour: str) -> None:
        self.bars.append((position, length, thickness, colour))

    def end(self) -> None:
        if self.bars:
            positions, lengths, thicknesses, colours = zip(*self.bars)
            Bars(self.axes, positions, lengths, thicknesses, colours, horizontal=self.horizontal, zorder=self.zorder)
            self.bars = []


WITHHELD_HATCH = "////"
WITHHELD_SWATCH = "withheld"        # a key entry's "colour" for the hatched withheld swatch
WITHHELD_KEY = "[c] withheld"


def withheld_bar(axes, position: float, thickness: float, length: float, style: ChartStyle, *,
                 horizontal: bool = False) -> None:
    """A short hatched bar where a value is withheld: never read as zero (keyed by ``WITHHELD_KEY``)."""
    xy = (0, position - thickness / 2) if horizontal else (position - thickness / 2, 0)
    size = (length, thickness) if horizontal else (thickness, length)
    axes.add_patch(Rectangle(xy, *size, facecolor="white", hatch=WITHHELD_HATCH,
                             edgecolor=style.secondary_text_colour, linewidth=0.3, zorder=2))


def key_lines(style: ChartStyle, entries: Sequence[tuple[str, str]], width: float) -> list[list[tuple[str, str]]]:
    """The key's entries in lines that fit ``width`` points (an entry never splits)."""
    swatch = style.text_size * 0.9
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for entry in entries:
        need = swatch + 4 + text_width(entry[1], style) + 14
        if lines[-1] and used + need - 14 > width:
            lines.append([])
            used = 0.0
        lines[-1].append(entry)
        used += need
    return lines


def key_row(figure: Figure, style: ChartStyle, entries: Sequence[tuple[str, str]], x: float, y: float, height: float) -> None:
    """A key in figure points: a colour swatch then its label, in the same order as the bars; entries
    that do not fit the figure's width go on further lines below the first (at ``y``)."""
    for n, line in enumerate(key_lines(style, entries, figure.bbox.width - x)):
        _key_line(figure, style, line, x, y - n * style.text_size * 1.4, height)


def _key_line(figure: Figure, style: ChartStyle, entries: Sequence[tuple[str, str]], x: float, y: float,
              height: float) -> None:
    swatch = style.text_size * 0.9
    cursor = x
    for colour, label in entries:
        hatched = colour == WITHHELD_SWATCH
        figure.patches.append(
            Rectangle((cursor / figure.bbox.width, y / height), swatch / figure.bbox.width, swatch / height,
                      transform=figure.transFigure, facecolor="white" if hatched else colour,
                      hatch=WITHHELD_HATCH if hatched else None,
                      edgecolor=style.secondary_text_colour if hatched else "none", linewidth=0.3, figure=figure)
        )
        cursor += swatch + 4
        figure.text(cursor / figure.bbox.width, (y + swatch / 2) / height, label, va="center_baseline",
                    ha="left", color=style.text_colour, fontsize=style.text_size)
        cursor += text_width(label, style) + 14
