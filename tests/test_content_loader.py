"""The content loader: known answers on the minimal fixture, every kind of problem, and the sample content."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from snareport.content.markdown import BulletList
from snareport.content.models import Content
from snareport.errors import Problem
from snareport.loading.content import SECTION_FILES, load_content

HERE = Path(__file__).parent
MINIMAL = HERE / "fixtures" / "content_min"
SAMPLE = HERE.parent / "sample_data"
DISTRICTS = SimpleNamespace(districts=["North", "South Bank"])


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "content"
    shutil.copytree(MINIMAL, target)
    return target


def load(folder: Path, config=DISTRICTS):
    return load_content(folder, config)


def only_problem(folder: Path, config=DISTRICTS) -> Problem:
    content, districts, problems = load(folder, config)
    assert content is None and districts == {}
    assert len(problems) == 1, problems
    return problems[0]


def test_minimal_content_known_answers(content_dir):
    content, districts, problems = load(content_dir)
    assert problems == []
    assert content.foreword.title == "A short foreword"
    assert content.foreword.signatory == "Sam Example"
    assert [p.plain_text() for p in content.foreword.body.paragraphs] == [
        "This is the foreword for a tiny test area.", "It has a second paragraph."]
    assert content.foreword.body.blocks[0].runs[1].bold
    assert [r.lead for r in content.recommendations] == ["Share data", "Listen to children"]
    assert content.definition.definition == "Violence that causes or threatens serious harm."
    assert content.definition.intro.plain_text() == "The Board agreed this definition."
    assert content.board.members[1].roles == ["Director of Public Health", "Head of Community Safety"]
    assert [lvl.label for lvl in content.public_health.factors.levels()] == [
        "Individual", "Relationships and family", "Community and society"]
    assert content.county_facts.education == ["3 primary schools"]
    assert [e.term for e in content.glossary_sorted()] == ["CSP", "VRU"]
    assert content.partners == ["Test Police", "Test Council"]
    assert content.achievements == [] and not content.methodology  # optional files absent
    assert districts == {"North": content, "South Bank": content}


def test_district_override_replaces_the_county_file(content_dir):
    override = content_dir / "districts" / "South Bank"
    override.mkdir(parents=True)
    (override / "foreword.md").write_text(
        "---\ntitle: Local foreword\nsignatory: Alex Local\nrole: CSP chair\n---\n- one\n- two\n", "utf-8")
    content, districts, problems = load(content_dir)
    assert problems == []
    assert content.foreword.signatory == "Sam Example"
    south = districts["South Bank"]
    assert south.foreword.signatory == "Alex Local"
    assert isinstance(south.foreword.body.blocks[0], BulletList)
    assert south.glossary == content.glossary
    assert districts["North"] is content


def test_yml_extension_is_accepted(content_dir):
    (content_dir / "partners.yaml").rename(content_dir / "partners.yml")
    content, _, problems = load(content_dir)
    assert problems == [] and content.partners == ["Test Police", "Test Council"]


def test_malformed_yaml_names_file_and_line(content_dir):
    (content_dir / "board.yaml").write_text("intro: fine\nmembers:\n  - organisation: [unclosed\n", "utf-8")
    problem = only_problem(content_dir)
    assert problem.file == "content/board.yaml"
    assert problem.row is not None and problem.row >= 3
    assert "malformed YAML" in problem.found


def test_malformed_front_matter_line_counts_from_the_file_top(content_dir):
    (content_dir / "foreword.md").write_text("---\ntitle: ok\nsignatory: : :\n  bad: [\n---\nBody\n", "utf-8")
    problem = only_problem(content_dir)
    assert problem.file == "content/foreword.md" and problem.row in (3, 4, 5)


def test_unclosed_front_matter(content_dir):
    (content_dir / "foreword.md").write_text("---\ntitle: x\nBody never starts\n", "utf-8")
    problem = only_problem(content_dir)
    assert (problem.file, problem.row) == ("content/foreword.md", 1)
    assert "never closed" in problem.found


def test_missing_required_file(content_dir):
    (content_dir / "glossary.yaml").unlink()
    problem = only_problem(content_dir)
    assert (problem.file, problem.row, problem.column) == ("content/glossary.yaml", None, None)
    assert problem.found == "no such file"
    assert "term" in problem.expected


def test_missing_field_in_front_matter(content_dir):
    (content_dir / "foreword.md").write_text("---\ntitle: A title\nrole: Chair\n---\nBody\n", "utf-8")
    problem = only_problem(content_dir)
    assert (problem.file, problem.column) == ("content/foreword.md", "signatory")
    assert problem.row == 2
    assert "signatory" in problem.expected


def test_missing_nested_field_names_item_and_line(content_dir):
    (content_dir / "board.yaml").write_text(
        "intro: x\nmembers:\n  - organisation: A\n    roles: [r]\n  - roles: [s]\n", "utf-8")
    problem = only_problem(content_dir)
    assert (problem.file, problem.row, problem.column) == ("content/board.yaml", 5, "members.2.organisation")


def test_wrong_type_and_unknown_field(content_dir):
    (content_dir / "county_facts.yaml").write_text(
        "education: [a]\nhealth: []\nprisons: [c]\nhospitals: [d]\n", "utf-8")
    _, _, problems = load(content_dir)
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("content/county_facts.yaml", 2, "health"), ("content/county_facts.yaml", 4, "hospitals")]
    assert problems[0].found == "an empty list"
    assert "unknown field" in problems[1].found


def test_list_file_item_problem(content_dir):
    (content_dir / "glossary.yaml").write_text("- term: A\n  definition: a\n- term: B\n", "utf-8")
    problem = only_problem(content_dir)
    assert (problem.file, problem.row, problem.column) == ("content/glossary.yaml", 3, "2.definition")


def test_repeated_glossary_term(content_dir):
    (content_dir / "glossary.yaml").write_text(
        "- term: VRU\n  definition: a\n- term: vru\n  definition: b\n", "utf-8")
    problem = only_problem(content_dir)
    assert problem.file == "content/glossary.yaml" and "repeats" in problem.expected


def test_duplicate_yaml_key(content_dir):
    (content_dir / "partners.yaml").write_text("- a\n", "utf-8")
    (content_dir / "childrens_voices.yaml").write_text(
        "intro: a\nintro: b\nkey_findings: [x]\n", "utf-8")
    problem = only_problem(content_dir)
    assert (problem.file, problem.row, problem.column) == ("content/childrens_voices.yaml", 2, "intro")


def test_the_old_name_of_the_population_intro_is_read_with_a_warning(content_dir):
    (content_dir / "section_intros.yaml").write_text("knives: k\ncounty_profile: Who lives here.\n", "utf-8")
    with pytest.warns(FutureWarning, match=r"content/section_intros.yaml, line 2: 'county_profile' is now called "
                                           r"'population'"):
        content, _, problems = load(content_dir)
    assert problems == []
    assert content.section_intros.population.plain_text() == "Who lives here."


def test_old_and_new_name_of_one_key_together_is_a_problem(content_dir):
    (content_dir / "section_intros.yaml").write_text("population: a\ncounty_profile: b\n", "utf-8")
    problem = only_problem(content_dir)
    assert (problem.file, problem.row, problem.column) == ("content/section_intros.yaml", 2, "county_profile")
    assert problem.expected == "only 'population' (its new name)"


def test_unknown_district_override(content_dir):
    (content_dir / "districts" / "Atlantis").mkdir(parents=True)
    (content_dir / "districts" / "Atlantis" / "foreword.md").write_text("x", "utf-8")
    problem = only_problem(content_dir)
    assert problem.file == "content/districts/Atlantis"
    assert "Atlantis" in problem.found and "North" in problem.expected


def test_invalid_override_is_reported_against_the_override_file_only(content_dir):
    folder = content_dir / "districts" / "North"
    folder.mkdir(parents=True)
    (folder / "foreword.md").write_text("---\ntitle: t\nsignatory: s\n---\nBody\n", "utf-8")
    problem = only_problem(content_dir)
    assert (problem.file, problem.column) == ("content/districts/North/foreword.md", "role")


def test_unknown_content_file(content_dir):
    (content_dir / "forword.md").write_text("typo", "utf-8")
    (content_dir / "README.md").write_text("notes for editors are ignored", "utf-8")
    problem = only_problem(content_dir)
    assert problem.file == "content/forword.md" and "foreword.md" in problem.expected


def test_text_that_is_not_utf8(content_dir):
    (content_dir / "aim_and_purpose.md").write_bytes(b"caf\xe9\n")
    problem = only_problem(content_dir)
    assert problem.file == "content/aim_and_purpose.md" and "UTF-8" in problem.expected


def test_hostile_text_in_content_is_text(content_dir):
    hostile = 'Odd text: 5 < 6 & 7 > 3 <b>unclosed <font name="x"> **half bold'
    path = content_dir / "aim_and_purpose.md"
    path.write_text(path.read_text("utf-8") + "\n\n" + hostile + "\n", "utf-8")
    content, _, problems = load(content_dir)
    assert problems == []
    assert content.aim_and_purpose.body.paragraphs[-1].plain_text() == hostile


def test_no_content_folder(tmp_path):
    problem = only_problem(tmp_path / "content")
    assert problem.file == "content" and problem.found == "no content folder"


def test_every_section_file_names_a_content_field():
    assert {s.field for s in SECTION_FILES} == set(Content.model_fields)


def test_content_json_round_trip(content_dir):
    content, _, _ = load(content_dir)
    assert Content.model_validate_json(content.model_dump_json()) == content


@pytest.mark.skipif(not (SAMPLE / "report.yaml").exists(), reason="sample_data/ is not in this checkout")
def test_sample_content_loads_for_every_district():
    import yaml

    from snareport.config import ReportConfig

    config = ReportConfig.model_validate(yaml.safe_load((SAMPLE / "report.yaml").read_text("utf-8")))
    content, districts, problems = load_content(SAMPLE / "content", config)
    assert problems == []
    assert len(content.recommendations) == 11
    assert len(content.glossary) >= 28
    assert set(districts) == set(config.districts)
    assert districts["Thanet"].foreword.role != content.foreword.role
    assert "CSP" in districts["Thanet"].foreword.role
    assert districts["Medway"].foreword.title != content.foreword.title      # Medway's own foreword
    assert districts["Sevenoaks"].county_facts != content.county_facts
    assert districts["Ashford"] is content                                  # no overrides: the county's
    assert content.childrens_voices.paraphrased and not content.childrens_voices.quotes
    assert "our own words" in content.childrens_voices.paraphrased_note


def test_file_of_the_wrong_shape(content_dir):
    (content_dir / "board.yaml").write_text("- just\n- a list\n", "utf-8")
    (content_dir / "glossary.yaml").write_text("", "utf-8")
    _, _, problems = load(content_dir)
    assert [(p.file, p.found) for p in problems] == [
        ("content/board.yaml", "a list of 2 items"), ("content/glossary.yaml", "an empty file")]
    assert "members" in problems[0].expected and "term" in problems[1].expected
