"""Layout → blocks: the story is frozen data, made without reportlab or matplotlib, and says what the pages
print (headings, runs, tables, the charts asked for with their figures)."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_support import tiny_report

from snareport.layout import blocks as b
from snareport.layout import knives
from snareport.layout.builder import BlockBuilder
from snareport.layout.story import build_story
from snareport.theme import load_theme


def _walk(blocks):
    for block in blocks:
        yield block
        for name in ("blocks", "left", "right"):
            yield from _walk(getattr(block, name, ()))


@pytest.fixture(scope="module")
def story():
    return build_story(tiny_report(), BlockBuilder(load_theme("kent_medway")))


def test_the_story_is_blocks_and_every_block_is_frozen(story):
    every = list(_walk(story))
    assert len(every) > 100 and all(isinstance(x, b.Block) for x in every)
    heading = next(x for x in every if isinstance(x, b.Heading))
    with pytest.raises(dataclasses.FrozenInstanceError):
        heading.text = "changed"


def test_chapters_start_on_a_page_of_their_own_and_the_contents_lists_them(story):
    contents = next(x for x in story if isinstance(x, b.Contents))
    chapters = [x for x in story if isinstance(x, b.Heading) and x.key is not None and x.outline_level == 0]
    assert [key for key, _, level in contents.entries if level == 0] == [h.key for h in chapters if h.key != "contents"]
    for heading in chapters[1:]:
        before = story[story.index(heading) - 1]
        assert isinstance(before, b.PageBreak) and before.template in {"inner", "columns"}


def test_the_knife_age_chart_is_asked_for_with_the_models_figures():
    report = tiny_report()
    k = report.knives
    out = knives.build(report, BlockBuilder(load_theme("kent_medway")))
    figures = [x for x in out if isinstance(x, b.Figure)]
    assert [f.chart for f in figures] == ["age_distribution.age_distribution_chart"]
    args = figures[0].arguments()
    assert figures[0].args[0] == {a.age: a.count for a in k.age_distribution}
    assert args["subject"] == "people involved in knife-enabled offences"
    width = BlockBuilder(load_theme("kent_medway")).frame_width
    assert args["style"] == b.ChartSize(width, 225.0) and args["height"] == pytest.approx(225 * 0.56)
    assert (args["peak_ages"], args["next_ages"]) == (k.peak_ages, k.next_ages)   # the ages it names are the model's


def test_a_table_with_a_withheld_value_carries_the_key_beneath_it():
    builder = BlockBuilder(load_theme("kent_medway"))
    out = builder.table(["District", "Offences"], [["Ashford", "[c]"], ["Dover", "12"]], caption="Offences")
    assert [type(x).__name__ for x in out] == ["Caption", "Table", "Paragraph"]
    assert out[1].numeric == (False, True) and out[1].widths == (0.4, 0.6)
    assert out[2].style == "note" and "[c]" in out[2].runs[0]


def test_laying_out_imports_no_drawing_library():
    code = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from pdf_support import tiny_report\n"
        "from snareport.layout.builder import BlockBuilder\n"
        "from snareport.layout.story import build_story\n"
        "from snareport.theme import load_theme\n"
        "build_story(tiny_report(), BlockBuilder(load_theme('kent_medway')))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'reportlab', 'matplotlib', 'pikepdf'}"
        " or m.startswith(('snareport.render', 'snareport.charts'))))\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _pages_of_table_and_source(space: float, keep_rows: int, monkeypatch) -> tuple[list[int], list[int]]:
    """A table of eight rows and its source line laid out below ``space`` points of blank: the pages its
    last row and its source line land on."""
    import io

    from pypdf import PdfReader
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from snareport.layout import builder as builder_module
    from snareport.render.flowables import FlowableMaker

    monkeypatch.setattr(builder_module, "KEEP_WHOLE_ROWS", keep_rows)
    theme = load_theme("kent_medway")
    blocks = BlockBuilder(theme).table(["Group", "Count"], [[f"Group {i}", str(i)] for i in range(8)],
                                       caption="Eight groups", source="Source: Zebra Survey")
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Spacer(1, space), *FlowableMaker(theme).flowables(blocks)])
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(buffer.getvalue())).pages]
    return ([i for i, t in enumerate(pages) if "Group 7" in t], [i for i, t in enumerate(pages) if "Zebra" in t])


def test_a_short_tables_source_line_is_never_left_alone_at_the_top_of_a_page(monkeypatch):
    for space in range(400, 684, 4):      # wherever the page ends, the source stays with the table's last row
        last_row, source = _pages_of_table_and_source(space, 15, monkeypatch)
        assert last_row == source, f"{space} pt above: last row on page {last_row}, source on page {source}"


def test_without_keeping_a_source_line_can_be_left_alone(monkeypatch):
    """The test above can fail: with nothing kept, some page end parts a table from its source line."""
    parted = [s for s in range(400, 684, 4) if len(set(sum(_pages_of_table_and_source(s, 0, monkeypatch), []))) > 1]
    assert parted
