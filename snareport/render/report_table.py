"""A reportlab Table that sizes its rows and columns once per space offered, however often it is wrapped.

Platypus wraps one table several times: a frame wraps it before placing it, splitting wraps it again, and
the two layout passes (render.multibuild) do all of that twice at the same places. A table's cells and
style never change once it is made, so the sizes reportlab's ``wrap`` works out (column widths and
positions, row heights and positions, spans) depend only on the width and height offered: the first wrap
at a (width, height) works them out, every later one restores them. What is drawn is the same, so the
bytes are too. Parts made by splitting a table are new tables and size themselves once too.
"""
from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

#: what Table.wrap (its _calc, _calc_width, _calc_height, span and no-split ranges) leaves on the table
_WRAP_STATE = ("availWidth", "_argW", "_colWidths", "_colpositions", "_width", "_width_calculated_once",
               "_rowHeights", "_rowpositions", "_height", "_hmax",
               "_spanRanges", "_colSpanCells", "_rowSpanCells", "_spanRects", "_hmax_spanRects", "_vBlocks",
               "_hBlocks", "_nosplitRanges", "_colNoSplitCells", "_rowNoSplitCells")


class ReportTable(Table):
    """reportlab's Table, whose sizes for a (width, height) offered are worked out once.

    The height offered is part of the key as well as the width: in a table with spanned rows, reportlab's
    long-table optimisation stops measuring rows once they fill that height."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        sizes: dict[tuple[float, float], dict[str, Any]] = self.__dict__.setdefault("_sizes", {})
        known = sizes.get((availWidth, availHeight))
        if known is not None:
            self.__dict__.update(known)
            return self._width, self._height
        size = super().wrap(availWidth, availHeight)
        sizes[(availWidth, availHeight)] = {name: self.__dict__[name] for name in _WRAP_STATE if name in self.__dict__}
        return size
