"""Tagging layer on a toy platypus document: outloud passes it and its structure tree is the page."""
from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import pikepdf
import pytest
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Frame,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from snareport.render.multibuild import TwoPassDocTemplate
from snareport.render.tagging import DocumentTagger, Node, TaggedParagraph, TaggedTable
from snareport.render.tagging.tagger import paints_nothing

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TABLE_ROWS = 50
OUTLOUD = Path(sys.executable).with_name("outloud")

LOREM = (
    "Serious violence is preventable when partners share what they know and act early. "
    "This paragraph is long on purpose so that it has to break across the foot of a page "
    "and carry on at the top of the next one, which is the case a tagging layer gets wrong first. "
)


def _fonts() -> None:
    if "ToySans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("ToySans", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("ToySans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily("ToySans", normal="ToySans", bold="ToySans-Bold", italic="ToySans", boldItalic="ToySans-Bold")


def _styles() -> dict[str, ParagraphStyle]:
    _fonts()
    body = ParagraphStyle("body", fontName="ToySans", fontSize=10.5, leading=15, spaceAfter=6)
    return {
        "body": body,
        "h1": ParagraphStyle("h1", parent=body, fontName="ToySans-Bold", fontSize=20, leading=24, spaceAfter=10, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=body, fontName="ToySans-Bold", fontSize=14, leading=18, spaceAfter=6, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=body, spaceAfter=0),
    }


def _furniture(layer: DocumentTagger | None):
    def draw(canvas, doc) -> None:
        with layer.artifact(canvas) if layer is not None else contextlib.nullcontext():
            canvas.saveState()
            canvas.setFont("ToySans", 8)
            canvas.drawString(40, A4[1] - 30, "Toy partnership: needs assessment")
            canvas.setStrokeColorRGB(0.2, 0.3, 0.6)
            canvas.line(40, A4[1] - 36, A4[0] - 40, A4[1] - 36)
            canvas.drawRightString(A4[0] - 40, 25, f"Page {canvas.getPageNumber()}")
            canvas.restoreState()
    return draw


def _chart() -> Drawing:
    d = Drawing(300, 120)
    for i, value in enumerate([40, 75, 55]):
        d.add(Rect(20 + i * 90, 20, 60, value, fillColor=HexColor("#12436D"), strokeColor=None))
        d.add(String(50 + i * 90, 5, ["2022", "2023", "2024"][i], fontName="ToySans", fontSize=9, textAnchor="middle"))
    return d


