"""The real report is tagged: outloud passes the county PDF and two district variants, and the tree reads right."""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from test_tagging import findings, mcrefs, run_outloud, text_runs_outside_tree, verdicts, walk

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
VARIANTS = [None, "Swale", "Medway"]
REQUIRED = ("offences", "people", "hospital_admissions", "population", "unit_costs", "harm_weights")


def _sample_data_present() -> bool:
    names = {p.stem for p in SAMPLE.glob("*") if p.suffix in (".csv", ".parquet", ".xlsx")}
    return all(name in names for name in REQUIRED) or any(p.suffix == ".xlsx" for p in SAMPLE.glob("*"))


@pytest.fixture(scope="module")
def report_pdfs(tmp_path_factory) -> dict[str | None, Path]:
    if not _sample_data_present():
        pytest.skip("sample_data/ has no generated tables (run python sample_data/generate.py)")
    import snareport

    out = tmp_path_factory.mktemp("reports")
    ds = snareport.load_dataset(SAMPLE)
    paths = {}
    for district in VARIANTS:
        report = snareport.build_report(ds, district=district)
        paths[district] = snareport.render_pdf(report, out / f"{district or 'county'}.pdf")
    return paths


def _elements(pdf: pikepdf.Pdf, role: str) -> list:
    return [e for e, _ in walk(pdf) if str(e.S) == f"/{role}"]


def _text(pdf: pikepdf.Pdf, elem) -> str:
    """The words of an element's own marked content (via outloud's content walker)."""
    from outloud.model import Document
    from outloud.rules._common import element_text

    doc = Document(pdf.filename)
    try:
        for el in doc.elements:
            if el.objgen == elem.objgen:
                return " ".join(element_text(doc, el).split())
    finally:
        doc.close()
    return ""


@pytest.mark.parametrize("district", VARIANTS, ids=lambda d: d or "county")
def test_outloud_passes_report(report_pdfs, district):
    report = run_outloud(report_pdfs[district])
    assert findings(report) == [], "\n".join(verdicts(report)) + "\n" + "\n".join(
        f"{f['rule']} p{f.get('page')}: {f['message']} | {f.get('evidence', '')}" for f in findings(report))


@pytest.mark.parametrize("district", VARIANTS, ids=lambda d: d or "county")
def test_headings_match_contents_page(report_pdfs, district):
    from outloud.model import Document
    from outloud.rules._common import element_text

    doc = Document(str(report_pdfs[district]))
    try:
        contents = doc.elements_of("TOC")[0]          # the contents page (the key findings page is a TOC too)
        entries = [" ".join(element_text(doc, e).split()) for e in doc.elements_of("Link")
                   if e.parent.type == "TOCI" and e.parent.parent is contents]
        h1 = [" ".join(element_text(doc, e).split()) for e in doc.elements_of("H1")]
        h2 = {" ".join(element_text(doc, e).split()) for e in doc.elements_of("H2")}
    finally:
        doc.close()
    assert entries, "the contents page has no TOCI/Link entries"
    assert h1[0] == "Strategic Needs Assessment Executive Report" and h1[1] == "Contents"   # the cover's title first
    # each entry reads "<title> <page>"; the chapters' H1s after Contents are those titles, in the same
    # order, each followed by the H2s of the sections it holds
    titles = [e.rsplit(" ", 1)[0] if e.rsplit(" ", 1)[-1].isdigit() else e for e in entries]
    assert [t for t in titles if t not in h2 or t in h1] == h1[2:]
    assert all(t in h1 or t in h2 for t in titles)


@pytest.mark.parametrize("district", VARIANTS, ids=lambda d: d or "county")
def test_every_chart_is_a_figure_with_alt_text(report_pdfs, district):
    with pikepdf.open(report_pdfs[district]) as pdf:
        figures = _elements(pdf, "Figure")
        assert figures, "the report draws charts, so it must have Figure elements"
        for fig in figures:
            alt = str(fig.get("/Alt", ""))
            assert len(alt.split()) >= 6, alt
            assert "chart" in alt.lower() or "map" in alt.lower(), alt
            assert str(fig.A.O) == "/Layout" and len(fig.A.BBox) == 4


