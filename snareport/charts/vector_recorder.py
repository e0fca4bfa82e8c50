"""matplotlib Figure → RecordedDrawing: a renderer that records vector paths and real text, never bitmaps.

The figure is drawn at 72 dpi, so one matplotlib pixel is one PDF point. Text is measured with the
reportlab font that will print it, so matplotlib's alignment matches what appears on the page exactly.
"""
from __future__ import annotations

from dataclasses import dataclass

from matplotlib.backend_bases import FigureCanvasBase, GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.path import Path
from reportlab.pdfbase import pdfmetrics

from snareport.charts.ops import Operation, PathOp, RecordedDrawing, TextOp

POINTS_PER_INCH = 72.0

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


class RasterImageError(ValueError):
    """Raised when a chart tries to draw a bitmap: charts must be vector only."""


@dataclass(frozen=True)
class TextFonts:
    """The reportlab font names used for chart text (both must be registered TrueType fonts)."""

    regular: str
    bold: str

    def for_weight(self, weight: object) -> str:
        if isinstance(weight, (int, float)):
            return self.bold if weight >= 600 else self.regular
        return self.bold if str(weight) in {"bold", "heavy", "black", "extra bold", "semibold", "demibold"} else self.regular


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _rgb(colour) -> str:
    return " ".join(_num(c) for c in colour[:3])


class RecordingRenderer(RendererBase):
    """Records what matplotlib draws as :class:`PathOp` and :class:`TextOp` operations."""

    def __init__(self, width: float, height: float, fonts: TextFonts):
        super().__init__()
        self.width = width
        self.height = height
        self.fonts = fonts
        self.operations: list[Operation] = []

    # --- what matplotlib asks of every renderer -------------------------------------------------
    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def flipy(self) -> bool:
        return False

    def points_to_pixels(self, points):
        return points

    def get_text_width_height_descent(self, s, prop, ismath):
        font_name = self.fonts.for_weight(prop.get_weight())
        size = prop.get_size_in_points()
        face = pdfmetrics.getFont(font_name).face
        width = pdfmetrics.stringWidth(s, font_name, size)
        ascent = getattr(face, "capHeight", 0) or face.ascent
        descent = -face.descent * size / 1000.0
        return width, ascent * size / 1000.0 + descent, descent

    def _get_font_height_metrics(self, prop):
        """Ascent, descent and line gap of the printing font (matplotlib ≥ 3.10 asks renderers for this)."""
        face = pdfmetrics.getFont(self.fonts.for_weight(prop.get_weight())).face
        size = prop.get_size_in_points()
        return face.ascent * size / 1000.0, -face.descent * size / 1000.0, 0.0

    # --- drawing ----------------------------------------------------------------------------------
    def draw_path(self, gc: GraphicsContextBase, path: Path, transform, rgbFace=None) -> None:
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        stroke_rgba = gc.get_rgb()
        stroke = gc.get_linewidth() > 0 and stroke_rgba[3] > 0
        if not (fill or stroke):
            return
        body = _path_operators(path, transform, self.width, self.height)
        if not body:
            return
        parts = ["q"]
        parts.extend(_clip_operators(gc))
        if fill:
            parts.append(f"{_rgb(rgbFace)} rg")
        if stroke:
            parts.append(f"{_rgb(stroke_rgba)} RG {_num(gc.get_linewidth())} w")
            parts.append(f"{_CAPS.get(gc.get_capstyle(), 0)} J {_JOINS.get(gc.get_joinstyle(), 0)} j")
            offset, dashes = gc.get_dashes()
            if dashes is not None and len(dashes):
                parts.append(f"[{' '.join(_num(d) for d in dashes)}] {_num(offset or 0)} d")
        parts.append(body)
        parts.append("B" if fill and stroke else ("f" if fill else "S"))
        parts.append("Q")
        if gc.get_forced_alpha():
            fill_alpha = stroke_alpha = gc.get_alpha()
        else:
            fill_alpha = rgbFace[3] if fill and len(rgbFace) > 3 else 1.0
            stroke_alpha = stroke_rgba[3] if stroke else 1.0
        fill_alpha = fill_alpha if fill else 1.0
        stroke_alpha = stroke_alpha if stroke else 1.0
        self.operations.append(PathOp(" ".join(parts), float(fill_alpha), float(stroke_alpha)))
        if gc.get_hatch():
            self.operations.append(PathOp(_hatch_operators(gc, path, transform, body), 1.0, 1.0))

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None) -> None:
        if not s:
            return
        rgba = gc.get_rgb()
        alpha = gc.get_alpha() if gc.get_forced_alpha() else rgba[3]
        self.operations.append(
            TextOp(
                text=s,
                x=round(float(x), 2),
                y=round(float(y), 2),
                font_name=self.fonts.for_weight(prop.get_weight()),
                size=float(prop.get_size_in_points()),
                colour=tuple(round(float(c), 4) for c in rgba[:3]),
                angle=round(float(angle), 2),
                alpha=float(alpha),
            )
        )

    def draw_image(self, gc, x, y, im, transform=None) -> None:
        raise RasterImageError("charts must be vector drawings: use patches (e.g. pcolormesh), not images")

    def draw_gouraud_triangles(self, gc, triangles_array, colors_array, transform) -> None:
        raise RasterImageError("gouraud shading is not supported in charts")


