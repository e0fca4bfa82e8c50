"""Themes checked at load (WCAG contrast, TrueType fonts from anywhere), theme paths taken from the
dataset folder, and render_pdf honouring the theme report.yaml names."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from tiny_dataset import copy_tiny, edit_config

from snareport.errors import DataError
from snareport.render.fonts import FONTS_DIR
from snareport.theme import LAYOUTS_DIR, load_theme


def _theme(folder: Path, name: str = "brand.yaml", **changes) -> Path:
    data = yaml.safe_load((LAYOUTS_DIR / "default.yaml").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if isinstance(value, dict):
            data[key] = {**data.get(key, {}), **value}
        else:
            data[key] = value
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_white_on_yellow_is_refused_naming_both_colours_and_the_ratio(tmp_path):
    path = _theme(tmp_path, colours={"primary": "#FFDD00", "on_primary": "#FFFFFF"})
    with pytest.raises(DataError) as caught:
        load_theme(path)
    message = str(caught.value)
    assert "#FFFFFF" in message and "#FFDD00" in message and "1.35:1" in message and "4.5:1" in message


def test_a_pale_chart_colour_is_refused_at_3_to_1(tmp_path):
    path = _theme(tmp_path, chart_palette=["#12436D", "#FFE066"])
    with pytest.raises(DataError, match=r"chart_palette\[1\] #FFE066 .* 3.0:1"):
        load_theme(path)


def test_chart_focus_and_muted_colours_need_3_to_1_against_white_and_each_other(tmp_path):
    from snareport.theme import contrast_ratio

    for name in ("kent_medway", "default", "open_data"):        # the bundled themes pass
        c = load_theme(name).colours
        assert contrast_ratio(c.chart_muted, c.background) >= 3.0, name
        assert contrast_ratio(c.chart_focus, c.background) >= 3.0, name
        assert contrast_ratio(c.chart_muted, c.chart_focus) >= 3.0, name
    with pytest.raises(DataError, match=r"chart_muted #BFBFBF on background #FFFFFF .* 1.84:1"):
        load_theme(_theme(tmp_path / "a", colours={"chart_muted": "#BFBFBF"}))   # afcharts' own grey
    with pytest.raises(DataError, match=r"chart_muted #3D3D3D on chart_focus #12436D"):
        load_theme(_theme(tmp_path / "b", colours={"chart_muted": "#3D3D3D"}))   # too close to the focus


def test_fonts_may_live_beside_the_theme_but_must_be_truetype(tmp_path):
    brand = tmp_path / "brand"
    (brand / "type").mkdir(parents=True)
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copy(FONTS_DIR / f"Lato-{face}.ttf", brand / "type" / f"Brand-{face}.ttf")
    fonts = {"family": "BrandSans", "regular": "type/Brand-Regular.ttf", "bold": "type/Brand-Bold.ttf",
             "italic": "type/Brand-Italic.ttf", "bold_italic": "type/Brand-BoldItalic.ttf"}
    theme = load_theme(_theme(brand, fonts=fonts))
    assert theme.font_paths()[0] == brand / "type" / "Brand-Regular.ttf"
    (brand / "type" / "Brand-Bold.ttf").write_text("not a font")
    with pytest.raises(DataError, match="'Brand-Bold.ttf' is not a TrueType font"):
        load_theme(brand / "brand.yaml")
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    with pytest.raises(DataError, match="not a TrueType font"):
        load_theme(_theme(brand, "b2.yaml", fonts={**fonts, "bold": str(secret)}))


def test_theme_path_in_report_yaml_is_taken_from_the_dataset_folder(tmp_path, monkeypatch):
    from snareport import build_report, load_dataset, render_pdf

    data = copy_tiny(tmp_path / "data")
    brand = tmp_path / "data" / "brand"
    shutil.copytree(FONTS_DIR, brand / "fonts", ignore=shutil.ignore_patterns("*.txt"))
    fonts = {"family": "BrandSans", "regular": "fonts/Lato-Regular.ttf", "bold": "fonts/Lato-Bold.ttf",
             "italic": "fonts/Lato-Italic.ttf", "bold_italic": "fonts/Lato-BoldItalic.ttf"}
    _theme(brand, fonts=fonts, protective_marking="BRANDMARKING")
    edit_config(data, theme="brand/brand.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    report = build_report(load_dataset(data))
    pdf = render_pdf(report, elsewhere / "r.pdf")  # no layout: the theme report.yaml names
    from pypdf import PdfReader

    assert "BRANDMARKING" in PdfReader(pdf).pages[1].extract_text()
    assert report.metadata.theme == "brand/brand.yaml" and str(tmp_path) not in report.model_dump_json()


def test_a_failing_theme_in_report_yaml_is_a_validation_problem(tmp_path, capsys):
    from snareport.cli import main

    data = copy_tiny(tmp_path / "data")
    _theme(data, "yellow.yaml", colours={"primary": "#FFDD00", "on_primary": "#FFFFFF"})
    edit_config(data, theme="yellow.yaml")
    assert main(["validate", str(data)]) == 1
    err = capsys.readouterr().err
    assert "report.yaml::theme" in err and "#FFDD00" in err and "1.35:1" in err
