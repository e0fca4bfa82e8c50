"""Keep-with-next groups (a heading and what follows) → kept together only as far as needed.

reportlab keeps a heading with the *whole* flowable after it: a heading before a long list or
paragraph moves both to the next page and leaves the rest of this one empty. Here the heading stays
with the first part of the text instead, and the text runs on over the page break. Tables, figures and
panels (which never split) still move whole with their heading.
"""
from __future__ import annotations

from typing import Any

from reportlab.platypus import KeepTogether, ListFlowable, Paragraph

from snareport.render.reportlab_private import kept_together, wrapped_height
from snareport.render.tagging.tagged_flowables import SelfTagged

_RUNNING_TEXT = (Paragraph, ListFlowable)


def _running_text(flowable: Any) -> bool:
    """A paragraph or a list (also when a tagging box holds it)."""
    return isinstance(flowable.drawn() if isinstance(flowable, SelfTagged) else flowable, _RUNNING_TEXT)


class KeepHeadingWithStart(KeepTogether):
    """A keep-with-next group whose last member, when it is running text, may split after the page's
    first lines: headings stay with the start of their text, never alone at the foot of a page."""

    MIN_LINES_HEIGHT = 30.0     # at least about two lines of body text under the heading

    def split(self, aW: float, aH: float) -> list[Any]:
        content = kept_together(self)
        if len(content) >= 2 and _running_text(content[-1]):
            heads, last = content[:-1], content[-1]
            total = wrapped_height(content, aW, self.canv)
            if total > aH:
                used = wrapped_height(heads, aW, self.canv) + last.getSpaceBefore()
                room = aH - used
                if room >= self.MIN_LINES_HEIGHT:
                    parts = last.splitOn(self.canv, aW, room)
                    if len(parts) >= 2:
                        first_height = parts[0].wrapOn(self.canv, aW, room)[1]
                        if first_height <= room:
                            return heads + parts
        return super().split(aW, aH)
