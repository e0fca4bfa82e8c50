"""A theme's logo file (SVG or bitmap) → drawn into a box on a reportlab canvas, fonts embedded."""
from __future__ import annotations

from typing import Any


def draw_logo_file(canvas: Any, door: Any, path: str, x: float, y: float, width: float, height: float) -> None:
    """A logo file fitted into the box at (x, y), keeping its proportions: SVG as vector operators
    (svglib; any text in it set in the theme's embedded font), PNG/JPEG as an image."""
    if path.lower().endswith(".svg"):
        from reportlab.graphics import renderPDF

        drawing = _svg_drawing(path, door.styles.faces.regular)
        scale = min(width / drawing.width, height / drawing.height) if drawing.width and drawing.height else 1.0
        canvas.saveState()
        canvas.translate(x + (width - drawing.width * scale) / 2, y + (height - drawing.height * scale) / 2)
        canvas.scale(scale, scale)
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.restoreState()
        return
    canvas.drawImage(path, x, y, width, height, preserveAspectRatio=True, anchor="c", mask="auto")


def _svg_drawing(path: str, font_name: str) -> Any:
    from reportlab.graphics.shapes import Group, String
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(path)
    if drawing is None:
        from snareport.errors import DataError

        raise DataError(f"logo {path}: not a readable SVG file")

    def embed_fonts(node: Any) -> None:   # never a base-14 font: those are not embedded
        for child in getattr(node, "contents", []):
            if isinstance(child, String):
                child.fontName = font_name
            elif isinstance(child, Group):
                embed_fonts(child)

    embed_fonts(drawing)
    drawing.initialFontName = font_name   # the renderer's starting font too (its default is Helvetica)
    return drawing
