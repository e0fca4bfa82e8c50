"""Batch progress → the person watching: a tqdm bar on a terminal or in a notebook, one line per finished
report otherwise (a log file, CI, a pipe), nothing when quiet.

Pass an instance as ``build_variants(..., progress=Progress())``; it is called once per finished document
with ``(result, done, total)``.
"""
from __future__ import annotations

import sys
from typing import Any, TextIO


class Progress:
    """Progress of a batch of reports. ``enabled=False`` prints nothing."""

    def __init__(self, stream: TextIO | None = None, enabled: bool = True, bar: bool | None = None) -> None:
        self.stream = stream
        self.enabled = enabled
        self._bar_wanted = bar
        self._bar: Any = None

    def _out(self) -> TextIO:
        return self.stream or sys.stderr

    def _wants_bar(self) -> bool:
        if self._bar_wanted is not None:
            return self._bar_wanted
        if _in_notebook():
            return True
        isatty = getattr(self._out(), "isatty", None)
        return bool(isatty and isatty())

    def __call__(self, result: Any, done: int, total: int) -> None:
        if not self.enabled:
            return
        mark = "ok" if getattr(result, "ok", True) else f"FAILED: {getattr(result, 'error', '')}"
        label = getattr(result, "label", "")
        if self._bar is None and self._wants_bar():
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, unit="report", file=self._out(), dynamic_ncols=True, leave=True)
        if self._bar is not None:
            self._bar.set_postfix_str(f"{label} {mark}", refresh=False)
            self._bar.update(done - self._bar.n)
            if done >= total:
                self._bar.close()
                self._bar = None
            return
        self._out().write(f"[{done}/{total}] {label} {mark}\n")
        self._out().flush()


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    try:
        return shell is not None and type(shell.get_ipython()).__name__ == "ZMQInteractiveShell"  # type: ignore[attr-defined]
    except Exception:
        return False
