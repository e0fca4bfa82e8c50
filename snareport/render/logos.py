"""A theme's logo files (SVG or bitmap) → drawn into boxes on a reportlab canvas, fonts embedded."""
from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from snareport.theme import MM


def draw_logo_file(canvas: Any, maker: Any, path: str, x: float, y: float, width: float, height: float) -> None:
    """A logo file fitted into the box at (x, y), keeping its proportions: SVG as vector operators
    (svglib; any text in it set in the theme's embedded font), PNG/JPEG as an image."""
    if path.lower().endswith(".svg"):
        from reportlab.graphics import renderPDF

        drawing = _svg_drawing(path, maker.styles.faces.regular)
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


class PartnerLogos(Flowable):
    """The partners' logos in a row on light tiles (an artifact: the partners are named in the list)."""

    HEIGHT = 34.0
    GAP = 8.0

    def __init__(self, maker: Any, files: list[str]) -> None:
        super().__init__()
        self.maker, self.files = maker, list(files)
        self.spaceBefore = self.spaceAfter = 4 * MM

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        per_row = max(1, int((available_width + self.GAP) // (self.HEIGHT * 2.2 + self.GAP)))
        rows = (len(self.files) + per_row - 1) // per_row
        self._per_row = per_row
        self.width, self.height = available_width, rows * (self.HEIGHT + self.GAP) - self.GAP
        return self.width, self.height

    def draw(self) -> None:
        canvas, d = self.canv, self.maker
        tile_w, pad = self.HEIGHT * 2.2, 4.0
        with d.artifact(canvas):
            for i, path in enumerate(self.files):
                row, col = divmod(i, self._per_row)
                x = col * (tile_w + self.GAP)
                y = self.height - (row + 1) * self.HEIGHT - row * self.GAP
                canvas.setFillColor(d.colour["on_primary"])
                canvas.roundRect(x, y, tile_w, self.HEIGHT, 3, stroke=0, fill=1)
                draw_logo_file(canvas, d, path, x + pad, y + pad, tile_w - 2 * pad, self.HEIGHT - 2 * pad)
