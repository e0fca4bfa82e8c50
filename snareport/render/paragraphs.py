"""A reportlab Paragraph that breaks its lines once per width, however often it is wrapped.

Platypus wraps one paragraph many times: a frame wraps it before placing it, a table wraps its cells to
size each row and again to draw them, a KeepTogether wraps its group to measure it, and the two layout
passes (render.multibuild) do all of that twice. A paragraph's text and style never change, so its line
breaks depend only on the width: the first wrap at a width breaks the lines, every later one at that
width restores what it found. The lines drawn are the same objects, so the bytes are too.
"""
from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph

#: what Paragraph.wrap (and the breakLines it calls) leaves on the paragraph
_WRAP_STATE = ("width", "height", "_wrapWidths", "blPara", "_width_max", "frags")


class ReportParagraph(Paragraph):
    """reportlab's Paragraph, whose line breaks at a width are worked out once (parts made by splitting it
    are new paragraphs of their own and break their lines once too). A style with a ``measure`` (points)
    never sets lines wider than it, however wide the frame (body text keeps a readable line length)."""

    def _measured(self, availWidth: float) -> float:
        measure = getattr(self.style, "measure", None)
        return min(availWidth, measure) if measure else availWidth

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return super().split(self._measured(availWidth), availHeight)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        availWidth = self._measured(availWidth)
        wraps: dict[float, tuple[tuple[float, float], dict[str, Any]]] = self.__dict__.setdefault("_wraps", {})
        known = wraps.get(availWidth)
        if known is not None:
            size, state = known
            self.__dict__.update(state)
            return size
        size = super().wrap(availWidth, availHeight)
        wraps[availWidth] = (size, {name: self.__dict__[name] for name in _WRAP_STATE if name in self.__dict__})
        return size
