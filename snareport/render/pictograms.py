"""Icon name → a small vector pictogram (decoration beside a figure, drawn as an artifact).

Each pictogram is a few filled shapes in a 100 × 100 box, in the theme's colours: no text, no images,
so it stays sharp at any zoom and says nothing a screen reader needs (the figure beside it says it).
"""
from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

ICONS = ("knife", "hospital", "money", "people", "calendar", "map")


class Pictogram(Flowable):
    """One pictogram, ``size`` points square, drawn as an artifact."""

    def __init__(self, icon: str, maker: Any, size: float = 30.0) -> None:
        super().__init__()
        if icon not in ICONS:
            raise ValueError(f"unknown pictogram {icon!r} (known: {', '.join(ICONS)})")
        self.icon, self.maker, self.size = icon, maker, size
        self.width = self.height = 0
        self._available = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Takes no room: it sits in the top right corner of what follows (a tile's big number)."""
        self._available = available_width
        return available_width, 0

    def draw(self) -> None:
        canvas, colour = self.canv, self.maker.colour
        with self.maker.artifact(canvas):
            canvas.saveState()
            canvas.translate(self._available - self.size, -self.size)
            canvas.scale(self.size / 100.0, self.size / 100.0)
            _DRAW[self.icon](canvas, colour["primary"], colour["accent"], colour["background"])
            canvas.restoreState()


def _polygon(canvas: Any, points: list[float]) -> None:
    path = canvas.beginPath()
    path.moveTo(points[0], points[1])
    for i in range(2, len(points) - 1, 2):
        path.lineTo(points[i], points[i + 1])
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _knife(c: Any, ink: Any, accent: Any, paper: Any) -> None:
    c.setFillColor(accent)                                   # the blade, point up-right
    _polygon(c, [34, 30, 96, 96, 76, 34, 48, 18])
    c.setFillColor(ink)                                      # the guard and the handle
    _polygon(c, [24, 44, 30, 48, 56, 22, 50, 16])
    _polygon(c, [4, 12, 16, 2, 44, 28, 32, 40])


def _hospital(c: Any, ink: Any, accent: Any, paper: Any) -> None:
    c.setFillColor(ink)
    c.roundRect(4, 4, 92, 92, 14, stroke=0, fill=1)
    c.setFillColor(paper)
    c.rect(40, 18, 20, 64, stroke=0, fill=1)
    c.rect(18, 40, 64, 20, stroke=0, fill=1)


def _money(c: Any, ink: Any, accent: Any, paper: Any) -> None:
    c.setFillColor(ink)                                      # a banknote with a coin in front
    c.roundRect(0, 34, 84, 50, 6, stroke=0, fill=1)
    c.setFillColor(paper)
    c.circle(42, 59, 12, stroke=0, fill=1)
    c.setFillColor(accent)
    c.circle(72, 30, 26, stroke=0, fill=1)
    c.setFillColor(paper)
    c.circle(72, 30, 16, stroke=0, fill=1)
    c.setFillColor(accent)
    c.circle(72, 30, 9, stroke=0, fill=1)


def _people(c: Any, ink: Any, accent: Any, paper: Any) -> None:
    for x, fill in ((30, ink), (70, accent)):
        c.setFillColor(fill)
        c.circle(x, 76, 14, stroke=0, fill=1)
        c.roundRect(x - 20, 4, 40, 54, 16, stroke=0, fill=1)


def _calendar(c: Any, ink: Any, accent: Any, paper: Any) -> None:
    c.setFillColor(ink)
    c.roundRect(4, 4, 92, 84, 8, stroke=0, fill=1)
    c.setFillColor(accent)
    c.rect(4, 66, 92, 22, stroke=0, fill=1)
    c.setFillColor(paper)
    for row in range(3):
        for col in range(4):
            c.rect(14 + col * 20, 12 + row * 18, 12, 10, stroke=0, fill=1)


def _map(c: Any, ink: Any, accent: Any, paper: Any) -> None:
    c.setFillColor(ink)                                      # a map pin
    c.circle(50, 62, 32, stroke=0, fill=1)
    _polygon(c, [22, 48, 50, 2, 78, 48])
    c.setFillColor(paper)
    c.circle(50, 62, 13, stroke=0, fill=1)


_DRAW = {"knife": _knife, "hospital": _hospital, "money": _money, "people": _people, "calendar": _calendar,
         "map": _map}
