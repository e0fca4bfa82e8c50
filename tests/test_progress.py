"""Batch progress: one line per finished report when not on a terminal, a tqdm bar on one, nothing when quiet."""
from __future__ import annotations

import io

from snareport.progress import Progress
from snareport.variants import DocumentResult


def _results():
    return [DocumentResult("Kent and Medway", None, "a.pdf"), DocumentResult("Thanet", "Thanet", "b.pdf"),
            DocumentResult("Dover", "Dover", "c.pdf", error="section knives failed")]


def test_one_line_per_report_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(stream=stream)
    for n, r in enumerate(_results(), start=1):
        progress(r, n, 3)
    assert stream.getvalue().splitlines() == ["[1/3] Kent and Medway ok", "[2/3] Thanet ok",
                                              "[3/3] Dover FAILED: section knives failed"]


def test_a_bar_on_a_terminal():
    stream = io.StringIO()
    progress = Progress(stream=stream, bar=True)
    for n, r in enumerate(_results(), start=1):
        progress(r, n, 3)
    text = stream.getvalue()
    assert "3/3" in text and "report" in text and "[1/3]" not in text


def test_quiet_prints_nothing():
    stream = io.StringIO()
    Progress(stream=stream, enabled=False)(_results()[0], 1, 1)
    assert stream.getvalue() == ""
