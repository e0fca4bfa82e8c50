"""Page images of the cover, contents and achievements pages against committed goldens, with a tolerance.

Refresh the goldens after an intended change of look:

    SNAREPORT_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_pdf_goldens.py

then look at the PNGs in tests/goldens/ before committing them.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pdf_support import reader, tiny_pdf

GOLDENS = Path(__file__).parent / "goldens"
UPDATE = os.environ.get("SNAREPORT_UPDATE_GOLDENS") == "1"
SCALE = 0.6                 # 72 dpi × 0.6: enough to see layout changes, small to commit
MEAN_TOLERANCE = 1.5        # mean absolute difference per channel (0–255)
PIXEL_TOLERANCE = 0.01      # share of pixels allowed to differ by more than 64


def _page_index(title: str) -> int:
    r = reader(tiny_pdf())

    def flat(entries):
        for e in entries:
            yield from (flat(e) if isinstance(e, list) else [e])

    for entry in flat(r.outline):
        if entry.title == title:
            return r.get_destination_page_number(entry)
    raise LookupError(title)


def _render(index: int):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(tiny_pdf())
    try:
        return pdf[index].render(scale=SCALE).to_pil().convert("RGB")
    finally:
        pdf.close()


@pytest.mark.parametrize("name, locate", [("cover", lambda: 0), ("contents", lambda: _page_index("Contents")),
                                          ("achievements", lambda: _page_index("Achievements"))])
def test_page_matches_golden(name, locate):
    from PIL import Image, ImageChops, ImageStat

    image = _render(locate())
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
