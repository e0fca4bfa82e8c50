"""Font files in ``fonts/`` → one registered reportlab TrueType family (embedded, subset).

reportlab silently falls back to the unembedded base-14 Helvetica when a style or canvas
names no font, so :func:`register_family` also points reportlab's own defaults at our family.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from snareport.resources import bundled_dir

FONTS_DIR = bundled_dir("fonts")


@dataclass(frozen=True)
class FontFamily:
    """The four registered face names of one family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


_registered: dict[tuple, FontFamily] = {}


def register_family(name: str, regular: str, bold: str, italic: str, bold_italic: str,
                    folder: Path | None = None) -> FontFamily:
    """Register a TrueType family once per process (idempotent) and return its face names.

    File names are relative to ``folder`` (default: the project's ``fonts/``).
    """
    folder = folder or FONTS_DIR
    key = (name, regular, bold, italic, bold_italic, str(folder))
    if key in _registered:
        return _registered[key]
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    faces = FontFamily(regular=name, bold=f"{name}-Bold", italic=f"{name}-Italic",
                       bold_italic=f"{name}-BoldItalic")
    for face, file in ((faces.regular, regular), (faces.bold, bold), (faces.italic, italic),
                       (faces.bold_italic, bold_italic)):
        path = folder / file
        if not path.is_file():
            raise FileNotFoundError(f"font file {file!r} not found in {folder.name}/")
        pdfmetrics.registerFont(TTFont(face, str(path)))
    addMapping(faces.regular, 0, 0, faces.regular)
    addMapping(faces.regular, 1, 0, faces.bold)
    addMapping(faces.regular, 0, 1, faces.italic)
    addMapping(faces.regular, 1, 1, faces.bold_italic)
    pdfmetrics.registerFontFamily(faces.regular, normal=faces.regular, bold=faces.bold,
                                  italic=faces.italic, boldItalic=faces.bold_italic)
    _make_default(faces)
    _registered[key] = faces
    return faces


def _make_default(faces: FontFamily) -> None:
    """Point reportlab's default canvas font (its ``rl_config`` setting) at our family, not Helvetica; tables
    name the family in their styles (render.flowables)."""
    from reportlab import rl_config

    rl_config.canvas_basefontname = faces.regular
