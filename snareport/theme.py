"""layouts/<name>.yaml → Theme: page geometry, colour roles, fonts, type scale, chart palette, logo, cover.

A theme is data: a user adds a brand by writing a YAML file, never by changing code.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from snareport.resources import bundled_dir, theme_file

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
    # Charts that highlight: the bar or series a chart's title names in ``chart_focus``, the rest in
    # ``chart_muted``. Both need 3:1 against the background, and against each other (WCAG 1.4.11).
    chart_focus: str = "#12436D"      # the Analysis Function's focus colour (dark blue)
    chart_muted: str = "#949494"      # a grey at 3.03:1 on white (afcharts' own #BFBFBF is 1.84:1)

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
    """One TrueType family (TrueType outlines: reportlab cannot embed CFF).

    A bare file name is looked up in the bundled ``fonts/`` and then beside the theme file; a path
    (``brand/fonts/Arial.ttf``, or absolute) is taken relative to the theme file's folder.
    """

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
    def _ascending(self) -> TypeScale:
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


LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")


class BackCover(_Strict):
    """What the back cover says besides the partners: how to get in touch, other formats, the licence."""

    contact: list[str] = Field(default_factory=list, description="lines of contact details (team, email, phone, web)")
    alternative_formats: str = ""
    licence: str = ""


class Theme(_Strict):
    """Everything that decides how the report looks."""

    name: str
    page: PageGeometry = PageGeometry()
    colours: Colours
    fonts: FontFiles
    type_scale: TypeScale = TypeScale()
    chart_palette: list[str] | Literal["afcharts"] = "afcharts"
    logo: list[LogoShape] | str = Field(
        default_factory=list, description="vector shapes, or a PNG/JPEG/SVG file (relative to the theme file); SVG stays vector")
    partner_logos: list[str] = Field(default_factory=list, description="PNG/JPEG/SVG files shown on the back cover")
    back_cover: BackCover = BackCover()
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

    _folder: Path | None = PrivateAttr(default=None)   # the theme file's folder (None: built in)

    @property
    def leading(self) -> float:
        return round(self.type_scale.body * self.type_scale.leading_ratio, 2)

    def font_paths(self) -> tuple[Path, Path, Path, Path]:
        """Regular, bold, italic and bold-italic font files as paths on this machine."""
        f = self.fonts
        return tuple(_font_path(name, self._folder) for name in (f.regular, f.bold, f.italic, f.bold_italic))  # type: ignore[return-value]


# Colour roles printed together: (foreground, background). Text needs 4.5:1 (WCAG 2 AA, 1.4.3);
# graphics that carry meaning — the accent's rules and arrows, chart colours — need 3:1 (1.4.11).
TEXT_PAIRS = (("text", "background"), ("muted", "background"), ("primary", "background"),
              ("accent", "background"), ("on_primary", "primary"), ("text", "tint"), ("muted", "tint"),
              ("primary", "tint"), ("text", "tint_strong"))
TEXT_CONTRAST, GRAPHIC_CONTRAST = 4.5, 3.0
_TRUETYPE_MAGIC = (b"\x00\x01\x00\x00", b"true")


def _font_path(name: str, folder: Path | None) -> Path:
    fonts = bundled_dir("fonts")
    given = Path(name).expanduser()
    if len(given.parts) == 1 and (fonts / given).is_file():
        return fonts / given
    return given if given.is_absolute() or folder is None else folder / given


def contrast_problems(theme: Theme) -> list[str]:
    """Every colour pair of the theme below the WCAG contrast it needs, as readable sentences."""
    c = theme.colours
    problems = []
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(getattr(c, fg), getattr(c, bg))
        if ratio < TEXT_CONTRAST:
            problems.append(f"{fg} {getattr(c, fg)} on {bg} {getattr(c, bg)} has a contrast of {ratio:.2f}:1; "
                            f"text needs at least {TEXT_CONTRAST}:1")
    for name, against in (("chart_focus", "background"), ("chart_muted", "background"), ("chart_muted", "chart_focus")):
        ratio = contrast_ratio(getattr(c, name), getattr(c, against))
        if ratio < GRAPHIC_CONTRAST:
            problems.append(f"{name} {getattr(c, name)} on {against} {getattr(c, against)} has a contrast of "
                            f"{ratio:.2f}:1; chart colours need at least {GRAPHIC_CONTRAST}:1")
    if theme.chart_palette != "afcharts":
        for i, colour in enumerate(theme.palette):
            ratio = contrast_ratio(colour, c.background)
            if ratio < GRAPHIC_CONTRAST:
                problems.append(f"chart_palette[{i}] {colour} on background {c.background} has a contrast of "
                                f"{ratio:.2f}:1; chart colours need at least {GRAPHIC_CONTRAST}:1")
    return problems


def font_problems(theme: Theme) -> list[str]:
    """Font files that are missing or are not TrueType fonts (nothing else is read as a font)."""
    problems = []
    for path in dict.fromkeys(theme.font_paths()):
        if not path.is_file():
            problems.append(f"font file {path.name!r} not found" + ("" if theme._folder is None else
                                                                    " in the bundled fonts/ or beside the theme"))
            continue
        with open(path, "rb") as handle:
            magic = handle.read(4)
        if path.suffix.lower() not in (".ttf", ".otf") or magic not in _TRUETYPE_MAGIC:
            what = "an OpenType font with CFF outlines, which reportlab cannot embed" if magic == b"OTTO" else \
                "not a TrueType font file"
            problems.append(f"font file {path.name!r} is {what}; name a .ttf file with TrueType outlines")
    return problems


def load_theme(name_or_path: str | Path, base: str | Path | None = None) -> Theme:
    """A theme by name (``layouts/<name>.yaml``) or by path to a YAML file (relative to ``base`` if given).

    Checked on load: colour pairs against WCAG contrast (4.5:1 text, 3:1 chart colours) and font files
    (present, TrueType). Any failure is a DataError naming the theme file and what to change.
    """
    from snareport.errors import DataError
    from snareport.loading.yaml_text import YamlLimit, load_yaml

    path = theme_file(name_or_path, base)
    if not path.is_file():
        known = sorted(p.stem for p in LAYOUTS_DIR.glob("*.yaml"))
        raise DataError(f"layout {str(name_or_path)!r} not found (known layouts: {', '.join(known)}; "
                        "or name a theme .yaml file)")
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict):
            data = _resolve_logo_files(data, path.parent)
        theme = Theme.model_validate(data)
    except (yaml.YAMLError, YamlLimit, ValueError) as exc:
        raise DataError(f"layout {path.name}: {exc}") from None
    if path.parent.resolve() != LAYOUTS_DIR.resolve():
        theme._folder = path.parent
    problems = contrast_problems(theme) + font_problems(theme)
    if problems:
        raise DataError(f"layout {path.name}: " + "; ".join(problems))
    return theme


def _resolve_logo_files(data: dict, folder: Path) -> dict:
    """Logo file names in a theme are relative to the theme's folder: made absolute, and checked to exist."""
    def resolve(name: object) -> str:
        file = Path(str(name))
        file = file if file.is_absolute() else folder / file
        if file.suffix.lower() not in LOGO_SUFFIXES:
            raise ValueError(f"logo {name!s}: expected a {', '.join(LOGO_SUFFIXES)} file")
        if not file.is_file():
            raise ValueError(f"logo {name!s}: no such file ({file})")
        return str(file)

    out = dict(data)
    if isinstance(out.get("logo"), str):
        out["logo"] = resolve(out["logo"])
    if isinstance(out.get("partner_logos"), list):
        out["partner_logos"] = [resolve(n) for n in out["partner_logos"]]
    return out


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
