"""Every district report built from the sample data reads as a district report.

The text of all 13 district PDFs is scanned: area-wide text (county content files a district has not
replaced, and computed statements about every district) is printed under the "Across <area>" label; no
heading claims the county; the district is named on its at-a-glance page; no "1st largest"; Medway is
never drawn beside "Medway Council".
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import snareport
from snareport.content.scoping import area_label

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
# content files whose text is a statement about the area (glossary, methodology and partners are reference)
STATEMENT_FILES = ("foreword", "achievements", "recommendations", "aim_and_purpose", "definition", "board", "public_health",
                   "county_facts", "drugs_and_alcohol", "childrens_voices", "what_works", "yef", "section_intros")
# computed statements that compare every district: printed under the label in a district report
AREA_STATEMENTS = ("Most affected by volume", "Highest volumes", "in every district", "districts fell in each",
                   "Volume score rose in", "Harm score rose in", "No district's volume score rose")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def ds():
    return snareport.load_dataset(SAMPLE)


@pytest.fixture(scope="module")
def districts(ds, tmp_path_factory):
    """{district: (report, [page text])} for every district, built as the batch builds them."""
    out = tmp_path_factory.mktemp("districts")
    snareport.build_variants(ds, out, districts=list(ds.config.districts), workers=2)
    built = {}
    for district in ds.config.districts:
        report = snareport.build_report(ds, district)
        path = next(p for p in out.glob("*.pdf") if _slug(district) in p.name)
        built[district] = (report, [words(p.extract_text() or "") for p in PdfReader(path).pages], path)
    return built


def _slug(name: str) -> str:
    return "-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".pdf"


def _first_words(rich_or_text, n: int = 40) -> str | None:
    text = rich_or_text if isinstance(rich_or_text, str) else getattr(rich_or_text, "plain_text", lambda: "")()
    text = words(re.sub(r"^[-\d.)\s]+", "", text or ""))
    return text[:n] if len(text) >= 12 else None


def _snippets(content, field: str) -> list[str]:
    """A few opening words of the file's first paragraph(s), as the PDF prints them."""
    value = getattr(content, field)
    if field == "recommendations":
        return [_first_words(value[0].lead, 20)]
    if field == "achievements":
        return [_first_words(value[0].headline, 20)] if value else []
    if field == "section_intros":
        return [s for s in (_first_words(getattr(value, k)) for k in type(value).model_fields) if s]
    for attr in ("intro", "body"):
        if getattr(value, attr, None):
            return [s for s in [_first_words(getattr(value, attr))] if s]
    return []


def test_area_wide_content_is_labelled_in_every_district_report(districts, ds):
    label = area_label(ds.config.area)
    checked = 0
    for district, (report, pages, _) in districts.items():
        for field in STATEMENT_FILES:
            if report.content_scope[field] != "area":
                continue
            for snippet in _snippets(report.content, field):
                where = [i for i, page in enumerate(pages) if snippet in page]
                assert where, f"{district}: {field} text {snippet!r} not found"
                page = pages[where[0]]
                assert label in page[: page.index(snippet)], \
                    f"{district} p{where[0] + 1}: area-wide {field} text {snippet!r} printed without {label!r}"
                checked += 1
    assert checked > 13 * 8        # every district prints most area files, each one checked


def test_statements_about_every_district_are_labelled(districts, ds):
    label = area_label(ds.config.area)
    for district, (_, pages, _) in districts.items():
        for number, page in enumerate(pages, start=1):
            for phrase in AREA_STATEMENTS:
                at = page.find(phrase)
                if at >= 0:   # the label, or a heading saying the same ("Available across Kent and Medway"),
                    # on this page or the one before (a labelled list may run on to the next page)
                    before = (pages[number - 2] if number > 1 else "") + page[:at]
                    assert label.lower() in before.lower(), f"{district} p{number}: {phrase!r} without {label!r}"


def test_district_reports_name_the_district_and_never_claim_the_county(districts):
    for district, (_report, pages, path) in districts.items():
        outline = [o.title for o in PdfReader(path).outline if not isinstance(o, list)]
        assert not [t for t in outline if "the county" in t.lower()], f"{district}: {outline}"
        assert f"{district} at a glance" in outline
        glance = next(p for p in pages if f"{district} at a glance" in p and "Key findings" in p
                      and not p.startswith("Contents"))      # the contents page lists both titles too
        assert glance.count(district) >= 5, f"{district}: its at-a-glance page names it only {glance.count(district)}×"
        text = " ".join(pages)
        assert not re.search(r"\b1st (largest|highest|smallest|lowest)\b", text), district
        charts = [p for p in pages if re.search(r"Share of (victims|suspects) by age band", p)]
        assert charts, district
        for page in charts:   # the district beside the whole area, never beside an authority (Medway twice)
            assert "Medway Council" not in page and "Kent County Council" not in page, f"{district}: {page[:300]}"


def test_own_content_speaks_for_the_district(districts):
    for district in ("Thanet", "Medway", "Sevenoaks"):
        report, pages, _ = districts[district]
        assert report.content_scope["foreword"] == "district" and report.content_scope["county_facts"] == "district"
        assert any(f"Services in {district}" in p for p in pages)
    report, pages, _ = districts["Ashford"]
    assert report.content_scope["county_facts"] == "area"
    assert any("Services across Kent and Medway" in p for p in pages)