HATCH_SPACING = 3.0      # points between the diagonal lines of a hatched area (withheld values)


def _hatch_operators(gc: GraphicsContextBase, path: Path, transform, body: str) -> str:
    """Diagonal lines across a path's box, clipped to the path, in the hatch colour."""
    box = path.get_extents(transform)
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    lines = []
    start = x0 - (y1 - y0)
    n = int((x1 - start) / HATCH_SPACING) + 1
    for i in range(n + 1):
        x = start + i * HATCH_SPACING
        lines.append(f"{_num(x)} {_num(y0)} m {_num(x + (y1 - y0))} {_num(y1)} l")
    colour = gc.get_hatch_color()
    width = gc.get_hatch_linewidth() if hasattr(gc, "get_hatch_linewidth") else 0.5
    return " ".join(["q", *_clip_operators(gc), f"{body} W n", f"{_rgb(colour)} RG {_num(width)} w",
                     *lines, "S", "Q"])


def _clip_operators(gc: GraphicsContextBase) -> list[str]:
    ops: list[str] = []
    rect = gc.get_clip_rectangle()
    if rect is not None:
        x0, y0, w, h = rect.bounds
        ops.append(f"{_num(x0)} {_num(y0)} {_num(w)} {_num(h)} re W n")
    clip_path, clip_transform = gc.get_clip_path()
    if clip_path is not None:
        body = _path_operators(clip_path, clip_transform, None, None)
        if body:
            ops.append(f"{body} W n")
    return ops


def _path_operators(path: Path, transform, width: float | None, height: float | None) -> str:
    """The path's segments as PDF operators: ``Path.iter_segments``' segments (the same cleaned path),
    read from its arrays at once instead of a segment at a time."""
    if not len(path):
        return ""
    clip = (-1.0, -1.0, width + 1.0, height + 1.0) if width is not None and height is not None else None
    cleaned = path.cleaned(transform, remove_nans=True, clip=clip, simplify=False, curves=True)
    vertices = cleaned.vertices.tolist()
    codes = cleaned.codes.tolist()
    out: list[str] = []
    last = (0.0, 0.0)
    i, n = 0, len(codes)
    while i < n:
        code = codes[i]
        if code == Path.STOP:
            break
        if code == Path.MOVETO:
            last = vertices[i]
            out.append(f"{_num(last[0])} {_num(last[1])} m")
        elif code == Path.LINETO:
            last = vertices[i]
            out.append(f"{_num(last[0])} {_num(last[1])} l")
        elif code == Path.CURVE3:
            (cx, cy), (ex, ey) = vertices[i], vertices[i + 1]
            c1 = (last[0] + 2 / 3 * (cx - last[0]), last[1] + 2 / 3 * (cy - last[1]))
            c2 = (ex + 2 / 3 * (cx - ex), ey + 2 / 3 * (cy - ey))
            out.append(" ".join(_num(v) for v in (*c1, *c2, ex, ey)) + " c")
            last = (ex, ey)
        elif code == Path.CURVE4:
            out.append(" ".join(_num(v) for v in (*vertices[i], *vertices[i + 1], *vertices[i + 2])) + " c")
            last = vertices[i + 2]
        elif code == Path.CLOSEPOLY:
            out.append("h")
        i += Path.NUM_VERTICES_FOR_CODE[code]
    return " ".join(out)


class RecordingCanvas(FigureCanvasBase):
    """A figure canvas whose renderer records operations instead of painting pixels."""

    def __init__(self, figure: Figure, fonts: TextFonts):
        super().__init__(figure)
        self.fonts = fonts
        self._renderer: RecordingRenderer | None = None

    def get_renderer(self) -> RecordingRenderer:
        if self._renderer is None:
            width, height = self.figure.bbox.size
            self._renderer = RecordingRenderer(float(width), float(height), self.fonts)
        return self._renderer


def new_figure(width: float, height: float, fonts: TextFonts) -> Figure:
    """A pyplot-free figure of ``width`` × ``height`` points that records when drawn."""
    figure = Figure(figsize=(width / POINTS_PER_INCH, height / POINTS_PER_INCH), dpi=POINTS_PER_INCH)
    RecordingCanvas(figure, fonts)
    return figure


def record_figure(figure: Figure) -> RecordedDrawing:
    """Draw ``figure`` once through the recording renderer and return what it painted."""
    canvas = figure.canvas
    if not isinstance(canvas, RecordingCanvas):
        raise TypeError("record_figure needs a figure made by new_figure()")
    renderer = canvas.get_renderer()
    renderer.operations.clear()
    figure.draw(renderer)
    return RecordedDrawing(renderer.width, renderer.height, tuple(renderer.operations))
