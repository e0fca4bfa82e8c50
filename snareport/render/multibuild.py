"""Document template × story → the laid-out PDF in as few drawn passes as the contents page needs.

reportlab's ``multiBuild`` draws every flowable on every pass, although only the last pass is kept.
The first pass exists to learn page numbers (contents, "Page X of Y"), so here it lays out without
drawing: every flowable is wrapped and split exactly as in a drawn pass, page templates run, and only
the flowables' own ``drawOn`` is skipped. That pass is never accepted as the final one, so the saved
PDF always comes from a fully drawn pass whose layout agrees with the pass before it.
"""
from __future__ import annotations

from typing import Any


def _draw_nothing(*args: Any, **kwargs: Any) -> None:
    """Stands in for a flowable's ``drawOn`` during the layout-only pass."""


def multi_build(doc: Any, story: list[Any], max_passes: int = 4) -> int:
    """``doc.multiBuild(story)`` with a first pass that lays out without drawing; returns the passes made.

    The story must hold an indexing flowable (the document's page count), which keeps a layout-only
    pass from ever being the last: after it the document is only saved once a drawn pass agrees.
    """
    passes = {"made": 0}
    build, handle_flowable, all_satisfied = doc.build, doc.handle_flowable, doc._allSatisfied

    def counted_build(*args: Any, **kwargs: Any) -> Any:
        passes["made"] += 1
        return build(*args, **kwargs)

    def layout_only_handle_flowable(flowables: list[Any]) -> Any:
        if passes["made"] != 1 or not flowables:
            return handle_flowable(flowables)
        flowable = flowables[0]
        shadowed = "drawOn" in flowable.__dict__
        if not shadowed:
            flowable.__dict__["drawOn"] = _draw_nothing  # the instance attribute hides the method
        try:
            return handle_flowable(flowables)
        finally:
            if not shadowed:
                flowable.__dict__.pop("drawOn", None)

    def satisfied_after_a_drawn_pass() -> Any:
        return passes["made"] > 1 and all_satisfied()

    doc.build = counted_build
    doc.handle_flowable = layout_only_handle_flowable
    doc._allSatisfied = satisfied_after_a_drawn_pass
    try:
        return doc.multiBuild(story, maxPasses=max_passes)
    finally:
        for name in ("build", "handle_flowable", "_allSatisfied"):
            doc.__dict__.pop(name, None)
