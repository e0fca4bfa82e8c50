"""Recorded drawing operations → reportlab canvas: a chart drawn once, replayed on every layout pass.

A :class:`RecordedDrawing` is a plain, immutable list of operations in points with the origin at the
drawing's bottom-left corner. Graphics are stored as ready-made PDF content-stream operators (formatted
once, when recorded); text is stored as structured runs and replayed through reportlab's text object so
that the report's embedded TrueType font is subset, encoded and extractable like any other text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

RGB = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class PathOp:
    """One filled and/or stroked path, with its own clip and graphics state, as PDF operators."""

    operators: str
    fill_alpha: float = 1.0
    stroke_alpha: float = 1.0


@dataclass(frozen=True, slots=True)
class TextOp:
    """One run of text whose baseline starts at (x, y), rotated ``angle`` degrees anticlockwise."""

    text: str
    x: float
    y: float
    font_name: str
    size: float
    colour: RGB
    angle: float = 0.0
    alpha: float = 1.0


Operation = PathOp | TextOp


@dataclass(frozen=True)
class RecordedDrawing:
    """A chart's drawing: its size in points and the operations that paint it, in painting order."""

    width: float
    height: float
    operations: tuple[Operation, ...] = field(default_factory=tuple)

    @property
    def texts(self) -> list[str]:
        """Every run of text in the drawing, in painting order."""
        return [op.text for op in self.operations if isinstance(op, TextOp)]

    @property
    def font_names(self) -> set[str]:
        """The reportlab font names the drawing's text uses."""
        return {op.font_name for op in self.operations if isinstance(op, TextOp)}

    def draw(self, canvas: Canvas, x: float = 0.0, y: float = 0.0) -> None:
        """Paint the drawing onto ``canvas`` with its bottom-left corner at (x, y)."""
        canvas.saveState()
        if x or y:
            canvas.translate(x, y)
        for op in self.operations:
            if isinstance(op, PathOp):
                _draw_path(canvas, op)
            else:
                _draw_text(canvas, op)
        canvas.restoreState()


def _draw_path(canvas: Canvas, op: PathOp) -> None:
    if op.fill_alpha >= 1.0 and op.stroke_alpha >= 1.0:
        canvas.addLiteral(op.operators)
        return
    canvas.saveState()
    canvas.setFillAlpha(op.fill_alpha)
    canvas.setStrokeAlpha(op.stroke_alpha)
    canvas.addLiteral(op.operators)
    canvas.restoreState()


def _draw_text(canvas: Canvas, op: TextOp) -> None:
    if op.alpha < 1.0:
        canvas.saveState()
        canvas.setFillAlpha(op.alpha)
    text = canvas.beginText()
    text.setFont(op.font_name, op.size)
    text.setFillColorRGB(*op.colour)
    if op.angle:
        radians = math.radians(op.angle)
        cos, sin = math.cos(radians), math.sin(radians)
        text.setTextTransform(cos, sin, -sin, cos, op.x, op.y)
    else:
        text.setTextOrigin(op.x, op.y)
    text.textOut(op.text)
    canvas.drawText(text)
    if op.alpha < 1.0:
        canvas.restoreState()
