"""Content placeholders ({district}, {area}, {edition}) and whom each content file speaks for.

Known answers on the minimal content fixture: substitution in a district report and the whole-area report,
hostile text (format-string tricks, Markdown and placeholders inside the substituted values), and unknown
placeholders reported as problems naming the file and the line.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from snareport.content.placeholders import check_placeholders, substitute
from snareport.content.scoping import area_label, scope_content
from snareport.loading.content import load_content

HERE = Path(__file__).parent
MINIMAL = HERE / "fixtures" / "content_min"
DISTRICTS = SimpleNamespace(districts=["North", "South Bank"])
VALUES = {"district": "North", "area": "Testshire", "edition": "2025/26"}


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "content"
    shutil.copytree(MINIMAL, target)
    return target


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_substitute_known_placeholders():
    assert substitute("Serious violence in {district}, part of {area}, {edition} edition.", VALUES) == \
        "Serious violence in North, part of Testshire, 2025/26 edition."


@pytest.mark.parametrize("text", [
    "{0}", "{}", "{ }", "{1, 2}", "a {", "} b", "{{", "}}", "%(district)s", "$district", "{ district}x{",
])
def test_other_braces_print_as_written(text):
    assert substitute(text, VALUES) == text


def test_escaped_placeholder_prints_literally():
    assert substitute("write {{district}} to get the name", VALUES) == "write {district} to get the name"


def test_values_are_plain_text_and_never_read_again():
    hostile = {"district": "{area} **bold** {0.__class__}", "area": "{district}", "edition": "%s"}
    assert substitute("{district} / {area} / {edition}", hostile) == "{area} **bold** {0.__class__} / {district} / %s"


def test_format_string_attacks_are_unknown_placeholders_not_evaluated():
    text = "a {district.__class__.__mro__} b\n{area!r}\n{edition:>40}\n{__import__}\n{district[0]}"
    problems = check_placeholders(text, "content/x.md")
    assert [(p.file, p.row) for p in problems] == [("content/x.md", n) for n in (1, 2, 3, 4, 5)]
    assert all("unknown placeholder" in p.found for p in problems)
    assert "{district}" in problems[0].expected
    # and substitution leaves them exactly as written (nothing is looked up)
    assert substitute(text, VALUES) == text


def test_unknown_placeholder_in_a_file_names_file_and_line(content_dir):
    write(content_dir / "recommendations.yaml",
          "# {comment} lines are not read\n- lead: Share data\n  text: Work with {distrct} partners.\n")
    content, districts, problems = load_content(content_dir, DISTRICTS)
    assert content is None
    assert [(p.file, p.row) for p in problems] == [("content/recommendations.yaml", 3)]
    assert "{distrct}" in problems[0].found


def test_yaml_flow_mappings_are_yaml_not_placeholders(content_dir):
    write(content_dir / "recommendations.yaml",
          "- {lead: Share data, text: \"Work with {district} partners.\"}\n"
          "- {lead: Listen, text: \"Ask {distrct} children.\"}\n")
    content, _, problems = load_content(content_dir, DISTRICTS)
    assert [(p.file, p.row, "{distrct}" in p.found) for p in problems] == [("content/recommendations.yaml", 2, True)]


def test_unknown_placeholder_in_a_block_scalar_names_its_own_line(content_dir):
    write(content_dir / "drugs_and_alcohol.yaml",
          "intro: |\n  First line for {district}.\n\n  Second paragraph with {place}.\n"
          "aim: >-\n  Folded text\n  that names {town}.\n"
          "outcomes_intro: Then\noutcomes:\n  - One\n")
    _, _, problems = load_content(content_dir, DISTRICTS)
    assert [(p.row, p.found.split()[-1]) for p in problems] == [(4, "{place}"), (7, "{town}")]


def test_unknown_placeholder_in_markdown_body_and_district_override(content_dir):
    write(content_dir / "districts" / "North" / "foreword.md",
          "---\ntitle: For {district}\nsignatory: A\nrole: B\n---\nLine one.\n\nIn {town} we act.\n")
    _, _, problems = load_content(content_dir, DISTRICTS)
    assert [(p.file, p.row) for p in problems] == [("content/districts/North/foreword.md", 8)]


def test_district_report_substitutes_and_marks_who_speaks(content_dir):
    write(content_dir / "districts" / "North" / "foreword.md",
          "---\ntitle: A foreword for {district}\nsignatory: A\nrole: B\n---\n"
          "{district} is one part of **{area}**; see [the {edition} plan](https://example.org/{district}).\n")
    write(content_dir / "aim_and_purpose.md", "Why we assess violence in {district}.\n")
    area, districts, problems = load_content(content_dir, DISTRICTS)
    assert problems == []
    north, speaks = scope_content(area, districts["North"], "North", "Testshire", "2025/26")
    assert north.foreword.title == "A foreword for North"
    runs = north.foreword.body.blocks[0].runs
    assert "".join(r.text for r in runs) == "North is one part of Testshire; see the 2025/26 plan."
    assert [r.text for r in runs if r.bold] == ["Testshire"]
    assert [r.link for r in runs if r.link] == ["https://example.org/{district}"]   # addresses left as written
    assert north.aim_and_purpose.body.plain_text() == "Why we assess violence in North."
    assert speaks["foreword"] == "district"           # the district's own file
    assert speaks["aim_and_purpose"] == "district"    # written for every scope ({district})
    assert speaks["board"] == speaks["recommendations"] == "area"
    # a district without overrides: only the {district} file speaks for it
    south, south_speaks = scope_content(area, districts["South Bank"], "South Bank", "Testshire", "2025/26")
    assert south.aim_and_purpose.body.plain_text() == "Why we assess violence in South Bank."
    assert south_speaks["foreword"] == "area" and south_speaks["aim_and_purpose"] == "district"
    # the whole-area report: {district} is the area, and every file speaks for the area
    whole, whole_speaks = scope_content(area, area, None, "Testshire", "2025/26")
    assert whole.aim_and_purpose.body.plain_text() == "Why we assess violence in Testshire."
    assert set(whole_speaks.values()) == {"area"}
    assert area_label("Testshire") == "Across Testshire"


def test_hostile_district_name_stays_plain_text(content_dir):
    write(content_dir / "aim_and_purpose.md", "Violence in {district}.\n")
    area, districts, _ = load_content(content_dir, DISTRICTS)
    hostile = "*Evil* <b>{area}</b> [x](javascript:alert(1))"
    scoped, _ = scope_content(area, districts["North"], hostile, "Testshire", "2025/26")
    runs = scoped.aim_and_purpose.body.blocks[0].runs
    assert len(runs) == 1 and not runs[0].bold and not runs[0].italic and runs[0].link is None
    assert runs[0].text == f"Violence in {hostile}."
