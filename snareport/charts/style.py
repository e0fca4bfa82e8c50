"""Theme values → ChartStyle: palette, fonts, sizes and colours shared by every chart.

The default palette is the UK Government Analysis Function accessible palette, read from the
``afcharts`` package. Fonts are TrueType files registered once with both reportlab (which prints the
text) and matplotlib's font manager (so any matplotlib-side measurement uses the same font).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from snareport.charts.vector_recorder import TextFonts


@cache
def _af_palette(name: str) -> tuple[str, ...]:
    from afcharts.af_colours import get_af_colours

    if name == "sequential":
        return tuple(get_af_colours("sequential", number_of_colours=5))
    return tuple(get_af_colours(name))


def analysis_function_categorical() -> tuple[str, ...]:
    """The Analysis Function categorical palette (6 colours, dark blue first)."""
    return _af_palette("categorical")


def analysis_function_sequential() -> tuple[str, ...]:
    """The Analysis Function sequential palette, light to dark (5 colours)."""
    return tuple(reversed(_af_palette("sequential")))


def analysis_function_focus() -> tuple[str, str]:
    """The Analysis Function focus colour, and a muted grey that still has 3:1 against white.

    afcharts' own grey (#BFBFBF) is 1.84:1 against white, below WCAG 1.4.11 for graphics that carry
    meaning; #949494 is 3.03:1 against white and 3.38:1 against the focus colour.
    """
    return _af_palette("focus")[0], "#949494"


def distinct_steps(colours: tuple[str, ...] | list[str], ratio: float = 3.0) -> tuple[str, ...]:
    """The steps of a light-to-dark ramp that differ from their neighbours by at least ``ratio`` (WCAG
    contrast), keeping the darkest and walking lighter.

    Luminance contrast spans at most 21:1, so five steps cannot each differ by 3:1 (3⁴ = 81); three can.
    The Analysis Function's five blues give their 1st, 3rd and 5th (3.10:1 and 3.31:1 apart). A ramp
    with no such pair keeps only its darkest step.
    """
    from snareport.theme import contrast_ratio

    kept = [colours[-1]]
    for colour in reversed(colours[:-1]):
        if contrast_ratio(colour, kept[-1]) >= ratio:
            kept.append(colour)
    return tuple(reversed(kept))


class ChartStyle(BaseModel):
    """Everything a chart needs from the theme. Sizes are in points; colours are ``#RRGGBB``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    font_name: str = Field(description="reportlab name of the regular chart font (a registered TTF)")
    bold_font_name: str = Field(description="reportlab name of the bold chart font (a registered TTF)")
    font_path: Path = Field(description="TTF file of the regular font, for registration and measurement")
    bold_font_path: Path = Field(description="TTF file of the bold font")
    palette: tuple[str, ...] = Field(default_factory=analysis_function_categorical, min_length=2)
    sequential: tuple[str, ...] = Field(default_factory=analysis_function_sequential, min_length=3)
    highlight_colour: str = Field(default_factory=lambda: analysis_function_focus()[0])
    muted_colour: str = Field(default_factory=lambda: analysis_function_focus()[1])
    text_colour: str = "#0B0C0C"
    secondary_text_colour: str = "#505A5F"
    gridline_colour: str = "#D9D9D9"
    axis_colour: str = "#8A8A8A"
    min_text_size: float = Field(default=8.0, gt=0, description="the smallest text size used in the body")
    text_size: float = 9.0
    title_size: float = 11.0
    subtitle_size: float = 9.0
    source_size: float = 8.0
    leading: float = 1.25
    width: float = Field(default=453.0, gt=50, description="default chart width (the text column)")
    height: float = Field(default=260.0, gt=50, description="default chart height, captions included")
    bar_row_height: float = Field(default=17.0, gt=4, description="height per bar in horizontal bar charts")

    @model_validator(mode="after")
    def _readable(self) -> ChartStyle:
        for name in ("text_size", "title_size", "subtitle_size", "source_size"):
            if getattr(self, name) < self.min_text_size:
                raise ValueError(f"{name} {getattr(self, name)} is smaller than min_text_size {self.min_text_size}")
        return self

    @property
    def fonts(self) -> TextFonts:
        return TextFonts(self.font_name, self.bold_font_name)

    def ensure_fonts(self) -> None:
        """Register the chart fonts with reportlab and matplotlib (once per process)."""
        _register_reportlab(self.font_name, str(self.font_path))
        _register_reportlab(self.bold_font_name, str(self.bold_font_path))
        _register_matplotlib(str(self.font_path))
        _register_matplotlib(str(self.bold_font_path))

    @property
    def ramp(self) -> tuple[str, ...]:
        """The sequential palette's steps that stand apart from their neighbours by 3:1 (heat maps)."""
        return distinct_steps(self.sequential)

    def rc_params(self) -> dict[str, Any]:
        """matplotlib settings for one chart, used inside an ``rc_context`` so nothing leaks."""
        return _rc_params(self)


@cache
def _register_reportlab(name: str, path: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))


@cache
def _register_matplotlib(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def _rc_params(style: ChartStyle) -> dict[str, Any]:
    from cycler import cycler

    family = _register_matplotlib(str(style.font_path))
    return {
        "font.family": [family],
        "font.size": style.text_size,
        "text.color": style.text_colour,
        "text.parse_math": False,
        "axes.unicode_minus": True,
        "axes.edgecolor": style.axis_colour,
        "axes.labelcolor": style.text_colour,
        "axes.labelsize": style.text_size,
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.spines.left": False,
        "axes.spines.bottom": True,
        "axes.axisbelow": True,
        "axes.grid": False,
        "axes.prop_cycle": cycler(color=list(style.palette)),
        "grid.color": style.gridline_colour,
        "grid.linewidth": 0.6,
        "grid.linestyle": "-",
        "xtick.color": style.axis_colour,
        "ytick.color": style.axis_colour,
        "xtick.labelcolor": style.text_colour,
        "ytick.labelcolor": style.text_colour,
        "xtick.labelsize": style.text_size,
        "ytick.labelsize": style.text_size,
        "xtick.major.size": 3.0,
        "ytick.major.size": 0.0,
        "xtick.major.pad": 3.0,
        "ytick.major.pad": 4.0,
        "legend.frameon": False,
        "legend.fontsize": style.text_size,
        "lines.linewidth": 2.0,
        "patch.linewidth": 0.0,
        "hatch.linewidth": 0.8,
    }


def matplotlib_dejavu_style(**overrides: Any) -> ChartStyle:
    """A ChartStyle using the DejaVu Sans family bundled with matplotlib (for notebooks and tests)."""
    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    values: dict[str, Any] = {
        "font_name": "SnareportChartSans",
        "bold_font_name": "SnareportChartSans-Bold",
        "font_path": ttf / "DejaVuSans.ttf",
        "bold_font_path": ttf / "DejaVuSans-Bold.ttf",
    }
    values.update(overrides)
    return ChartStyle(**values)
