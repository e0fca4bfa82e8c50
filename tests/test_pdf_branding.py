"""Branding as data: a theme names its own logo (SVG kept as vector, PNG as an image) and partner logos
for the back cover; the back cover carries contact details, other formats and the licence from the theme."""
from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from pdf_support import page_texts, tiny_report

from snareport.errors import DataError
from snareport.render import render_bytes
from snareport.theme import LAYOUTS_DIR, load_theme

# a mark in a colour no other part of the report uses, so its operators can be found on the cover
SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">
  <rect x="0" y="0" width="120" height="120" fill="#123456"/>
  <circle cx="60" cy="60" r="30" fill="#FEDCBA"/>
  <text x="10" y="110" font-family="Helvetica" font-size="14" fill="#FEDCBA">VRU</text>
</svg>"""


def _theme(tmp_path: Path) -> Path:
    from PIL import Image

    (tmp_path / "mark.svg").write_text(SVG, encoding="utf-8")
    Image.new("RGB", (160, 60), (200, 30, 40)).save(tmp_path / "partner.png")
    text = (LAYOUTS_DIR / "kent_medway.yaml").read_text(encoding="utf-8")
    start = text.index("logo:")
    end = text.index("cover:")
    text = text[:start] + "logo: mark.svg\npartner_logos: [partner.png]\n" + text[end:]
    path = tmp_path / "brand.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _fills(page: pikepdf.Page) -> set[tuple[float, float, float]]:
    out = set()
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "rg":
            out.add(tuple(round(float(v), 2) for v in operands))
    return out


def _images(page: pikepdf.Page) -> int:
    xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
    return sum(1 for _, x in xobjects.items() if x.get("/Subtype") == "/Image")


def test_svg_logo_is_vector_and_png_partner_logo_is_on_the_back_cover(tmp_path):
    theme = _theme(tmp_path)
    data = render_bytes(tiny_report(), layout=theme)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        cover, back = pdf.pages[0], pdf.pages[-1]
        # the SVG's two fills are drawn as paths (0x12/255, 0x34/255, 0x56/255 …), with no image on the cover
        assert (0.07, 0.2, 0.34) in _fills(cover) and (1.0, 0.86, 0.73) in _fills(cover)
        assert _images(cover) == 0
        assert _images(back) == 1                                  # the partner's PNG
        fonts = {str(f.get("/BaseFont")) for p in pdf.pages for _, f in p.obj.Resources.get("/Font", {}).items()}
        assert not [f for f in fonts if "Helvetica" in f], fonts     # SVG text set in the embedded font
    back_text = page_texts(data)[-1]
    assert "Contact us" in back_text and "Open Government Licence" in back_text and "other formats" in back_text


def test_a_missing_or_unknown_logo_file_is_a_clear_error(tmp_path):
    theme = _theme(tmp_path)
    (tmp_path / "mark.svg").unlink()
    with pytest.raises(DataError, match="mark.svg"):
        load_theme(theme)
    theme.write_text(theme.read_text(encoding="utf-8").replace("mark.svg", "mark.gif"), encoding="utf-8")
    with pytest.raises(DataError, match="expected a"):
        load_theme(theme)


def test_back_cover_has_contact_formats_and_licence_and_no_placeholder():
    from pdf_support import tiny_pdf

    back = " ".join(page_texts(tiny_pdf())[-1].split())
    assert "Contact us" in back and "vru@example.org" in back and "www.example.org/violence-reduction" in back
    assert "available in other formats" in back                         # the alternative-formats statement
    assert "Open Government Licence v3.0" in back                        # the licence
    assert not any(word in back.lower() for word in ("todo", "placeholder", "lorem", "tbc", "xxx"))
