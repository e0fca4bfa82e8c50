"""A document template that lays out in as few drawn passes as the contents page needs.

reportlab's ``multiBuild`` draws every flowable on every pass, although only the last pass is kept.
The first pass exists to learn page numbers (contents, "Page X of Y"), so here it lays out without
drawing: every flowable is wrapped and split exactly as in a drawn pass, page templates run, and only
the flowables' own ``drawOn`` is skipped. That pass is never accepted as the final one (an indexing
flowable of the template's own says so), so the saved PDF always comes from a fully drawn pass whose
layout agrees with the pass before it. Everything here overrides reportlab's public methods.
"""
from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Any

from reportlab.platypus import BaseDocTemplate, Flowable

from snareport.render.canvas import ReportCanvas

if TYPE_CHECKING:
    from snareport.render.tagging.tagger import Tagger


def _draw_nothing(*args: Any, **kwargs: Any) -> None:
    """Stands in for a flowable's ``drawOn`` during the layout-only pass."""


def _split_without_drawing(split_on: Any, *args: Any, **kwargs: Any) -> list[Any]:
    """A flowable's ``splitOn`` during the layout-only pass: the parts it makes are placed at once (the
    first) or later, and none of them draws either (a section heading split off its group would otherwise
    add an outline entry to a pass that drew none of the headings before it)."""
    parts = split_on(*args, **kwargs)
    for part in parts:
        if "drawOn" not in part.__dict__:
            part.__dict__["drawOn"] = _draw_nothing
    return parts


class _DrawnPassGuard(Flowable):
    """An indexing flowable satisfied only after a drawn pass: a layout-only pass is never the last."""

    def __init__(self, doc: TwoPassDocTemplate) -> None:
        super().__init__()
        self.doc = doc
        self.width = self.height = 0

    def isIndexing(self) -> int:
        return 1

    def beforeBuild(self) -> None:
        pass

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self.doc.passes > 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Nothing reaches the page, not even an empty graphics state."""


class TwoPassDocTemplate(BaseDocTemplate):
    """``multiBuild`` whose first pass lays out without drawing; every pass draws on a `ReportCanvas`
    carrying the document date and the ``tagger`` (None: untagged)."""

    def __init__(self, *args: Any, document_date: dt.date | None = None, tagger: Tagger | None = None,
                 **kwargs: Any) -> None:
        self.document_date = document_date
        self.tagger = tagger
        self.passes = 0
        super().__init__(*args, **kwargs)

    def multiBuild(self, story: list[Any], maxPasses: int = 10, **buildKwds: Any) -> int:
        """Passes until every indexing flowable is satisfied (at least one of them drawn); returns the count.

        The story should hold an indexing flowable of its own (a page count): without one a single
        drawn pass would do, and the layout-only pass is wasted."""
        self.passes = 0
        return super().multiBuild([*story, _DrawnPassGuard(self)], maxPasses=maxPasses, **buildKwds)

    def build(self, flowables: list[Any], filename: Any = None, canvasmaker: Any = None) -> None:
        self.passes += 1
        maker = canvasmaker or partial(ReportCanvas, document_date=self.document_date, tagger=self.tagger)
        super().build(flowables, filename, canvasmaker=maker)

    def handle_flowable(self, flowables: list[Any]) -> None:
        if self.passes != 1 or not flowables:
            return super().handle_flowable(flowables)
        if flowables[0] is not None:
            self.handle_keepWithNext(flowables)   # a heading and what it keeps with are placed (and split) as one
        flowable = flowables[0]
        shadowed = flowable is None or "drawOn" in flowable.__dict__
        if not shadowed:
            flowable.__dict__["drawOn"] = _draw_nothing  # the instance attribute hides the method
            flowable.__dict__["splitOn"] = partial(_split_without_drawing, flowable.splitOn)
        try:
            return super().handle_flowable(flowables)
        finally:
            if not shadowed:
                flowable.__dict__.pop("drawOn", None)
                flowable.__dict__.pop("splitOn", None)