class ContentsList(Flowable):
    """Contents rows, each its title and a link to the section's bookmark (like the report's contents list)."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        super().__init__()
        self.entries = entries      # (bookmark key, title): the tagging layer names each link after its title

    def wrap(self, aW, aH):
        self.width, self.height = aW, 18 * len(self.entries)
        return self.width, self.height

    def draw(self) -> None:
        for i, (key, title) in enumerate(self.entries):
            top = self.height - i * 18
            self.canv.setFont("ToySans", 10.5)
            self.canv.drawString(0, top - 13, title)
            self.canv.linkRect(title, key, (0, top - 18, self.width, top), relative=1, thickness=0)


def build_toy(tagged: bool = True) -> bytes:
    """A four-page document with every kind of content the report has, tagged through `DocumentTagger`
    (the report's own tagging interface) on the report's document template base."""
    s = _styles()
    buf = io.BytesIO()
    layer = DocumentTagger() if tagged else None

    def tag(flowable, role, **attributes):
        return layer.tag(flowable, role, **attributes) if layer is not None else flowable

    doc = TwoPassDocTemplate(buf, pagesize=A4, title="Toy needs assessment", lang="en-GB", invariant=1,
                             initialFontName="ToySans", creator="snareport", producer="snareport",
                             tagger=layer.recorder if layer is not None else None)
    frame = Frame(50, 50, A4[0] - 100, A4[1] - 110, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_furniture(layer))])

    sections = [("sec-intro", "Introduction"), ("sec-figures", "Figures and tables"), ("sec-next", "What happens next")]
    story = [tag(TaggedParagraph("Contents", s["h1"]), "H1"), tag(ContentsList(sections), "TOC")]

    def heading(anchor: str, title: str, style: str = "h1", role: str = "H1"):
        return tag(TaggedParagraph(f'<a name="{anchor}"/>{title}', s[style]), role)

    story.append(heading(*sections[0]))
    story += [tag(TaggedParagraph(LOREM * 2, s["body"]), "P") for _ in range(4)]
    story.append(tag(TaggedParagraph(LOREM * 9, s["body"]), "P"))
    story.append(tag(TaggedParagraph('Read more at <a href="https://example.org/sna">the partnership website</a>.', s["body"]), "P"))
    story.append(tag(ListFlowable([ListItem(Paragraph(text, s["body"])) for text in
                                   ("Knife crime fell.", "Hospital admissions rose.", LOREM)],
                                  bulletType="bullet", start="\u2022", leftIndent=14, bulletFontName="ToySans"), "L"))

    rows = [["District", "Offences", "Rate per 1,000"]] + [[f"District {i}", f"{100 + i * 7:,}", f"{3 + i / 10:.1f}"]
                                                         for i in range(TABLE_ROWS)]
    table = TaggedTable(rows, repeatRows=1, colWidths=[160, 100, 120])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "ToySans", 10), ("FONT", (0, 0), (-1, 0), "ToySans-Bold", 10),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#D6E4F0")), ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ]))
    story.append(heading(*sections[1]))
    story.append(tag(TaggedParagraph("Offences by year", s["h2"]), "H2"))
    story.append(tag(_chart(), "Figure", alt="Bar chart: offences rose from 40 in 2022 to 75 in 2023, then fell to 55 in 2024."))
    story.append(tag(TaggedParagraph("Offences by district", s["h2"]), "H2"))
    story.append(tag(table, "Table", header_rows=1))
    story.append(Spacer(1, 12))
    story.append(tag(TaggedParagraph("A quotation from a young person who took part in the survey.", s["body"]), "BlockQuote"))
    story += [heading(*sections[2]), tag(TaggedParagraph(LOREM, s["body"]), "P")]

    doc.multiBuild(story)
    raw = buf.getvalue()
    return layer.finish(raw, doc) if layer is not None else raw


@pytest.fixture(scope="module")
def toy_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("toy") / "toy.pdf"
    path.write_bytes(build_toy())
    return path


def run_outloud(path: Path) -> dict:
    """outloud's JSON report for one file (skips when outloud is not installed)."""
    exe = str(OUTLOUD) if OUTLOUD.exists() else shutil.which("outloud")
    if not exe:
        pytest.skip("outloud is not installed (pip install -e '.[test]')")
    proc = subprocess.run([exe, "--json", "-", "--fail-on", "warning", str(path)], capture_output=True, text=True, check=False)
    report = json.loads(proc.stdout)
    return report


def findings(report: dict) -> list[dict]:
    """Errors and warnings of every file in an outloud JSON report (a file that failed to open counts)."""
    out = []
    for result in report["results"]:
        if result.get("error"):
            out.append({"rule": "OPEN", "severity": "error", "message": result["error"]})
        out += [f for f in result.get("findings", []) if f.get("severity") in ("error", "warning")]
    return out


def verdicts(report: dict) -> list[str]:
    return [f"{r['verdict'].upper()} {Path(r['path']).name}: {r['counts']['error']} error(s), {r['counts']['warning']} warning(s)"
            for r in report["results"]]


# ── structure helpers (pikepdf) ─────────────────────────────────────────


def walk(pdf: pikepdf.Pdf):
    """(element, depth) for every structure element in document order."""
    def visit(node, depth):
        s = node.get("/S")
        if s is not None:
            yield node, depth
        kids = node.get("/K")
        items = kids if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else [])
        for kid in items:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in (pikepdf.Name.MCR, pikepdf.Name.OBJR):
                yield from visit(kid, depth + (1 if s is not None else 0))
    yield from visit(pdf.Root.StructTreeRoot, 0)


def mcrefs(pdf: pikepdf.Pdf, elem) -> list[tuple[int, int]]:
    page_index = {p.objgen: i for i, p in enumerate(pdf.pages)}
    pg = elem.get("/Pg")
    out = []
    kids = elem.get("/K")
    items = kids if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else [])
    for kid in items:
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid.__class__.__name__ == "Integer"):
            out.append((page_index[pg.objgen], int(kid)))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
            out.append((page_index[kid.Pg.objgen], int(kid.MCID)))
    return out


