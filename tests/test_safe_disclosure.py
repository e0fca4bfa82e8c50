"""Safe to publish: a tiny district's small counts cannot be read or worked out from the public PDF, its
tagged structure or its JSON; partners output is unsuppressed and marked OFFICIAL-SENSITIVE on every page."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from tiny_dataset import copy_tiny

from snareport.cli import main

DISTRICT = "Westmoor"     # 6 offences in the tiny dataset, every yearly count of them from 1 to 5
THRESHOLD = 5
# Model fields that hold a count of offences or people (heat-map cells are the documented exception:
# offence counts by hour, see snareport/disclosure.py).
COUNT_FIELDS = {"count", "previous", "current", "value", "county_value", "rows", "total_rows", "top_people",
                "people", "suspect_count", "fall", "repeat_suspects", "age_unknown", "suspect_sex_unknown"}
NOT_COUNTS = {"admissions"}   # monthly averages (withheld by the 1–7 rule on their totals, checked separately)


def _build(tmp: Path, audience: str, district: str | None = DISTRICT) -> tuple[Path, dict]:
    data = tmp / "data"
    if not data.exists():
        copy_tiny(data)
    pdf, js = tmp / f"{audience}-{district}.pdf", tmp / f"{audience}-{district}.json"
    args = ["build", str(data), "-o", str(pdf), "--json", str(js), "--audience", audience]
    assert main(args + (["--district", district] if district else [])) == 0
    return pdf, json.loads(js.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> tuple[Path, dict]:
    return _build(tmp_path_factory.mktemp("public"), "public")


@pytest.fixture(scope="module")
def partners(tmp_path_factory) -> tuple[Path, dict]:
    return _build(tmp_path_factory.mktemp("partners"), "partners")


def _pages(pdf: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages]


def _small_counts(node, path: str = "") -> list[str]:
    """Every count-like number from 1 to the threshold left in a (JSON) report, with where it is."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}"
            if key in COUNT_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool) \
                    and 1 <= value <= THRESHOLD and not any(n in path for n in NOT_COUNTS):
                found.append(f"{here}={value}")
            found += _small_counts(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _small_counts(value, f"{path}[{i}]")
    return found


def _tree_texts(pdf: Path) -> list[str]:
    """Every /Alt and /ActualText string in the PDF's structure tree."""
    out: list[str] = []
    with pikepdf.open(pdf) as doc:
        seen: set = set()

        def walk(obj) -> None:
            if isinstance(obj, pikepdf.Array):
                for item in obj:
                    walk(item)
            elif isinstance(obj, pikepdf.Dictionary):
                key = obj.objgen if obj.is_indirect else None
                if key is not None:
                    if key in seen:
                        return
                    seen.add(key)
                for name in ("/Alt", "/ActualText"):
                    if name in obj:
                        out.append(str(obj[name]))
                if "/K" in obj:
                    walk(obj["/K"])

        if "/StructTreeRoot" in doc.Root:
            walk(doc.Root.StructTreeRoot)
    return out


def _westmoor_offences(year_start: str, year_end: str) -> list[dict]:
    from tiny_dataset import TINY

    with open(TINY / "offences.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if r["district"] == DISTRICT and year_start <= r["occurred_at"][:10] <= year_end]


def test_the_tiny_district_really_is_tiny():
    current = _westmoor_offences("2024-04-01", "2025-03-31")
    previous = _westmoor_offences("2023-04-01", "2024-03-31")
    assert 1 <= len(current) <= THRESHOLD and 1 <= len(previous) <= THRESHOLD


def test_public_json_has_no_small_count(public):
    _, report = public
    assert report["disclosure"]["applied"] is True and report["disclosure"]["suppressed_values"] > 0
    assert _small_counts(report) == []


def test_public_county_json_has_no_small_count(tmp_path):
    _, report = _build(tmp_path, "public", district=None)
    assert _small_counts(report) == []


def test_partners_json_keeps_the_true_small_counts(partners):
    _, report = partners
    assert report["disclosure"]["applied"] is False
    assert _small_counts(report), "partners output must not be suppressed"
    current = len(_westmoor_offences("2024-04-01", "2025-03-31"))
    assert report["recorded_offences"]["total"]["current"] == current


def test_public_pdf_prints_the_marker_and_its_footnote(public):
    text = " ".join(_pages(public[0]))
    assert " [c] " in f" {text} "  # the GSS marker for a withheld value
    assert "Counts from 1 to 5" in text and "withheld" in text


def test_public_pdf_text_does_not_give_small_counts_away(public):
    pdf, _ = public
    text = " ".join(_pages(pdf))
    current = len(_westmoor_offences("2024-04-01", "2025-03-31"))
    previous = len(_westmoor_offences("2023-04-01", "2024-03-31"))
    knife = sum(r["knife_enabled"] == "true" for r in _westmoor_offences("2024-04-01", "2025-03-31"))
    for leak in [f"{current} recorded offences", f"{previous} recorded offences", f"{knife} knife-enabled",
                 f"{current} offences in {DISTRICT}", "1 of 5 people", "of 5 people", "20.0% of people",
                 f"{knife} → ", f"→ {knife} ", f"→ {current} "]:
        assert leak not in text, leak
    # the data summary's offence rows for the district are a count of its offences
    table = text[text.index("Rows in this report"):]
    assert not table.startswith(f"Rows in this report Rows in the source offences {current} ")


def test_public_tagged_alt_text_does_not_give_small_counts_away(public):
    pdf, _ = public
    alts = " ".join(_tree_texts(pdf))
    assert alts, "the tagged PDF carries alt text for its figures"
    current = len(_westmoor_offences("2024-04-01", "2025-03-31"))
    previous = len(_westmoor_offences("2023-04-01", "2024-03-31"))
    for leak in [f"{current} offences", f"{previous} offences", f"{current} recorded", f"{previous} recorded",
                 "1 of 5 people"]:
        assert leak not in alts, leak


@pytest.mark.parametrize("audience, marking, absent", [("public", "OFFICIAL", "OFFICIAL-SENSITIVE"),
                                                         ("partners", "OFFICIAL-SENSITIVE", None)])
def test_every_page_carries_the_audience_marking(audience, marking, absent, public, partners):
    pdf = (public if audience == "public" else partners)[0]
    pages = _pages(pdf)
    assert len(pages) > 10
    for number, page in enumerate(pages, 1):
        assert marking in page, f"page {number} has no {marking} marking"
        if absent:
            assert absent not in page, f"page {number} of public output says {absent}"


def test_a_theme_marking_never_weakens_the_partners_marking(tmp_path):
    import yaml

    import snareport
    from snareport.render import render_bytes

    theme = yaml.safe_load((Path(snareport.__file__).parents[1] / "layouts" / "kent_medway.yaml").read_text())
    theme["protective_marking"] = "OFFICIAL"
    (tmp_path / "weak.yaml").write_text(yaml.safe_dump(theme), encoding="utf-8")
    data = copy_tiny(tmp_path / "data")
    ds = snareport.load_dataset(data)
    import dataclasses

    ds = dataclasses.replace(ds, config=ds.config.model_copy(update={"audience": "partners"}))
    report = snareport.build_report(ds, district=DISTRICT)
    (tmp_path / "p.pdf").write_bytes(render_bytes(report, tmp_path / "weak.yaml", tagged=False))
    for number, page in enumerate(_pages(tmp_path / "p.pdf"), 1):
        assert "OFFICIAL-SENSITIVE" in page, f"page {number}"
