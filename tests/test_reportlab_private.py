"""The reportlab internals render relies on (all in snareport/render/reportlab_private.py) are still there
and behave as assumed: this fails first when a reportlab release changes one of them."""
from __future__ import annotations

import inspect
import io
import re
import tomllib
from pathlib import Path

import reportlab
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Paragraph, Table, TableStyle
from reportlab.platypus import flowables as rl_flowables

from snareport.render import reportlab_private as private
from snareport.render.canvas import ReportCanvas
from snareport.render.tagging import Node

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_the_installed_reportlab_is_in_the_range_the_privates_were_checked_against():
    low, high = private.SUPPORTED
    assert low <= private.version() < high, reportlab.Version


def test_pyproject_pins_the_same_range():
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    spec = next(d for d in deps if re.match(r"reportlab\s*[<>=]", d))
    (low, high) = private.SUPPORTED
    assert f">={low[0]}.{low[1]}" in spec and f"<{high[0]}.{high[1]}" in spec, spec


def test_canvas_internals():
    canv = Canvas(io.BytesIO())
    assert isinstance(private.content_stream(canv), list)
    canv.addLiteral("% marker")
    assert private.content_stream(canv)[-1] == "% marker"
    assert private.annotation_refs(canv) == []
    canv.bookmarkPage("here")
    canv.linkRect("go", "here", (0, 0, 10, 10))
    refs = private.annotation_refs(canv)
    assert len(refs) == 1
    assert private.annotation_object(canv, refs[0]) is not None
    canv.translate(5, 7)
    assert tuple(private.current_matrix(canv)) == (1, 0, 0, 1, 5, 7)


def test_the_public_canvas_hooks_the_report_canvas_overrides():
    canv = ReportCanvas(io.BytesIO())
    seen = []
    canv.link_listeners.append(lambda: seen.append(1))
    canv.bookmarkPage("here")
    canv.linkAbsolute("go", "here", (0, 0, 10, 10))   # made through linkRect: announced once
    canv.linkRect("go", "here", (0, 0, 10, 10))
    canv.linkURL("https://example.org", (0, 0, 10, 10))
    assert len(seen) == 3
    assert "dateFormatter" in inspect.signature(Canvas.setDateFormatter).parameters


def test_text_object_internals():
    from reportlab.pdfgen.textobject import PDFTextObject

    assert list(inspect.signature(PDFTextObject._textOut).parameters) == ["self", "text", "TStar"]
    assert list(inspect.signature(PDFTextObject._formatText).parameters) == ["self", "text"]
    text = private.SpokenText(Canvas(io.BytesIO()))
    text.setFont("Helvetica", 10)
    text._textOut("wrapped", 1)                    # how a paragraph writes a line: moved down after (T*)
    text.textOut("8 \u2192 5")
    code = text.getCode()
    assert "(wrapped ) Tj T*" in code
    assert "/Span <</ActualText (to)>> BDC" in code and code.count("EMC") == 1


def test_a_paragraph_reports_where_its_links_start_and_end_to_the_text_object():
    calls = []

    class LinkCanvas(Canvas):
        def beginText(self, x=0, y=0, direction=None):
            return private.SpokenText(self, x, y, direction=direction,
                                      on_link=lambda kind, target: calls.append((kind, target)))

    canv = LinkCanvas(io.BytesIO())
    para = Paragraph('see <a href="#here">the table</a> now', getSampleStyleSheet()["BodyText"])
    para.wrap(300, 100)
    para.drawOn(canv, 0, 0)
    assert calls == [("start", "#here"), ("end", "#here")]
    code = " ".join(private.content_stream(canv))
    assert code.count("BT") == 3 and code.count("ET") == 3       # before the link, its words, after it
    assert "(the table) Tj" in code


def test_flowable_internals():
    assert list(inspect.signature(Flowable._hAlignAdjust).parameters)[:3] == ["self", "x", "sW"]
    assert list(inspect.signature(rl_flowables._listWrapOn).parameters)[:3] == ["F", "availWidth", "canv"]
    para = Paragraph("Some words", getSampleStyleSheet()["BodyText"])
    assert private.wrapped_height([para, para], 200, Canvas(io.BytesIO())) > 0


def test_table_internals():
    table = Table([["a", "b"], ["c", "d"], ["e", "f"]])
    table.setStyle(TableStyle([("SPAN", (0, 1), (1, 1))]))
    table.wrap(200, 200)
    assert private.table_row_count(table) == 3
    assert private.table_span(table, 0, 1) == (0, 1, 1, 1)
    assert private.table_span(table, 0, 0) == (0, 0, 0, 0)   # a cell of its own
    private.set_table_render_callback(table, "callback")
    assert table._renderCB == "callback"
    assert "renderCB" in inspect.signature(Table.__init__).parameters   # what splits hand on


def test_list_internals():
    style = getSampleStyleSheet()["BodyText"]
    lst = ListFlowable([ListItem(Paragraph("one", style)), ListItem(Paragraph("two", style))], bulletType="bullet")
    node = Node("L")
    private.tag_list_items(lst, node)
    items = lst._content
    assert len(items) == 2 and all(isinstance(i, private.TaggedListItem) for i in items)
    assert items[0]._li_node.parent is node and items[0]._lbl_node.role == "Lbl"
    assert {"_flowable", "_bullet", "_leftIndent", "_rightIndent"} <= set(rl_flowables.LIIndenter._IndenterAttrs)
    params = list(inspect.signature(rl_flowables.LIIndenter.__init__).parameters)
    assert params[:5] == ["self", "flowable", "leftIndent", "rightIndent", "bullet"]


def test_no_other_module_touches_a_reportlab_private():
    """Outside reportlab_private.py no module of render/ reads a reportlab name that starts with '_'."""
    names = {n for owner in private.PRIVATE_NAMES.values() for n in owner if n.startswith("_")}
    package = Path(private.__file__).resolve().parent
    users = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "reportlab_private.py":
            continue
        text = path.read_text(encoding="utf-8")
        users += [f"{path.name}: {n}" for n in sorted(names) if re.search(rf"\.{re.escape(n)}\b", text)]
    assert not users, users


def test_keep_together_internals():
    style = getSampleStyleSheet()["BodyText"]
    paras = [Paragraph("one", style), Paragraph("two", style)]
    assert private.kept_together(KeepTogether(paras)) == paras