def text_runs_outside_tree(pdf: pikepdf.Pdf) -> list[str]:
    """Text shown while no marked content with an MCID or /Artifact is open."""
    bad = []
    for page in pdf.pages:
        stack: list[bool] = []  # True = tagged or artifact
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if len(operands) > 1 else None
                stack.append(tag == "/Artifact" or (isinstance(props, pikepdf.Dictionary) and "/MCID" in props))
            elif name == "EMC" and stack:
                stack.pop()
            elif name in ("Tj", "TJ", "'", '"', "Do") and not any(stack):
                bad.append(f"{name} {operands!r}"[:60])
    return bad


# ── tests ────────────────────────────────────────────────────────────────


def test_outloud_passes_toy_document(toy_pdf):
    report = run_outloud(toy_pdf)
    assert findings(report) == [], json.dumps(findings(report), indent=1)[:3000]
    assert verdicts(report) == ["PASS toy.pdf: 0 error(s), 0 warning(s)"]


def test_outloud_fails_the_untagged_toy(tmp_path):
    """The check can fail: the same document without the tagging layer does not pass."""
    path = tmp_path / "untagged.pdf"
    path.write_bytes(build_toy(tagged=False))
    rules = {f["rule"] for f in findings(run_outloud(path))}
    assert {"DOC-001", "DOC-002", "DOC-012"} <= rules


