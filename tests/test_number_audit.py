"""The audit trail is complete: every number printed in a report — page text and the structure tree's alt
text — is a field of the report model (its JSON) or comes from a content file (the JSON holds the content).

Allowed formatting: thousands separators, %, £, a sign, rounding to the printed decimals, fractions printed
as percentages, estimates rounded to the nearest £1,000, numbers inside labels (years, periods, ages, bands).
Exempt, because they are the page's furniture or a chart's scale rather than figures: "Page N of M", the
contents' page numbers and data-annex table numbers, chart axis ticks (round values of at most two
significant figures), the heat map's colour key, and how many of a chart's cells are withheld (each is marked
suppressed in the model). Run for the county report and every district report (built once, as the batch
they are published in), the police.uk edition built from the small excerpt in tests/data/policeuk, and
the police.uk edition of the real Kent files in ../shared/realdata (skipped when they are absent).
"""
from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

import snareport
from snareport.render import render_bytes

SAMPLE = Path(__file__).parent.parent / "sample_data"
POLICEUK = Path(__file__).parent / "data" / "policeuk"
REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "police_uk_kent_street"

NUMBER = re.compile(r"(?<![\w.])[\u2212+\-]?£?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\w.,])[\u2212+\-]?£?\d+(?:\.\d+)?")
FURNITURE = (re.compile(r"Page \d+ of \d+"), re.compile(r"table A\d+"), re.compile(r"Table A\d+"),
             # how many of a chart's cells are withheld: a count of the model's withheld (suppressed) values
             re.compile(r"The (?:counts|figures) for [\d,]+ (?:of the [\d,]+ )?[\w ]+? (?:is|are) withheld"))
HEATMAP_KEY = re.compile(r"Offences per hour\s+((?:\d[\d,]*\u2013\d[\d,]*\s*)+)")


def numbers_in(text: str) -> list[str]:
    for pattern in FURNITURE:
        text = pattern.sub(" ", text)
    text = HEATMAP_KEY.sub(" ", text)
    return [m.group(0) for m in NUMBER.finditer(text)]


def _value(token: str) -> Decimal:
    return Decimal(token.replace("\u2212", "-").replace("£", "").replace(",", "").lstrip("+-"))


def _walk(node, numbers: list[float], strings: list[str]) -> None:
    if isinstance(node, bool) or node is None:
        return
    if isinstance(node, (int, float)):
        numbers.append(float(node))
    elif isinstance(node, str):
        strings.append(node)
    elif isinstance(node, dict):
        for key, value in node.items():
            strings.append(str(key))
            _walk(value, numbers, strings)
    elif isinstance(node, list):
        for value in node:
            _walk(value, numbers, strings)


class Audit:
    """The numbers a report's JSON holds, and a test of whether a printed token is one of them."""

    def __init__(self, report) -> None:
        numbers: list[float] = []
        strings: list[str] = []
        _walk(report.model_dump(mode="json"), numbers, strings)
        self.values = sorted({abs(Decimal(repr(x))) for x in numbers})
        self.in_words = {_value(t) for s in strings for t in numbers_in(s)}

    def holds(self, token: str) -> bool:
        printed = _value(token)
        if printed in self.in_words:
            return True
        exponent = printed.as_tuple().exponent
        quantum = Decimal(1).scaleb(min(int(exponent), 0))
        for x in self.values:
            for candidate in (x, x * 100):                      # a fraction printed as a percentage
                if candidate.quantize(quantum, rounding=ROUND_HALF_UP) == printed:
                    return True
                if printed >= 1000 and printed % 1000 == 0 and \
                        (candidate / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 1000 == printed:
                    return True                                 # an estimate to the nearest £1,000
        return False


def _is_tick(token: str) -> bool:
    """A round value a chart's axis prints (at most two significant figures: 0, 30, 120, 1,200)."""
    value = _value(token)
    if value != value.to_integral_value():
        return False
    digits = str(int(value)).rstrip("0") or "0"
    return len(digits) <= 2


def pdf_texts(data: bytes) -> tuple[list[str], list[str]]:
    """Each page's text and every /Alt in the structure tree."""
    import pikepdf
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    alts: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        stack = [pdf.Root.get("/StructTreeRoot")]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary):
                if "/Alt" in node:
                    alts.append(str(node.Alt))
                kids = node.get("/K")
                if kids is not None:
                    stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
            elif isinstance(node, pikepdf.Array):
                stack.extend(node)
    assert alts, "the PDF has no alt text (is it tagged?)"
    return pages, alts


