"""Every district report built from the sample data reads as a district report.

The text of all 13 district PDFs is scanned: area-wide text (county content files a district has not
replaced, parts of files scoped part by part, and computed statements about every district) is printed
under the "Across <area>" label; no heading claims the county; the district is named on its at-a-glance
page and on at least three quarters of its analysis pages (counted as the acceptance check counts them);
no "1st largest"; Medway is never drawn beside "Medway Council".
"""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from test_tagging import mcrefs, walk

import snareport
from snareport.content.scoping import area_label

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
# content files whose text is a statement about the area (glossary, methodology and partners are reference)
STATEMENT_FILES = ("foreword", "achievements", "recommendations", "aim_and_purpose", "definition", "board", "public_health",
                   "county_facts", "drugs_and_alcohol", "childrens_voices", "what_works", "yef")
# section_intros is scoped part by part ("section_intros.knives", ...): each part is checked on its own
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
    if field.startswith("section_intros."):
        return [s for s in [_first_words(getattr(content.section_intros, field.split(".", 1)[1]))] if s]
    value = getattr(content, field)
    if field == "recommendations":
        return [_first_words(value[0].lead, 20)]
    if field == "achievements":
        return [_first_words(value[0].headline, 20)] if value else []
    for attr in ("intro", "body"):
        if getattr(value, attr, None):
            return [s for s in [_first_words(getattr(value, attr))] if s]
    return []


def test_area_wide_content_is_labelled_in_every_district_report(districts, ds):
    label = area_label(ds.config.area)
    checked = 0
    for district, (report, pages, _) in districts.items():
        parts = [f"section_intros.{k}" for k in type(report.content.section_intros).model_fields
                 if k != "hospital_admissions"]      # no section prints this part (yet)
        for field in (*STATEMENT_FILES, *parts):
            if report.content_scope[field] != "area":
                continue
            for snippet in _snippets(report.content, field.split(".")[0] if field in STATEMENT_FILES else field):
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


# --- naming: the district on at least three quarters of its analysis pages ------------------------------
# The acceptance check's rule (../shared/checks/lib/districtcheck.py), on the PDF's tags: analysis pages are
# every page but the first and the last and pages holding only Contents, Methodology or Glossary sections (H1/H2
# of the structure tree, an H2 labelled with its H1; a page carries on the section before it unless a heading
# starts the page); a page names the district when its tagged text (no artifacts: not the running header) does,
# once "Kent and Medway" and "Medway Council" are struck out.
MIN_NAMING = 0.75
AREA_NAMES = re.compile(r"Kent\s+and\s+Medway|Medway\s+Council", re.I)
EXCLUDED_CHAPTER = re.compile(r"\b(contents|glossary|methodology)\b", re.I)


def _tagged_runs(path: Path) -> list[list[tuple[int | None, str]]]:
    """Per page, in content order: (MCID, text) of every text run outside an /Artifact."""
    out = []
    for page in PdfReader(path).pages:
        stack: list = []
        runs: list[tuple[int | None, str]] = []

        def before(op, args, cm, tm, stack=stack):
            if op in (b"BDC", b"BMC"):
                props = args[1] if len(args) > 1 else None
                mcid = props.get("/MCID") if isinstance(props, dict) else None
                stack.append("artifact" if args[0] == "/Artifact" else (int(mcid) if mcid is not None else None))
            elif op == b"EMC" and stack:
                stack.pop()

        def text(t, cm, tm, font, size, stack=stack, runs=runs):
            if t.strip() and "artifact" not in stack:
                runs.append((next((m for m in reversed(stack) if isinstance(m, int)), None), t))

        page.extract_text(visitor_operand_before=before, visitor_text=text)
        out.append(runs)
    return out


def naming(path: Path, district: str) -> tuple[list[int], list[int]]:
    """(analysis pages that name the district, those that do not), numbered from 1."""
    runs = _tagged_runs(path)
    heads, h1 = [], ""
    with pikepdf.open(path) as pdf:
        for e, _ in walk(pdf):
            role = str(e.S)
            refs = mcrefs(pdf, e) if role in ("/H1", "/H2") else []
            if not refs:
                continue
            page = min(p for p, _ in refs)
            mine = {m for p, m in refs if p == page}
            title = " ".join(t for m, t in runs[page] if m in mine).strip()
            h1 = title if role == "/H1" else h1
            heads.append((title if role == "/H1" else f"{h1} / {title}", page,
                          bool(runs[page]) and runs[page][0][0] in mine))
        count = len(pdf.pages)
    heads.sort(key=lambda h: h[1])
    name = re.compile(r"\b" + re.escape(district).replace("\\ ", r"\s+") + r"\b", re.I)
    named, unnamed = [], []
    for i in range(1, count - 1):
        present = [t for t, p, _ in heads if p == i]
        before = [t for t, p, _ in heads if p < i]
        if before and not any(p == i and top for _, p, top in heads):
            present.append(before[-1])
        if present and all(EXCLUDED_CHAPTER.search(t) for t in present):
            continue
        body = " ".join(t for _, t in runs[i])
        (named if name.search(AREA_NAMES.sub(" ", body)) else unnamed).append(i + 1)
    return named, unnamed


def test_every_district_names_itself_on_three_quarters_of_its_analysis_pages(districts):
    shares = {}
    for district, (_, _, path) in districts.items():
        named, unnamed = naming(path, district)
        shares[district] = (len(named) / (len(named) + len(unnamed)), unnamed)
    assert len(shares) == 13
    short = {d: f"{s:.0%}, not named on p{unnamed}" for d, (s, unnamed) in shares.items() if s < MIN_NAMING}
    assert not short, short
