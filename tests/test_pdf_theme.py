"""Themes and fonts: both layouts load, colour pairs pass WCAG AA, the font covers what the report prints."""
from __future__ import annotations

from pathlib import Path

import pytest

from snareport.errors import DataError
from snareport.render.fonts import FONTS_DIR
from snareport.theme import LAYOUTS_DIR, contrast_ratio, load_theme

LAYOUTS = sorted(p.stem for p in LAYOUTS_DIR.glob("*.yaml"))
# (text, background) colour roles the layout actually prints together
TEXT_PAIRS = [("text", "background"), ("muted", "background"), ("primary", "background"), ("accent", "background"),
              ("on_primary", "primary"), ("text", "tint"), ("muted", "tint"), ("primary", "tint"),
              ("text", "tint_strong"), ("on_primary", "primary")]


def test_both_layouts_exist_and_load():
    assert {"kent_medway", "default"} <= set(LAYOUTS)
    for name in LAYOUTS:
        theme = load_theme(name)
        assert theme.page.size == "A4"


def test_load_theme_by_path_and_unknown_name(tmp_path: Path):
    assert load_theme(LAYOUTS_DIR / "default.yaml").name == "Default"
    with pytest.raises(DataError, match="not found"):
        load_theme("no_such_layout")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ncolours: {primary: red}\n")
    with pytest.raises(DataError):
        load_theme(bad)


@pytest.mark.parametrize("name", LAYOUTS)
def test_text_colour_pairs_meet_wcag_aa(name):
    colours = load_theme(name).colours
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(getattr(colours, fg), getattr(colours, bg))
        assert ratio >= 4.5, f"{name}: {fg} on {bg} is {ratio:.2f}:1"


def test_contrast_ratio_known_answers():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_default_palette_is_read_from_afcharts():
    from afcharts.af_colours import get_af_colours

    assert load_theme("kent_medway").palette[:2] == [c.upper() for c in get_af_colours("categorical")[:2]]


@pytest.mark.parametrize("name", LAYOUTS)
def test_font_files_are_truetype_and_cover_the_report_characters(name):
    from fontTools.ttLib import TTFont

    fonts = load_theme(name).fonts
    assert (FONTS_DIR / "OFL-Lato.txt").is_file()
    for file in (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic):
        font = TTFont(FONTS_DIR / file)
        assert "glyf" in font, f"{file} must have TrueType outlines"
        cmap = font.getBestCmap()
        missing = [c for c in "£–—’“”≥→↑↓−•*" if ord(c) not in cmap]
        assert not missing, f"{file} lacks {missing}"
