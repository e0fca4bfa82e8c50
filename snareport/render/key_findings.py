"""Key findings (``glance.key_findings``) → the linked list on the at-a-glance page: each finding under its
topic and the page of its chapter, the whole entry a link to that chapter.

Page numbers are the contents list's (recorded as headings are placed, printed on the next pass), so the
findings and the contents page always agree.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from snareport.render.markup import runs_markup, text
from snareport.render.paragraphs import ReportParagraph as Paragraph  # body text keeps its measure
from snareport.theme import MM


class KeyFindingsFlowable(Flowable):
    """Each finding as its topic and page over its sentence; the whole entry links to the chapter.

    ``findings`` are objects with ``key`` (bookmark), ``topic`` and ``own``/``area`` inline runs."""

    def __init__(self, maker: Any, findings: Sequence[Any], area: str = "") -> None:
        super().__init__()
        self.maker = maker
        self.findings = list(findings)
        self.area = area
        self._laid: list[tuple[Any, Paragraph, Paragraph, float]] = []
        self._sentences: list[Paragraph] = []     # made at the first wrap: the same in every pass

    @property
    def entries(self) -> list[tuple[str, str]]:
        """(bookmark key, title) pairs: what each link's /Contents names (read by the tagging layer)."""
        return [(f.key, f"Go to {f.topic}") for f in self.findings]

    def _pages(self) -> dict[str, int]:
        listing = getattr(self.maker, "contents_listing", None)
        return dict(getattr(listing, "previous", None) or {})

    def _sentence(self, f: Any) -> Paragraph:
        runs = [*f.own, *([f"; {self.area}: ", *f.area] if f.area else []), "."]
        return Paragraph(runs_markup(runs[:1] and [_capital(runs[0]), *runs[1:]]), self.maker.styles.body)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        s = self.maker.styles
        pages = self._pages()
        if not self._sentences:   # a finding's sentence never changes (its lines are broken once per width)
            self._sentences = [self._sentence(f) for f in self.findings]
        self._laid = []
        height = 0.0
        for f, body in zip(self.findings, self._sentences):
            page = pages.get(f.key)   # the heading carries the page number, which the next pass may change
            head = Paragraph(f"<b>{text(f.topic)}</b>" + (f" \u2013 page {page}" if page else ""), s.contents)
            _, h1 = head.wrap(available_width - 6 * MM, available_height)
            _, h2 = body.wrap(available_width - 6 * MM, available_height)
            entry = h1 + h2 + 3 * MM
            self._laid.append((f, head, body, entry))
            height += entry
        self.width, self.height = available_width, height
        return self.width, self.height

    def draw(self) -> None:
        canvas, d = self.canv, self.maker
        top = self.height
        for finding, head, body, entry in self._laid:
            with d.artifact(canvas):
                canvas.setFillColor(d.colour["accent"])
                canvas.rect(0, top - entry + 3 * MM, 1.6 * MM, entry - 3 * MM, stroke=0, fill=1)
            y = top - head.height
            head.drawOn(canvas, 6 * MM, y)
            y -= body.height
            body.drawOn(canvas, 6 * MM, y)
            canvas.linkRect(f"Go to {finding.topic}", finding.key, (0, top - entry + 3 * MM, self.width, top),
                            relative=1, thickness=0)
            top -= entry


def _capital(run: Any) -> Any:
    """The sentence's first run with a capital first letter (a finding reads as a sentence)."""
    if isinstance(run, str):
        return run[:1].upper() + run[1:]
    return run
