"""The contents block → the contents list: every section with its page number, each row a link.

The list of entries is fixed before the first layout pass (so the page's size never changes between
passes); page numbers are recorded as headings are placed and printed on the next pass.
"""
from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from snareport.theme import MM


class ContentsFlowable(Flowable):
    """Contents rows (title … page) linked to each section's bookmark; an indexing flowable for multiBuild."""

    def __init__(self, entries: list[tuple[str, str]], maker: Any, levels: dict[str, int] | None = None):
        super().__init__()
        self.entries = entries            # (bookmark key, title), in reading order
        self.levels = levels or {}        # bookmark key → 0 for a chapter, 1 for a section inside one
        self.maker = maker
        self.pages: dict[str, int] = {}
        self.previous: dict[str, int] | None = None
        self.row_height = maker.styles.contents.leading + 6

    # --- multiBuild protocol (relayed by the document's PageCount, see render.pages) ------------

    def beforeBuild(self) -> None:
        self.previous, self.pages = self.pages, {}

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self.previous == self.pages and all(k in self.pages for k, _ in self.entries)

    def record(self, key: str, page: int) -> None:
        self.pages.setdefault(key, page)

    # --- drawing -----------------------------------------------------------------------------
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.row_height * len(self.entries)
        return self.width, self.height

    def draw(self) -> None:
        canvas, d = self.canv, self.maker
        style = d.styles.contents
        shown = self.previous or {}
        canvas.saveState()
        for i, (key, title) in enumerate(self.entries):
            top = self.height - i * self.row_height
            baseline = top - style.leading
            page = shown.get(key)
            level = self.levels.get(key, 0)
            canvas.setFillColor(d.colour["text"])
            canvas.setFont(d.styles.faces.bold if level == 0 else style.fontName, style.fontSize)
            canvas.drawString(level * 4 * MM, baseline, title)
            canvas.setFillColor(d.colour["primary"])
            canvas.setFont(d.styles.faces.bold, style.fontSize)
            canvas.drawRightString(self.width, baseline, str(page) if page else "")
            with d.artifact(canvas):
                canvas.setStrokeColor(d.colour["rule"])
                canvas.setLineWidth(0.4)
                canvas.line(0, top - self.row_height + 2, self.width, top - self.row_height + 2)
            canvas.linkRect(f"Go to {title}, page {page}" if page else title, key,
                            (0, top - self.row_height + 2, self.width, top), relative=1, thickness=0)
        canvas.restoreState()
