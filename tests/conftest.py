"""Shared by every test: each test starts with the garbage collector as Python leaves it.

``snareport build`` is a short-lived process and tunes the collector for itself (it freezes what is
loaded and collects young objects rarely; see ``snareport.cli``). Tests call the command line inside the
test process, so without this a later test would inherit a frozen heap and another threshold.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from snareport import collector


@pytest.fixture(autouse=True)
def collector_as_python_leaves_it() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    collector._froze_for_good = False   # nothing is frozen any more (a command run in the test froze for good)
