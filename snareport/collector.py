"""Python's cyclic garbage collector held back while a stage makes many short-lived objects.

Disclosure and drawing each make tens of thousands of objects that live only as long as the stage does.
The collections their making sets off meanwhile walk them (and, in drawing, a large live graph) only to
keep them. Collection changes memory use only, never what a stage publishes or draws.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: whether this process froze objects of its own (`freeze_for_good`)
_froze_for_good = False


def freeze_for_good() -> None:
    """Freeze every object that exists now (``gc.freeze``): objects that live until the process ends, which
    collection then never walks. ``snareport build``, ``variants`` and their workers call this."""
    global _froze_for_good
    gc.freeze()
    _froze_for_good = True


@contextlib.contextmanager
def collector_held_back(*, set_aside_existing: bool = False, collect_young_after: bool = False) -> Iterator[None]:
    """The collector does not run inside the block; a caller that switched it off keeps it off.

    ``collect_young_after``: the young objects are collected once when the block ends (for a stage whose
    leftovers hold reference cycles). ``set_aside_existing``: the objects that exist when the block starts
    are frozen meanwhile, so that collection never walks them, unless the process froze objects of its own
    (as ``snareport build`` and ``variants`` do, with `freeze_for_good`), which stay as they are.
    """
    # (counting what is frozen walks every frozen object, ~15 ms in a drawing worker: asked only when this
    # process did not freeze objects itself)
    freezing = set_aside_existing and not _froze_for_good and not gc.get_freeze_count()
    if freezing:
        gc.freeze()
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if collect_young_after:
                gc.collect(0)
            gc.enable()
        if freezing:
            gc.unfreeze()