def unaudited(report) -> list[str]:
    """Every printed number the report model does not hold, with where it was printed."""
    audit = Audit(report)
    pages, alts = pdf_texts(render_bytes(report))
    contents = next((i for i, p in enumerate(pages) if "Contents" in p[:300]), None)
    missing = []
    for where, texts in (("page", pages), ("alt text", alts)):
        for i, text in enumerate(texts):
            if where == "page" and i == contents:
                continue                                        # the contents' page numbers
            for token in numbers_in(text):
                if audit.holds(token) or (where == "page" and _is_tick(token)):
                    continue
                at = text.find(token)
                missing.append(f"{where} {i + 1}: {token!r} in …{' '.join(text[max(0, at - 50):at + 30].split())}…")
    return missing


def test_the_audit_catches_a_number_the_model_does_not_hold():
    report = snareport.build_report(snareport.load_dataset(Path(__file__).parent / "fixtures" / "tiny"))
    audit = Audit(report)
    assert audit.holds("2024/25".split("/")[0]) and not audit.holds("4,483.7")
    assert numbers_in("Page 4 of 35: £3,744,000 and −22.9% in 2023/24") == ["£3,744,000", "\u221222.9", "2023", "24"]


def test_the_audit_fails_when_a_chart_computes_a_figure_itself(monkeypatch):
    """A chart that adds up a figure of its own (here the population chart's average district, 73,333 people)
    prints a number the model does not hold, in its title (page text) and its alt text: the audit finds both."""
    from snareport import formatting as fmt
    from snareport.charts import population

    report = snareport.build_report(snareport.load_dataset(Path(__file__).parent / "fixtures" / "tiny"))
    assert unaudited(report) == []
    title, alt_text = population._title, population._alt_text

    def average(rows) -> str:
        return fmt.number(sum(p for _, p in rows if p is not None) / len(rows))

    monkeypatch.setattr(population, "_title", lambda rows, *a: f"{title(rows, *a)}, {average(rows)} on average")
    monkeypatch.setattr(population, "_alt_text", lambda rows, *a: f"{alt_text(rows, *a)} {average(rows)} on average.")
    missing = unaudited(report)
    assert any(m.startswith("page") and "'73,333'" in m for m in missing), missing
    assert any(m.startswith("alt text") and "'73,333'" in m for m in missing), missing


@pytest.fixture(scope="module")
def sample_reports():
    """The county and every district report, built once as the batch they are published in."""
    if not (SAMPLE / "offences.parquet").exists():
        pytest.skip("the sample dataset has not been generated")
    from snareport.build import build_reports

    return build_reports(snareport.load_dataset(SAMPLE))


def test_every_number_in_the_county_report_is_audited(sample_reports):
    assert unaudited(sample_reports[None]) == []


def test_every_number_in_every_district_report_is_audited(sample_reports):
    districts = [d for d in sample_reports if d is not None]
    assert len(districts) == 13
    missing = []
    for district in districts:
        missing += [f"{district}: {m}" for m in unaudited(sample_reports[district])]
    assert missing == []


def test_every_number_in_the_police_uk_edition_is_audited(tmp_path):
    from snareport.opendata import import_files

    import_files([POLICEUK], tmp_path / "data")
    assert unaudited(snareport.build_report(snareport.load_dataset(tmp_path / "data"))) == []


@pytest.mark.skipif(not REAL.is_dir(), reason="the real police.uk files (../shared/realdata/police_uk_kent_street) "
                                             "are not on this machine")
def test_every_number_in_the_police_uk_edition_of_real_kent_files_is_audited(tmp_path):
    from snareport.opendata import import_files

    import_files([REAL], tmp_path / "kent")
    assert unaudited(snareport.build_report(snareport.load_dataset(tmp_path / "kent"))) == []
