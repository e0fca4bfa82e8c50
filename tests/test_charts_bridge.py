"""The matplotlib → reportlab vector bridge: recording, replay, fonts, no bitmaps."""
from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate

from snareport.charts.flowable import ChartFlowable, layout_captions
from snareport.charts.ops import PathOp, TextOp
from snareport.charts.style import ChartStyle, matplotlib_dejavu_style
from snareport.charts.vector_recorder import RasterImageError, new_figure, record_figure


@pytest.fixture(scope="module")
def style() -> ChartStyle:
    s = matplotlib_dejavu_style()
    s.ensure_fonts()
    return s


def _bar_figure(style: ChartStyle):
    with matplotlib.rc_context(style.rc_params()):
        fig = new_figure(300, 150, style.fonts)
        ax = fig.add_axes((0.15, 0.2, 0.8, 0.7))
        ax.bar(["Alpha", "Beta"], [3, -2], color=style.palette[0])
        ax.text(0, 3.2, "Peak label", weight="bold", rotation=90)
        return record_figure(fig)


def test_recording_gives_vector_paths_and_real_text(style):
    drawing = _bar_figure(style)
    assert drawing.width == pytest.approx(300) and drawing.height == pytest.approx(150)
    paths = [op for op in drawing.operations if isinstance(op, PathOp)]
    texts = [op for op in drawing.operations if isinstance(op, TextOp)]
    assert len(paths) >= 2
    assert {"Alpha", "Beta", "Peak label", "\u22122"} <= set(drawing.texts)
    assert drawing.font_names == {style.font_name, style.bold_font_name}
    bold = next(op for op in texts if op.text == "Peak label")
    assert bold.font_name == style.bold_font_name and bold.angle == pytest.approx(90)


def test_bars_are_recorded_at_their_plotted_coordinates(style):
    with matplotlib.rc_context(style.rc_params()):
        fig = new_figure(100, 100, style.fonts)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.bar([5], [5], width=2, color="#FF0000")
        drawing = record_figure(fig)
    (bar,) = [op for op in drawing.operations if isinstance(op, PathOp) and "1 0 0 rg" in op.operators]
    assert "40 0 m" in bar.operators and "60 50 l" in bar.operators


def test_images_are_refused(style):
    fig = new_figure(100, 100, style.fonts)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(np.arange(4).reshape(2, 2))
    with pytest.raises(RasterImageError):
        record_figure(fig)


def test_record_needs_a_recording_figure():
    with pytest.raises(TypeError):
        record_figure(Figure())


def test_text_measurement_matches_reportlab(style):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fig = new_figure(200, 100, style.fonts)
    text = fig.text(0.5, 0.5, "Tonbridge and Malling", ha="right", fontsize=10)
    drawing = record_figure(fig)
    (op,) = [o for o in drawing.operations if isinstance(o, TextOp)]
    assert op.x + stringWidth(text.get_text(), style.font_name, 10) == pytest.approx(100, abs=0.05)


def test_style_rejects_text_smaller_than_body_minimum():
    with pytest.raises(ValueError):
        matplotlib_dejavu_style(min_text_size=9, source_size=7)


def test_rc_context_does_not_leak(style):
    before = matplotlib.rcParams["font.size"], matplotlib.rcParams["axes.spines.left"]
    _bar_figure(style)
    assert (matplotlib.rcParams["font.size"], matplotlib.rcParams["axes.spines.left"]) == before


def _pdf(flowables, font_name: str) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1, initialFontName=font_name).multiBuild(list(flowables))
    return buffer.getvalue()


def test_flowable_replays_without_matplotlib_and_embeds_font(style, monkeypatch):
    drawing = _bar_figure(style)
    captions = layout_captions(style, 300, "A rise in beta", "Count, test area, 2024", "Source: test")
    chart = ChartFlowable(300, 150 + captions.header_height + captions.footer_height, drawing,
                          "Bars for Alpha (3) and Beta (−2)", "A rise in beta", captions=captions,
                          data_table=[("Name", "Value"), ("Alpha", 3), ("Beta", -2)])

    def no_matplotlib(*args, **kwargs):
        raise AssertionError("matplotlib ran during layout")

    monkeypatch.setattr(Figure, "draw", no_matplotlib)
    data = _pdf([chart], style.font_name)
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    text = page.extract_text()
    for expected in ("A rise in beta", "Count, test area, 2024", "Source: test", "Alpha", "Beta", "Peak label"):
        assert expected in text
    resources = page["/Resources"]
    xobjects = resources.get("/XObject") or {}
    assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    for font in resources["/Font"].values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()
        assert "DejaVu" in str(font["/BaseFont"]) or "SnareportChart" in str(font["/BaseFont"])
    assert chart.data_table[1] == ("Alpha", "3")
    assert _pdf([chart], style.font_name) == data
