"""The produced PDF, opened with pypdf: pages, sections, contents links, outline, metadata, fonts, figures,
reproducibility, escaping of hostile text, atomic writes and district variants."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pdf_support import page_texts, reader, tiny_pdf, tiny_report

from snareport import formatting as fmt
from snareport.errors import DataError
from snareport.layout.story import contents_entries
from snareport.render import render_bytes, render_pdf

SECTION_TITLES = ["Contents", "Foreword", "Achievements", "Key recommendations", "Serious violence definition",
                  "What is a public health approach?", "Demographics of the county", "Demographics", "Knives and weapons",
                  "Sexual violence", "Drugs and alcohol", "Children's voices", "What works", "Youth Endowment Fund",
                  "Methodology and data notes", "Glossary"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_page_count_in_range():
    assert 16 <= len(reader(tiny_pdf()).pages) <= 40


def test_every_section_title_is_printed():
    text = _flat(" ".join(page_texts(tiny_pdf())))
    missing = [t for t in SECTION_TITLES if t not in text]
    assert not missing


def test_contents_links_go_to_the_page_with_the_heading():
    r = reader(tiny_pdf())
    texts = page_texts(tiny_pdf())
    entries = contents_entries(tiny_report())
    links = [a.get_object() for a in r.pages[1].get("/Annots") or []]
    links = [a for a in links if a.get("/Subtype") == "/Link" and "/Dest" in a]
    assert len(links) == len(entries)
    # rows are drawn top to bottom in reading order: chapters, each followed by its sections
    links.sort(key=lambda a: -float(a["/Rect"][3]))
    for link, (_, title, _level) in zip(links, entries):
        page_index = r.get_page_number(link["/Dest"][0].get_object())
        assert title in _flat(texts[page_index]), title
        assert f"Page {page_index + 1} of" in texts[page_index]
        # the printed page number in the contents row is the same page
        lines = [line.strip() for line in texts[1].splitlines()]
        assert lines[lines.index(title) + 1] == str(page_index + 1), title


def test_outline_mirrors_the_contents():
    r = reader(tiny_pdf())
    def flat(entries):
        for e in entries:
            yield from (flat(e) if isinstance(e, list) else [e])

    top = [o.title for o in r.outline if not isinstance(o, list)]
    entries = contents_entries(tiny_report())
    assert top == ["Contents"] + [t for _, t, level in entries if level == 0]
    assert [o.title for o in flat(r.outline)] == ["Contents"] + [t for _, t, _ in entries]
    texts = page_texts(tiny_pdf())
    for entry in flat(r.outline):
        assert entry.title in _flat(texts[r.get_destination_page_number(entry)])


def test_metadata_language_and_title_display():
    r = reader(tiny_pdf())
    m = tiny_report().metadata
    assert r.metadata["/Title"] == f"{m.title} {m.edition}: {m.scope_label}, public edition"
    assert r.metadata["/Author"] == m.partnership
    assert r.metadata["/Subject"] and r.metadata["/Keywords"]
    assert r.metadata["/Creator"] == r.metadata["/Producer"] == "snareport"
    assert r.metadata["/CreationDate"].startswith("D:20251128")
    root = r.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True


def test_fonts_are_embedded_and_never_helvetica():
    data = tiny_pdf()
    assert b"Helvetica" not in data and b"Times-Roman" not in data
    r = reader(data)
    names = set()
    for page in r.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            assert desc is not None and "/FontFile2" in desc.get_object(), font["/BaseFont"]
    assert names and all("Lato" in n for n in names)


def test_key_figures_come_from_the_model():
    report = tiny_report()
    text = _flat(" ".join(page_texts(tiny_pdf())))
    assert fmt.count(report.population.population_total) in text
    for d in report.population.districts:
        assert f"{d.district} {d.authority} {fmt.count(d.population)} {fmt.share(d.share)}" in text
    for f in report.achievements.fallen_types:
        assert f.label in text


def test_two_builds_are_byte_identical():
    report = tiny_report()
    assert render_bytes(report, tagged=False) == render_bytes(report, tagged=False)


def test_drawing_holds_the_collector_back_and_collects_once_with_the_existing_objects_set_aside():
    import gc

    report = tiny_report()
    seen: list[tuple[int, int]] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append((info["generation"], gc.get_freeze_count()))

    gc.collect()
    before, thresholds = gc.get_freeze_count(), gc.get_threshold()
    gc.callbacks.append(note)
    try:
        plain = render_bytes(report, tagged=False)
    finally:
        gc.callbacks.remove(note)
    assert gc.get_freeze_count() == before == 0 and gc.get_threshold() == thresholds and gc.isenabled()  # put back
    assert len(seen) == 1 and seen[0][0] == 0                       # one young collection, when drawing ends
    assert seen[0][1] > len(gc.get_objects()) // 2                 # with what existed before frozen
    gc.freeze()                                                      # a caller that froze objects of its own
    try:
        frozen = gc.get_freeze_count()
        assert render_bytes(report, tagged=False) == plain
        assert gc.get_freeze_count() <= frozen      # nothing more frozen (frozen objects freed by refcount leave)
    finally:
        gc.unfreeze()
    gc.disable()                                                     # a caller that switched the collector off
    try:
        seen.clear()
        gc.callbacks.append(note)
        assert render_bytes(report, tagged=False) == plain
        assert seen == [] and not gc.isenabled()
    finally:
        gc.callbacks.remove(note)
        gc.enable()


def test_no_local_paths_or_user_names_in_the_pdf():
    data = tiny_pdf()
    for needle in (b"/work/", b"/home/", b"/root", b"/tmp/", os.getcwd().encode()):
        assert needle not in data


def test_hostile_content_text_prints_literally():
    report = tiny_report()
    from snareport.content.markdown import parse_markdown

    hostile = "Odd text: 5 < 6 & 7 > 3 <b>unclosed <font name=\"x\"> **half bold"
    foreword = report.content.foreword.model_copy(update={"body": parse_markdown(hostile)})
    content = report.content.model_copy(update={"foreword": foreword})
    data = render_bytes(report.model_copy(update={"content": content}), tagged=False)
    text = _flat(" ".join(page_texts(data)))
    assert "5 < 6 & 7 > 3 <b>unclosed <font name=\"x\"> **half bold" in text


def test_failed_render_leaves_the_previous_pdf_and_no_temp_files(tmp_path: Path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(DataError):
        render_pdf(tiny_report(), target, layout="no_such_layout")
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_render_pdf_writes_atomically(tmp_path: Path):
    target = tmp_path / "nested" / "sna.pdf"
    assert render_pdf(tiny_report(), target, tagged=False) == target
    assert target.read_bytes() == tiny_pdf()
    assert sorted(p.name for p in target.parent.iterdir()) == ["sna.pdf"]


def test_district_variant_names_the_district_on_cover_and_headers():
    report = tiny_report()
    district = report.population.districts[0].district
    data = tiny_pdf(district)
    texts = page_texts(data)
    assert district in texts[0]
    assert all(district in t for t in texts[1:-1])
    assert f": {district}, public edition" in reader(data).metadata["/Title"]


def test_default_layout_renders_too():
    assert reader(tiny_pdf(layout="default")).pages


def test_unavailable_section_is_left_out_and_listed_once_in_the_not_available_table():
    report = tiny_report()
    knives = report.knives.model_copy(update={"available": False, "unavailable_reason": "no knife flag"})
    data = render_bytes(report.model_copy(update={"knives": knives}), tagged=False)
    contents = page_texts(data)[1]
    assert "Knives and weapons" not in contents and "Not available from this source" in contents
    text = _flat(" ".join(page_texts(data)))
    assert "Knives and weapons No knife flag" in text
    assert text.count("Knives and weapons") == 1


def test_tagged_builds_are_byte_identical_too():
    """The product's default path (with the tagging layer) is as reproducible as the layout alone."""
    report = tiny_report()
    assert render_bytes(report) == render_bytes(report)


