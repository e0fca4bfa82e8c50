"""reportlab's Canvas with what every report page needs: the fixed document date, the tagger, link hooks.

The document template makes one per layout pass (reportlab's public ``canvasmaker``), so nothing in reportlab
is patched: the date goes through ``setDateFormatter`` and links made by any flowable are announced to
whoever listens (the contents list's tagging, which makes one contents entry per link).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas

from snareport.render.reportlab_private import SpokenText

if TYPE_CHECKING:
    from snareport.render.tagging.tagger import Tagger


def pdf_date(day: dt.date) -> str:
    """A PDF date string for midnight UTC of ``day``, as reportlab writes its own dates."""
    return f"D:{day:%Y%m%d}000000+00'00'"


class ReportCanvas(Canvas):
    """A canvas whose document date is ``document_date`` (midnight UTC; reproducible output), which carries
    the ``tagger`` recording this pass's marked content, and which tells ``link_listeners`` of every link.
    With a tagger, its text objects are `SpokenText` (wrapped lines end in a space, arrows are read "to")."""

    def __init__(self, *args: Any, document_date: dt.date | None = None, tagger: Tagger | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if document_date is not None:
            stamp = pdf_date(document_date)
            self.setDateFormatter(lambda *_: stamp)
        self.tagger = tagger
        self.link_listeners: list[Callable[[], None]] = []

    def _linked(self, result: Any) -> Any:
        for listener in list(self.link_listeners):
            listener()
        return result

    # reportlab's linkAbsolute makes its annotation through linkRect
    def linkRect(self, *args: Any, **kwargs: Any) -> Any:
        return self._linked(super().linkRect(*args, **kwargs))

    def linkURL(self, *args: Any, **kwargs: Any) -> Any:
        return self._linked(super().linkURL(*args, **kwargs))

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> Any:
        if self.tagger is None:
            return super().beginText(x, y, direction)
        return SpokenText(self, x, y, direction=direction, on_link=partial(self.tagger.link_words, self))
