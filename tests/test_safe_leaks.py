"""Safe to publish: no record-level ids, local paths, user or host names anywhere in the PDF — raw bytes,
decompressed streams, XMP, document info, structure-tree /Alt and /ActualText — nor in the public JSON."""
from __future__ import annotations

import getpass
import socket
from pathlib import Path

import pikepdf
import pytest
from tiny_dataset import copy_tiny, read_rows, write_rows

from snareport.cli import main

MARKER = "ZQXmarkerPathQZX"


def _distinctive_ids(folder: Path) -> list[str]:
    """Rewrite offence and person ids into distinctive strings; return them."""
    offences, people = read_rows(folder, "offences"), read_rows(folder, "people")
    new_offence = {row[0]: f"OFFZQ{row[0]}X" for row in offences[1:]}
    new_person = {row[1]: f"PERZQ{row[1]}X" for row in people[1:]}
    write_rows(folder, "offences", [offences[0]] + [[new_offence[r[0]], *r[1:]] for r in offences[1:]])
    write_rows(folder, "people", [people[0]] + [[new_offence[r[0]], new_person[r[1]], *r[2:]] for r in people[1:]])
    return sorted(new_offence.values()) + sorted(new_person.values())


@pytest.fixture(scope="module", params=[("public", None), ("partners", None), ("public", "Westmoor")])
def built(request, tmp_path_factory):
    audience, district = request.param
    base = tmp_path_factory.mktemp("leaks") / MARKER / "input data"
    data = copy_tiny(base)
    ids = _distinctive_ids(data)
    out = tmp_path_factory.mktemp("out") / MARKER
    pdf, js = out / "report.pdf", out / "report.json"
    args = ["build", str(data), "-o", str(pdf), "--json", str(js), "--audience", audience]
    assert main(args + (["--district", district] if district else [])) == 0
    return pdf, js, ids, [str(base), str(out)]


def _needles(ids: list[str], paths: list[str]) -> list[str]:
    needles = [MARKER, *ids, *paths, "/tmp/", "/home/", "/root/", "/work/", "\\Users\\"]
    user, host = getpass.getuser(), socket.gethostname()
    if len(user) >= 5:
        needles.append(user)
    if len(host) >= 6:
        needles.append(host)
    return needles


def _all_pdf_texts(pdf: Path) -> list[bytes]:
    """Raw file bytes, every stream decompressed, XMP, document info and every string object."""
    out = [pdf.read_bytes()]
    with pikepdf.open(pdf) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    out.append(obj.read_bytes())
                except pikepdf.PdfError:
                    out.append(obj.read_raw_bytes())
            elif isinstance(obj, pikepdf.Dictionary):
                for key in ("/Alt", "/ActualText", "/T", "/E", "/Lang"):
                    if key in obj:
                        out.append(str(obj[key]).encode("utf-8"))
        out.append(repr(dict(doc.docinfo)).encode("utf-8"))
        with doc.open_metadata() as xmp:
            out.append(str(xmp).encode("utf-8"))
    return out


def test_pdf_carries_no_ids_paths_or_names(built):
    pdf, _, ids, paths = built
    blobs = _all_pdf_texts(pdf)
    assert len(blobs) > 10
    for needle in _needles(ids, paths):
        for variant in {needle.encode("utf-8"), needle.encode("utf-16-be")}:
            for blob in blobs:
                assert variant not in blob, f"{needle!r} found in the PDF"


def test_pdf_document_info_and_xmp_are_about_the_report(built):
    pdf = built[0]
    with pikepdf.open(pdf) as doc:
        info = {str(k): str(v) for k, v in doc.docinfo.items()}
        assert info.get("/Creator") == "snareport" and info.get("/Producer") == "snareport"
        assert "Strategic Needs Assessment" in info.get("/Title", "")


def test_json_carries_no_record_ids_or_paths(built):
    _, js, ids, paths = built
    text = js.read_text(encoding="utf-8")
    for needle in [MARKER, *ids, *paths]:
        assert needle not in text, needle
