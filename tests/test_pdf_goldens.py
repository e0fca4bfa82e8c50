"""Page images against committed, reviewed goldens, with a tolerance: the tiny report's cover, contents and
achievements, and the sample county's at a glance, a chart page, a heat map page, a table page and back
cover, and one district page (Thanet's where and when, its district highlighted).

Refresh the goldens after an intended change of look:

    SNAREPORT_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_pdf_goldens.py

then look at every PNG in tests/goldens/ before committing them.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import pytest
from pdf_support import reader, tiny_pdf

GOLDENS = Path(__file__).parent / "goldens"
SAMPLE = Path(__file__).parent.parent / "sample_data"
UPDATE = os.environ.get("SNAREPORT_UPDATE_GOLDENS") == "1"
SCALE = 0.6                 # 72 dpi × 0.6: enough to see layout changes, small to commit
MEAN_TOLERANCE = 1.5        # mean absolute difference per channel (0–255)
PIXEL_TOLERANCE = 0.01      # share of pixels allowed to differ by more than 64


@functools.cache
def sample_pdf(district: str | None = None) -> bytes:
    """The sample dataset's county (or a district) report, untagged (the look is what is compared)."""
    if not (SAMPLE / "offences.parquet").exists():
        pytest.skip("sample_data/ has no generated tables (run python sample_data/generate.py)")
    import snareport
    from snareport.render import render_bytes

    report = snareport.build_report(snareport.load_dataset(SAMPLE), district=district)
    return render_bytes(report, "kent_medway", tagged=False)


def _page_of(data: bytes, title: str) -> int:
    r = reader(data)

    def flat(entries):
        for e in entries:
            yield from (flat(e) if isinstance(e, list) else [e])

    for entry in flat(r.outline):
        if entry.title == title:
            return r.get_destination_page_number(entry)
    raise LookupError(title)


def _page_with(data: bytes, words: str) -> int:
    """The first page whose text holds ``words`` (for pages no bookmark points at)."""
    for i, page in enumerate(reader(data).pages):
        if words in (page.extract_text() or ""):
            return i
    raise LookupError(words)


def _render(data: bytes, index: int):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[index].render(scale=SCALE).to_pil().convert("RGB")
    finally:
        pdf.close()


PAGES = {
    "cover": lambda: (tiny_pdf(), 0),
    "contents": lambda: (tiny_pdf(), _page_of(tiny_pdf(), "Contents")),
    "achievements": lambda: (tiny_pdf(), _page_of(tiny_pdf(), "Achievements")),
    "county_at_a_glance": lambda: (sample_pdf(), _page_of(sample_pdf(), "At a glance")),
    "county_chart_page": lambda: (sample_pdf(), _page_of(sample_pdf(), "Recorded offences, year on year")),
    "county_heat_map_page": lambda: (sample_pdf(), _page_of(sample_pdf(), "Temporal analysis \u2013 under 25s")),
    "county_table_page": lambda: (sample_pdf(), _page_with(sample_pdf(), "Table A2.")),
    "county_back_cover": lambda: (sample_pdf(), len(reader(sample_pdf()).pages) - 1),
    "thanet_where_and_when": lambda: (sample_pdf("Thanet"), _page_of(sample_pdf("Thanet"), "Where and when")),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_matches_golden(name):
    from PIL import Image, ImageChops, ImageStat

    data, index = PAGES[name]()
    image = _render(data, index)
    golden_path = GOLDENS / f"{name}.png"
    if UPDATE:
        GOLDENS.mkdir(exist_ok=True)
        image.save(golden_path, optimize=True)
        pytest.skip(f"golden {golden_path.name} rewritten")
    if not golden_path.exists():
        pytest.fail(f"no golden {golden_path.name}: run with SNAREPORT_UPDATE_GOLDENS=1 and look at it")
    golden = Image.open(golden_path).convert("RGB")
    assert image.size == golden.size
    diff = ImageChops.difference(image, golden)
    mean = sum(ImageStat.Stat(diff).mean) / 3
    strong = diff.convert("L").point(lambda v: 255 if v > 64 else 0)
    changed = strong.histogram()[255] / (image.size[0] * image.size[1])
    assert mean <= MEAN_TOLERANCE and changed <= PIXEL_TOLERANCE, (
        f"{name}: mean difference {mean:.2f}, {changed:.2%} of pixels changed; if intended, refresh the goldens")


def test_update_flag_is_not_committed_switched_on():
    root = Path(__file__).parent.parent
    pattern = re.compile(r"SNAREPORT_UPDATE_GOLDENS\s*[:=]\s*['\"]?1")
    for name in ("Makefile", "pyproject.toml", ".ci/run", "tests/conftest.py", "setup.cfg", "tox.ini", "pytest.ini"):
        path = root / name
        if path.is_file():
            assert not pattern.search(path.read_text(encoding="utf-8")), f"{name} switches golden updating on"
    if os.environ.get("CI"):
        assert not UPDATE, "SNAREPORT_UPDATE_GOLDENS=1 must never be set in CI"
