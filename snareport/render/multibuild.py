"""A document template that lays out in as few drawn passes as the contents page needs.

reportlab's ``multiBuild`` draws every flowable on every pass, although only the last pass is kept.
The first pass exists to learn page numbers (contents, "Page X of Y"), so here it lays out without
drawing: every flowable is wrapped and split exactly as in a drawn pass, page templates run, and only
drawing is skipped (the flowables' own ``drawOn``, and their parts' when they split; a template's page
furniture checks ``layout_only``). That pass is never accepted as the final one (an indexing
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


def _split_without_drawing(doc: TwoPassDocTemplate, split: Any, *args: Any, **kwargs: Any) -> list[Any]:
    """A flowable's ``split`` or ``splitOn`` during the layout-only pass: the parts it makes are placed at
    once (the frame places the first part itself) or later, and none of them draws either (a heading split
    off its keep-with-next group would otherwise be drawn, and add an outline entry to a pass that drew
    none of the headings before it)."""
    parts = split(*args, **kwargs)
    for part in parts:
        doc.lay_out_only(part)
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

    @property
    def layout_only(self) -> bool:
        """True during the first pass, which places every flowable and draws none (nor the page furniture)."""
        return self.passes == 1

    def build(self, flowables: list[Any], filename: Any = None, canvasmaker: Any = None) -> None:
        self.passes += 1
        self._not_drawing: list[Any] = []
        maker = canvasmaker or partial(ReportCanvas, document_date=self.document_date, tagger=self.tagger)
        try:
            super().build(flowables, filename, canvasmaker=maker)
        finally:   # every flowable draws again in the next pass
            for flowable in self._not_drawing:
                for name in ("drawOn", "split", "splitOn"):
                    flowable.__dict__.pop(name, None)
            self._not_drawing = []

    def lay_out_only(self, flowable: Any) -> None:
        """Until this pass ends, ``flowable`` and the parts it splits into draw nothing (instance attributes
        hide the methods; the story's flowables are the same objects in every pass)."""
        if flowable is None or "drawOn" in flowable.__dict__:
            return
        flowable.__dict__["drawOn"] = _draw_nothing
        flowable.__dict__["split"] = partial(_split_without_drawing, self, flowable.split)
        flowable.__dict__["splitOn"] = partial(_split_without_drawing, self, flowable.splitOn)
        self._not_drawing.append(flowable)

    def handle_flowable(self, flowables: list[Any]) -> None:
        if self.layout_only and flowables:
            if flowables[0] is not None:
                self.handle_keepWithNext(flowables)   # a heading and what it keeps with are placed (and split) as one
            self.lay_out_only(flowables[0])
        return super().handle_flowable(flowables)
