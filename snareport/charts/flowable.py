"""RecordedDrawing + captions → ChartFlowable: a platypus flowable that replays a chart on every pass.

The drawing may be given recorded, or as the function that records it: then it is recorded when first
needed (when the page holding it is drawn), so the pages can be laid out first, or while another process
records the drawing (``snareport.render.chart_process``).

The flowable prints an active title, a subtitle (measure, area, period) above the drawing and a source
line below it, all as real text in the chart font. It carries the chart's alt text and data table so the
layout and tagging layers can describe the figure and export its numbers.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from snareport.charts.ops import RecordedDrawing
from snareport.charts.style import ChartStyle

_GAP_BELOW_HEADER = 6.0
_GAP_ABOVE_SOURCE = 4.0


@dataclass(frozen=True)
class CaptionLine:
    text: str
    font_name: str
    size: float
    colour: str
    leading: float


@dataclass(frozen=True)
class Captions:
    """Title and subtitle lines above the drawing, source lines below, wrapped to the chart width."""

    header: tuple[CaptionLine, ...]
    footer: tuple[CaptionLine, ...]

    @property
    def header_height(self) -> float:
        return sum(line.leading for line in self.header) + (_GAP_BELOW_HEADER if self.header else 0.0)

    @property
    def footer_height(self) -> float:
        return sum(line.leading for line in self.footer) + (_GAP_ABOVE_SOURCE if self.footer else 0.0)


def layout_captions(style: ChartStyle, width: float, title: str, subtitle: str = "", source: str = "") -> Captions:
    """Wrap the title, subtitle and source line to ``width`` in the chart fonts."""
    style.ensure_fonts()

    def lines(text: str, font: str, size: float, colour: str) -> list[CaptionLine]:
        if not text:
            return []
        return [CaptionLine(t, font, size, colour, size * style.leading) for t in simpleSplit(text, font, size, width)]

    header = lines(title, style.bold_font_name, style.title_size, style.text_colour)
    header += lines(subtitle, style.font_name, style.subtitle_size, style.secondary_text_colour)
    footer = lines(source, style.font_name, style.source_size, style.secondary_text_colour)
    return Captions(tuple(header), tuple(footer))


class ChartFlowable(Flowable):
    """A chart for platypus: fixed size, recorded once (when first needed), replayed (never re-rendered) on
    every pass."""

    def __init__(
        self,
        width: float,
        height: float,
        drawing: RecordedDrawing | Callable[[], RecordedDrawing],
        alt_text: str,
        title: str,
        *,
        subtitle: str = "",
        source: str = "",
        captions: Captions | None = None,
        data_table: Sequence[Sequence[str]] = (),
        name: str = "",
    ):
        super().__init__()
        self.width = float(width)
        self.height = float(height)
        self._drawing = drawing if isinstance(drawing, RecordedDrawing) else None
        self._record: Callable[[], RecordedDrawing] | None = None if self._drawing is not None else drawing
        self.alt_text = alt_text
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.captions = captions or Captions((), ())
        self.data_table: tuple[tuple[str, ...], ...] = tuple(tuple(str(c) for c in row) for row in data_table)
        self.name = name

    def __repr__(self) -> str:
        return f"ChartFlowable({self.name or self.title!r}, {self.width:.0f}×{self.height:.0f} pt)"

    @property
    def drawing(self) -> RecordedDrawing:
        """The chart's recorded drawing (recorded now if it has not been yet)."""
        if self._drawing is None:
            assert self._record is not None
            self._drawing, self._record = self._record(), None   # the plot function and its data are let go
        return self._drawing

    def record_from(self, fetch: Callable[[], RecordedDrawing | None]) -> None:
        """When the drawing is first needed, take it from ``fetch`` (which gives it recorded elsewhere, or
        None: then it is recorded here after all)."""
        record = self._record
        if record is None:
            return

        def fetched() -> RecordedDrawing:
            found = fetch()
            return found if found is not None else record()

        self._record = fetched

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    @property
    def drawing_origin(self) -> tuple[float, float]:
        """Where the recorded drawing's bottom-left corner sits inside the flowable."""
        return 0.0, self.captions.footer_height

    def draw(self) -> None:
        self.draw_header()
        self.draw_plot()
        self.draw_footer()

    def draw_header(self) -> None:
        """The title and subtitle lines, top down."""
        y = self.height
        for line in self.captions.header:
            y -= line.leading
            self._line(line, y + (line.leading - line.size) * 0.5 + 0.22 * line.size)

    def draw_plot(self) -> None:
        """Replay the recorded chart drawing."""
        x, y = self.drawing_origin
        self.drawing.draw(self.canv, x, y)

    def draw_footer(self) -> None:
        """The source line(s), below the drawing."""
        y = self.captions.footer_height - _GAP_ABOVE_SOURCE
        for line in self.captions.footer:
            y -= line.leading
            self._line(line, y + (line.leading - line.size) * 0.5 + 0.22 * line.size)

    def _line(self, line: CaptionLine, baseline: float) -> None:
        canvas = self.canv
        canvas.setFont(line.font_name, line.size)
        canvas.setFillColor(HexColor(line.colour))
        canvas.drawString(0, baseline, line.text)
