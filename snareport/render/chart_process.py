"""A document's charts recorded in a copy of the drawing process while the original lays out the pages.

Recording the charts (matplotlib drawing each figure onto our recorder) is about a third of drawing a county
document, and the layout needs none of it until a chart's page is drawn: a chart's size is fixed and its
drawing is only replayed onto its page. So where a core would otherwise wait (``snareport build``, whose own
process waits for the drawing), the drawing process forks a copy of itself as soon as it has the document's
blocks; the copy records every chart, in the order they are printed, and sends each drawing back through a
pipe, while the original makes the flowables and lays out the pages, taking each drawing when its page is
drawn. A drawing is the same data whichever process recorded it, so the bytes are the same.

Where the platform does not fork (Windows, macOS) or this process runs threads (a copy could inherit a lock
another thread holds), nothing is forked and each chart is recorded when first drawn. A chart the copy did
not send (it could not draw it, or was stopped) is recorded here, where any error is raised as it would be
without a copy.
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from snareport.layout import blocks as b

if TYPE_CHECKING:  # pragma: no cover
    from snareport.charts.ops import RecordedDrawing
    from snareport.render.flowables import FlowableMaker

#: a pipe this large holds a county document's drawings (~160 kB): the copy never waits for a reader
_PIPE_BYTES = 1 << 20


@contextmanager
def charts_recorded_apart(maker: FlowableMaker, blocks: Sequence[b.Block], apart: bool = True) -> Iterator[None]:
    """While the block runs, ``maker``'s charts take their drawings from a copy of this process that records
    the charts of ``blocks`` (when ``apart`` and this process can fork safely; else nothing changes). The copy
    is waited for when the block ends."""
    figures = b.figures(blocks)
    if not (apart and figures and _forks_safely()):
        yield
        return
    recorder = _start_copy(maker, figures)
    maker.drawings = recorder.drawing
    try:
        yield
    finally:
        maker.drawings = None
        recorder.close()


def _start_copy(maker: FlowableMaker, figures: list[b.Figure]) -> _Received:
    read, write = Pipe(duplex=False)
    _widen(write.fileno())
    pid = os.fork()
    if pid == 0:    # the copy: record, send, and leave without running this process's exit handlers
        read.close()
        status = 1
        try:
            for figure in figures:
                write.send(maker.chart(figure).drawing)
            write.close()
            status = 0
        finally:
            os._exit(status)
    write.close()
    return _Received(pid, read, figures)


class _Received:
    """The drawings the copy sends, read in order as they are asked for."""

    def __init__(self, pid: int, pipe: Connection, figures: list[b.Figure]) -> None:
        self._pid = pid
        self._pipe: Connection | None = pipe
        self._index = {id(figure): i for i, figure in enumerate(figures)}   # the very blocks the copy was given
        self._drawings: list[RecordedDrawing] = []

    def drawing(self, figure: b.Figure) -> RecordedDrawing | None:
        """The figure's drawing, waiting for the copy to send it; None if it never will."""
        index = self._index.get(id(figure))
        if index is None:
            return None
        while len(self._drawings) <= index and self._pipe is not None:
            try:
                self._drawings.append(self._pipe.recv())
            except (EOFError, OSError):   # the copy stopped before sending it
                self.close()
        return self._drawings[index] if index < len(self._drawings) else None

    def close(self) -> None:
        """Stop reading (a copy still sending stops at its next write) and wait for the copy to end."""
        if self._pipe is None:
            return
        self._pipe.close()
        self._pipe = None
        os.waitpid(self._pid, 0)


def _forks_safely() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def _widen(fd: int) -> None:
    """Let the pipe hold every drawing, so the copy never waits for this process to read (Linux)."""
    import fcntl

    # an older kernel, or a lower limit: the copy waits now and then for this process to read
    with suppress(AttributeError, OSError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