def test_print_bleed_keeps_an_a4_trim_box(tmp_path: Path):
    from snareport.theme import LAYOUTS_DIR

    theme = tmp_path / "bleed.yaml"
    theme.write_text((LAYOUTS_DIR / "kent_medway.yaml").read_text().replace("bleed_mm: 0", "bleed_mm: 3"))
    page = reader(render_bytes(tiny_report(), theme, tagged=False)).pages[3]
    trim = [float(v) for v in page.trimbox]
    assert trim[2] - trim[0] == pytest.approx(595.28, abs=0.05)
    assert trim[3] - trim[1] == pytest.approx(841.89, abs=0.05)
    assert float(page.mediabox[2]) == pytest.approx(595.28 + 2 * 3 * 72 / 25.4, abs=0.05)


def test_written_pdf_has_ordinary_permissions(tmp_path: Path):
    target = tmp_path / "sna.pdf"
    render_pdf(tiny_report(), target, tagged=False)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


SAMPLE = Path(__file__).parent.parent / "sample_data"


@pytest.mark.skipif(not (SAMPLE / "offences.parquet").exists() and not (SAMPLE / "offences.csv").exists(),
                    reason="the sample dataset has not been generated")
def test_sample_report_prints_the_published_headline_figures():
    import snareport

    report = snareport.build_report(snareport.load_dataset(SAMPLE))
    text = _flat(" ".join(page_texts(render_bytes(report, tagged=False))))
    for figure in ["\u221222.9%", "\u22124.5%", "\u00a33,744,000", "\u00a31,570,000", "\u00a35,314,000", "1,855,800", "\u00a3576,000",
                   "20.4%", "2.00 \u2192 1.67", "82.0%"]:
        assert figure in text, figure


def test_every_district_variant_renders():
    report = tiny_report()
    for district in [d.district for d in report.population.districts]:
        data = tiny_pdf(district)
        assert district in page_texts(data)[0]


def test_a_process_that_froze_for_good_is_not_asked_how_much_it_froze(monkeypatch):
    """Counting the frozen objects walks them all (~15 ms in a drawing worker): drawing in a process that froze
    its long-lived objects with `freeze_for_good` (a command, a worker) never counts them, and leaves them frozen."""
    import gc

    from snareport import collector

    report = tiny_report()
    plain = render_bytes(report, tagged=False)
    counted: list[int] = []
    real_count = gc.get_freeze_count
    monkeypatch.setattr(collector.gc, "get_freeze_count", lambda: counted.append(1) or real_count())
    collector.freeze_for_good()
    frozen = real_count()
    assert render_bytes(report, tagged=False) == plain
    assert counted == [] and real_count() <= frozen and real_count() > 0   # not counted, still frozen