def test_every_element_role_the_toy_uses_is_present(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        roles = {str(e.S)[1:] for e, _ in walk(pdf)}
    assert {"Document", "Sect", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
            "Figure", "BlockQuote", "TOC", "TOCI", "Link"} <= roles


def test_headings_match_contents_page_order(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        elements = [e for e, _ in walk(pdf)]
        h1s = [e for e in elements if str(e.S) == "/H1"]
        toc_links = [e for e in elements if str(e.S) == "/Link" and str(e.P.S) == "/TOCI"]
        objrs = [[k for k in link.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.OBJR][0]
                 for link in toc_links]
        assert [str(o.Obj.Contents) for o in objrs] == ["Introduction", "Figures and tables", "What happens next"]
        assert all("/Alt" not in link and mcrefs(pdf, link) for link in toc_links)  # the entry's own words are the link text
        # the H1 after "Contents" are the sections, in contents order, and each is where its link points
        assert len(h1s) == 4
        for link, h1 in zip(toc_links, h1s[1:]):
            objr = [k for k in link.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.OBJR][0]
            dest = objr.Obj.get("/Dest") or objr.Obj.A.D
            dest_page = dest[0] if isinstance(dest, pikepdf.Array) else None
            assert dest_page is not None and dest_page.objgen == h1.Pg.objgen


def test_figure_has_alt_and_bbox(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        figures = [e for e, _ in walk(pdf) if str(e.S) == "/Figure"]
        assert len(figures) == 1
        fig = figures[0]
        assert "offences rose" in str(fig.Alt)
        layout = fig.A
        assert str(layout.O) == "/Layout" and len(layout.BBox) == 4
        x0, y0, x1, y1 = (float(v) for v in layout.BBox)
        assert x1 - x0 == pytest.approx(300, abs=0.5) and y1 - y0 == pytest.approx(120, abs=0.5)


def test_table_has_one_header_row_with_scope_and_spans_pages(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        tables = [e for e, _ in walk(pdf) if str(e.S) == "/Table"]
        assert len(tables) == 1
        rows = [r for r in tables[0].K]
        assert len(rows) == TABLE_ROWS + 1  # header + data rows, the repeated header is not a second row
        header = [c for c in rows[0].K]
        assert [str(c.S) for c in header] == ["/TH"] * 3
        assert all(str(c.A.Scope) == "/Column" for c in header)
        assert all(str(c.S) == "/TD" for r in rows[1:] for c in r.K)
        pages = {p for r in rows for c in r.K for p, _ in mcrefs(pdf, c)}
        assert len(pages) == 2


def test_split_paragraph_is_one_element_on_two_pages(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        spanning = [e for e, _ in walk(pdf) if str(e.S) == "/P" and len({p for p, _ in mcrefs(pdf, e)}) > 1]
        assert spanning, "the long paragraph should be one P with marked content on two pages"


def test_no_text_outside_tree_or_artifacts(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        assert text_runs_outside_tree(pdf) == []


def test_every_mcid_is_claimed_once_and_parent_tree_agrees(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        claimed = {}
        for e, _ in walk(pdf):
            for ref in mcrefs(pdf, e):
                assert ref not in claimed
                claimed[ref] = e
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for index, page in enumerate(pdf.pages):
            arr = tree[int(page.StructParents)]
            drawn = set()
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) == "BDC" and len(operands) > 1 and "/MCID" in operands[1]:
                    drawn.add(int(operands[1].MCID))
            assert drawn == {m for p, m in claimed if p == index}
            for mcid in drawn:
                assert arr[mcid].objgen == claimed[(index, mcid)].objgen


def test_reading_order_is_page_order(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        order = [ref for e, _ in walk(pdf) for ref in mcrefs(pdf, e)]
        pages = [p for p, _ in order]
        # walking the tree, the first time each page appears is in page order
        first_seen = list(dict.fromkeys(pages))
        assert first_seen == sorted(first_seen)
        # within a page, paint order (MCID order) and tree order agree except where a parent resumes after a child
        for page in set(pages):
            mcids = [m for p, m in order if p == page]
            assert sum(1 for a, b in zip(mcids, mcids[1:]) if b < a) <= len(mcids) // 10


def test_document_entries(toy_pdf):
    with pikepdf.open(toy_pdf) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "Toy needs assessment" in xmp
        assert all(str(p.Tabs) == "/S" for p in pdf.pages)
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                assert str(annot.Contents).strip() and "/StructParent" in annot


def test_output_is_deterministic():
    assert build_toy() == build_toy()


def test_untagged_build_has_no_marked_content():
    with pikepdf.open(io.BytesIO(build_toy(tagged=False))) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert all(b"BDC" not in page.Contents.read_bytes() for page in pdf.pages)


def test_paints_nothing_tells_state_from_painting():
    assert paints_nothing(["q", "1 0 0 1 50 700 cm", ".2 .3 .6 RG", "Q"])
    assert not paints_nothing(["q", "BT /F1 10 Tf (x) Tj ET", "Q"])
    assert not paints_nothing(["0 0 10 10 re f"])


def test_figure_without_alt_is_refused():
    with pytest.raises(ValueError):
        Node("Figure", alt="  ")
    with pytest.raises(ValueError):
        Node("Bogus")


def test_paints_nothing_sees_every_painting_operator():
    for chunk in ["[(a) -20 (b)] TJ", "/X0 Do", "1 0 0 1 0 0 cm 0 0 m 10 10 l S", "0 0 10 10 re f*", "/Sh0 sh", "(x) Tj"]:
        assert not paints_nothing([chunk]), chunk
    assert paints_nothing(["BT /F1 10 Tf 1 0 0 1 20 30 Tm 12 TL ET", "[] 0 d 0.5 w 1 J", "/GS1 gs .1 .2 .3 rg"])


def test_paints_nothing_reads_each_chunk_edge_as_an_operator_edge():
    assert not paints_nothing(["BT /F1 9 Tf (a)", "Tj ET"])          # an operator opening a chunk
    assert not paints_nothing(["0 0 m 5 5 l S", "Q"])                 # and one closing a chunk
    assert not paints_nothing(["q", "f"])
    assert paints_nothing(["BT /F1 9 Tf T", "j ET"])                  # two chunks never make one operator
    assert paints_nothing(["/GS1 gs", "", "Q"]) and paints_nothing([])


def test_wrapper_answers_like_the_flowable_it_holds():
    class Indexing(Spacer):
        def isIndexing(self):
            return 1

        def getSpaceBefore(self):
            return 7

    layer = DocumentTagger()
    held = layer.tag(Indexing(10, 10), "P")
    assert held.isIndexing() == 1 and held.getSpaceBefore() == 7
    para = TaggedParagraph("x", _styles()["h1"])
    assert layer.tag(para, "H1") is para and para.getKeepWithNext() == 1
    with pytest.raises(TypeError):
        layer.tag(Paragraph("x", _styles()["h1"]), "P")   # a paragraph splits: it must be a TaggedParagraph