@pytest.mark.parametrize("district", VARIANTS, ids=lambda d: d or "county")
def test_every_table_has_scoped_header_cells(report_pdfs, district):
    with pikepdf.open(report_pdfs[district]) as pdf:
        tables = _elements(pdf, "Table")
        assert tables
        for table in tables:
            rows = [k for k in table.K if str(k.S) == "/TR"]
            heads = [c for r in rows for c in r.K if str(c.S) == "/TH"]
            assert heads, "table without header cells"
            assert all(str(c.A.Scope) in ("/Column", "/Row") for c in heads)
            widths = {len(list(r.K)) for r in rows}
            assert len(widths) == 1, f"irregular table rows: {widths}"


@pytest.mark.parametrize("district", VARIANTS, ids=lambda d: d or "county")
def test_no_text_outside_tree_and_reading_order_is_page_order(report_pdfs, district):
    with pikepdf.open(report_pdfs[district]) as pdf:
        assert text_runs_outside_tree(pdf) == []
        order = [p for e, _ in walk(pdf) for p, _ in mcrefs(pdf, e)]
        first_seen = list(dict.fromkeys(order))
        assert first_seen == sorted(first_seen)
        assert set(first_seen) == set(range(len(pdf.pages)))  # every page has tagged content


def _marked_text(pdf: pikepdf.Pdf, page_no: int) -> list[tuple[list[str], bytes, str]]:
    """Each string shown on a page: (the marked-content tags open around it, its bytes, the operator after it)."""
    shown, stack = [], []
    ops = pikepdf.parse_content_stream(pdf.pages[page_no])
    for i, (operands, op) in enumerate(ops):
        name = str(op)
        if name in ("BDC", "BMC"):
            stack.append(str(operands[0]) + (str(operands[1].get("/ActualText", "")) if name == "BDC" and
                                              isinstance(operands[1], pikepdf.Dictionary) else ""))
        elif name == "EMC":
            stack.pop()
        elif name == "Tj":
            after = str(ops[i + 1][1]) if i + 1 < len(ops) else ""
            shown.append((list(stack), bytes(operands[0]), after))
    return shown


@pytest.mark.parametrize("district", [None], ids=["county"])
def test_wrapped_lines_end_in_a_space_so_words_never_glue(report_pdfs, district):
    with pikepdf.open(report_pdfs[district]) as pdf:
        lines = [(tags, text) for n in range(1, len(pdf.pages) - 1) for tags, text, after in _marked_text(pdf, n)
                 if after == "T*" and tags and tags[0] in ("/P", "/LBody", "/TD", "/TH", "/Caption")]
        assert len(lines) > 300
        glued = [text for _, text in lines if not text.endswith(b" ")]
        assert glued == [], glued[:5]


@pytest.mark.parametrize("district", [None], ids=["county"])
def test_arrows_are_spoken_as_to(report_pdfs, district):
    with pikepdf.open(report_pdfs[district]) as pdf:
        spans = [(tags, text) for n in range(len(pdf.pages)) for tags, text, _ in _marked_text(pdf, n)
                 if any(t.startswith("/Span") for t in tags)]
        assert len(spans) >= 2                                  # the achievements' "8.83 → 5.58" tiles at least
        assert all(tags[-1] == "/Spanto" and len(text) == 1 for tags, text in spans)   # one arrow glyph, read "to"


@pytest.mark.parametrize("district", [None], ids=["county"])
def test_every_link_holds_its_visible_words_and_its_annotation(report_pdfs, district):
    """The words a reader sees for a link (the YEF toolkit, the data annex pointers, the back cover's email
    and web address, the contents entries) are inside the Link element, beside its OBJR."""
    from outloud.model import Document
    from outloud.rules._common import element_text

    with pikepdf.open(report_pdfs[district]) as pdf:
        objrs = []
        for link in _elements(pdf, "Link"):
            kids = link.K if isinstance(link.K, pikepdf.Array) else [link.K]
            objrs.append(sum(1 for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"))
    assert objrs and all(n >= 1 for n in objrs), objrs
    doc = Document(str(report_pdfs[district]))
    try:
        words = [" ".join(element_text(doc, e).split()) for e in doc.elements_of("Link")]
    finally:
        doc.close()
    assert len(words) == len(objrs) and all(words), words
    assert "Toolkit" in words                                        # the YEF link's one visible word
    assert sum(w.startswith("table A") for w in words) >= 5          # the data annex pointers
    assert "vru@example.org" in words
