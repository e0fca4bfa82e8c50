"""Shared helpers for the PDF tests: one rendered report per scope, reused across test modules.

These tests check the layout, so they render without the tagging layer (``tagged=False``);
the tagged structure is tested in tests/test_tagging*.py.
"""
from __future__ import annotations

import functools
from pathlib import Path

TINY = Path(__file__).parent / "fixtures" / "tiny"


@functools.cache
def tiny_report(district: str | None = None):
    import snareport

    return snareport.build_report(snareport.load_dataset(TINY), district=district)


@functools.cache
def tiny_pdf(district: str | None = None, layout: str = "kent_medway") -> bytes:
    from snareport.render import render_bytes

    return render_bytes(tiny_report(district), layout, tagged=False)


def reader(data: bytes):
    import io

    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [(p.extract_text() or "") for p in reader(data).pages]
