"""Charts recorded apart (snareport.render.chart_process): a copy of the drawing process records the charts
while the original lays out the pages; the same bytes, and the copy's failures are the original's to raise."""
from __future__ import annotations

import os
import sys

import pytest
from pdf_support import tiny_report

from snareport.charts.flowable import ChartFlowable
from snareport.charts.ops import RecordedDrawing, TextOp
from snareport.layout import blocks as b
from snareport.render import chart_process, render_bytes

forks = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="charts are recorded apart where Linux forks")


def _drawing(text: str) -> RecordedDrawing:
    return RecordedDrawing(10, 10, (TextOp(text, 1, 1, "Helvetica", 8, (0, 0, 0)),))


def _figure(name: str) -> b.Figure:
    return b.Figure(chart=name, args=(), kwargs=())


def test_figures_are_found_in_print_order_inside_columns_panels_and_groups():
    one, two, three, four = (_figure(n) for n in ("a.one", "b.two", "c.three", "d.four"))
    blocks = [b.Heading("Title", 1), one,
              b.Columns(left=(b.Panel(blocks=(two,)),), right=(b.KeepTogether(blocks=(b.Space(4), three)),)),
              b.Paragraph(runs=("text",)), four]
    assert b.figures(blocks) == [one, two, three, four]


def test_a_chart_is_recorded_once_when_its_drawing_is_first_needed():
    calls: list[int] = []

    def record() -> RecordedDrawing:
        calls.append(1)
        return _drawing("made")

    chart = ChartFlowable(100, 50, record, "alt", "A title")
    assert calls == []                       # made, not yet recorded
    assert chart.wrap(500, 500) == (100, 50)
    assert calls == []                       # laying it out needs no drawing
    assert chart.drawing.texts == ["made"] and chart.drawing is chart.drawing
    assert calls == [1]


def test_a_drawing_fetched_from_elsewhere_replaces_recording_and_none_falls_back_to_it():
    fetched = ChartFlowable(100, 50, lambda: _drawing("here"), "alt", "A title")
    fetched.record_from(lambda: _drawing("there"))
    assert fetched.drawing.texts == ["there"]
    missing = ChartFlowable(100, 50, lambda: _drawing("here"), "alt", "A title")
    missing.record_from(lambda: None)
    assert missing.drawing.texts == ["here"]
    ready = ChartFlowable(100, 50, _drawing("given"), "alt", "A title")
    ready.record_from(lambda: _drawing("there"))     # a drawing given recorded is kept
    assert ready.drawing.texts == ["given"]


class _Spy:
    """What the copy sent: how many drawings the original asked for and got."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.received = 0
        self.missing = 0
        self.forks = 0
        original_drawing, original_start = chart_process._Received.drawing, chart_process._start_copy

        def drawing(received: chart_process._Received, figure: b.Figure) -> RecordedDrawing | None:
            found = original_drawing(received, figure)
            if found is None:
                self.missing += 1
            else:
                self.received += 1
            return found

        def start(*args, **kwargs):
            self.forks += 1
            return original_start(*args, **kwargs)

        monkeypatch.setattr(chart_process._Received, "drawing", drawing)
        monkeypatch.setattr(chart_process, "_start_copy", start)


@forks
def test_charts_recorded_by_a_copy_give_the_same_bytes(monkeypatch):
    report = tiny_report()
    alone = render_bytes(report, "kent_medway")
    spy = _Spy(monkeypatch)
    apart = render_bytes(report, "kent_medway", charts_apart=True)
    assert spy.forks == 1
    assert spy.received >= 5 and spy.missing == 0      # every chart's drawing came from the copy
    assert apart == alone


@forks
def test_a_copy_that_fails_leaves_its_charts_to_be_recorded_here(monkeypatch):
    report = tiny_report()
    alone = render_bytes(report, "kent_medway")
    spy = _Spy(monkeypatch)

    def broken(*args, **kwargs):
        raise OSError("the pipe broke")

    monkeypatch.setattr(chart_process.Connection, "send", broken)     # the copy sends nothing and exits
    apart = render_bytes(report, "kent_medway", charts_apart=True)
    assert spy.forks == 1 and spy.received == 0 and spy.missing >= 5
    assert apart == alone


@forks
def test_an_error_drawing_a_chart_is_raised_by_the_original_and_the_copy_is_waited_for(monkeypatch):
    from snareport.charts import chart_builder

    copies: list[chart_process._Received] = []
    original_start = chart_process._start_copy
    monkeypatch.setattr(chart_process, "_start_copy", lambda *a: copies.append(original_start(*a)) or copies[-1])

    def broken(*args, **kwargs):
        raise ValueError("this chart cannot be drawn")

    monkeypatch.setattr(chart_builder, "record_figure", broken)
    with pytest.raises(ValueError, match="this chart cannot be drawn"):
        render_bytes(tiny_report(), "kent_medway", charts_apart=True)
    assert len(copies) == 1
    with pytest.raises(ChildProcessError):      # already waited for: no copy left behind
        os.waitpid(copies[0]._pid, os.WNOHANG)


def test_nothing_is_forked_while_other_threads_run(monkeypatch):
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not chart_process._forks_safely()
