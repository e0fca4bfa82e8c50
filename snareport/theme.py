"""layouts/<name>.yaml → Theme: page geometry, colour roles, fonts, type scale, chart palette, logo, cover.

A theme is data: a user adds a brand by writing a YAML file, never by changing code.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from snareport.resources import bundled_dir

LAYOUTS_DIR = bundled_dir("layouts")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
MM = 72.0 / 25.4


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageGeometry(_Strict):
    """Page size and margins in millimetres; ``bleed_mm`` adds print bleed around the trim box."""

    size: Literal["A4"] = "A4"
    margin_top_mm: float = Field(default=24, ge=5)
    margin_bottom_mm: float = Field(default=22, ge=5)
    margin_left_mm: float = Field(default=22, ge=5)
    margin_right_mm: float = Field(default=22, ge=5)
    bleed_mm: float = Field(default=0, ge=0, le=10)

    @property
    def trim_size(self) -> tuple[float, float]:
        """Trim width and height in points (A4 portrait)."""
        return 210 * MM, 297 * MM


class Colours(_Strict):
    """Colour roles as #RRGGBB. ``on_primary`` is the text colour placed on ``primary``."""

    primary: str
    accent: str
    text: str
    muted: str
    background: str = "#FFFFFF"
    tint: str
    tint_strong: str
    on_primary: str = "#FFFFFF"
    rule: str = "#B1B4B6"

    @field_validator("*")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not _HEX.match(value):
            raise ValueError(f"colour {value!r} is not #RRGGBB")
        return value.upper()

    def role(self, name_or_hex: str) -> str:
        """A role name ('primary') or a literal #RRGGBB → #RRGGBB."""
        if _HEX.match(name_or_hex):
            return name_or_hex.upper()
        return getattr(self, name_or_hex)


class FontFiles(_Strict):
    """One TrueType family (TrueType outlines: reportlab cannot embed CFF) from ``fonts/``."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str


class TypeScale(_Strict):
    """The report's six type sizes in points, smallest first; every style is one of them.

    ``small``: sources, notes, table cells, chart text and page furniture; ``body``: running text;
    ``h3``: table and chart titles, sub-headings, lead-ins and quotes; ``h2`` and ``h1``: headings;
    ``display``: big numbers and the cover title. Leading is each size × ``leading_ratio``.
    """

    small: float = Field(default=9, ge=6)
    body: float = Field(default=10.5, ge=8)
    h3: float = 12.5
    h2: float = 15
    h1: float = 24
    display: float = 30
    leading_ratio: float = Field(default=1.45, ge=1.0, le=2.0)

    @model_validator(mode="after")
    def _ascending(self) -> "TypeScale":
        sizes = [self.small, self.body, self.h3, self.h2, self.h1, self.display]
        if sizes != sorted(sizes) or len(set(sizes)) != len(sizes):
            raise ValueError(f"type_scale sizes must rise from small to display, all different (got {sizes})")
        return self

    @property
    def sizes(self) -> tuple[float, ...]:
        """The six sizes, smallest first."""
        return (self.small, self.body, self.h3, self.h2, self.h1, self.display)


class LogoShape(_Strict):
    """One vector shape of a logo, in a 100 × 100 box with the origin at the bottom left."""

    kind: Literal["circle", "rect", "polygon"]
    fill: str = "primary"
    cx: float = 0
    cy: float = 0
    r: float = 0
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    points: list[float] = Field(default_factory=list)


class CoverDesign(_Strict):
    """Cover options: ``band`` is a full-bleed colour block with the title; ``plain`` is text on white."""

    style: Literal["band", "plain"] = "band"
    show_logo: bool = True
    pattern: Literal["arcs", "none"] = "arcs"
    band_height_ratio: float = Field(default=0.62, gt=0.2, lt=0.9)


class Theme(_Strict):
    """Everything that decides how the report looks."""

    name: str
    page: PageGeometry = PageGeometry()
    colours: Colours
    fonts: FontFiles
    type_scale: TypeScale = TypeScale()
    chart_palette: list[str] | Literal["afcharts"] = "afcharts"
    logo: list[LogoShape] = Field(default_factory=list)
    cover: CoverDesign = CoverDesign()
    partners: list[str] = Field(default_factory=list)
    protective_marking: str | None = None

    @property
    def palette(self) -> list[str]:
        """The chart palette as #RRGGBB; ``afcharts`` reads the Analysis Function palette from its package."""
        if self.chart_palette == "afcharts":
            from afcharts.af_colours import get_af_colours

            return [c.upper() for c in get_af_colours("categorical", number_of_colours=6)]
        return [c.upper() for c in self.chart_palette]

    @property
    def leading(self) -> float:
        return round(self.type_scale.body * self.type_scale.leading_ratio, 2)


def load_theme(name_or_path: str | Path) -> Theme:
    """A theme by name (``layouts/<name>.yaml``) or by path to a YAML file."""
    from snareport.errors import DataError
    from snareport.loading.yaml_text import YamlLimit, load_yaml

    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        path = LAYOUTS_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in LAYOUTS_DIR.glob("*.yaml"))
        raise DataError(f"layout {str(name_or_path)!r} not found (known layouts: {', '.join(known)})")
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        return Theme.model_validate(data)
    except (yaml.YAMLError, YamlLimit, ValueError) as exc:
        raise DataError(f"layout {path.name}: {exc}") from None


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
