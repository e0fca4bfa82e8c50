"""The safe Markdown subset: known answers, literal hostile text, and properties over random text."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from snareport.content.markdown import BulletList, NumberedList, Paragraph, RichText, Run, parse_markdown


def runs_of(text: str) -> list[tuple[str, bool, bool, str | None]]:
    (block,) = parse_markdown(text).blocks
    assert isinstance(block, Paragraph)
    return [(r.text, r.bold, r.italic, r.link) for r in block.runs]


def test_bold_and_italic():
    assert runs_of("a **b** *c* d") == [
        ("a ", False, False, None), ("b", True, False, None), (" ", False, False, None),
        ("c", False, True, None), (" d", False, False, None)]


def test_italic_around_bold_nests():
    assert runs_of("*a **b** c*") == [("a ", False, True, None), ("b", True, True, None), (" c", False, True, None)]


def test_triple_star_is_bold_italic():
    assert runs_of("***x***") == [("x", True, True, None)]


def test_links_with_allowed_schemes():
    assert runs_of("see [the **toolkit**](https://example.org/a_(b)) now") == [
        ("see ", False, False, None), ("the ", False, False, "https://example.org/a_(b)"),
        ("toolkit", True, False, "https://example.org/a_(b)"), (" now", False, False, None)]
    assert runs_of("[mail us](mailto:vru@example.org)") == [("mail us", False, False, "mailto:vru@example.org")]


def test_links_with_other_schemes_stay_literal():
    for text in ["[x](javascript:alert(1))", "[x](file:///etc/passwd)", "[x](relative/page)", "[x](http://a b)",
                 "[x](http://example.org)", "[x](JAVASCRIPT:alert(1))", "[x](<javascript:alert(1)>)",
                 "[x]( javascript:alert(1) )", "[x](java&#115;cript:alert(1))", "[x](data:text/html,hi)",
                 "[x](vbscript:msgbox)", "[x](//evil.example/page)", "[](https://example.org)"]:
        assert runs_of(text) == [(text, False, False, None)]


def test_raw_html_is_text():
    for text in ["<script>alert(1)</script>", '<img src="x" onerror="alert(1)">', "<b>bold?</b> <i>no</i>",
                 '<a href="javascript:alert(1)">x</a>', "<!-- a comment -->", "<![CDATA[x]]>",
                 "&lt;script&gt; &amp; &#60;", "<javascript:alert(1)> <https://example.org>"]:
        assert runs_of(text) == [(text, False, False, None)], text
    rich = parse_markdown("<div>\n\n*inside*\n\n</div>")
    assert rich.plain_text() == "<div>\n\ninside\n\n</div>"


def test_images_are_never_images():
    # the "!" stays as text; what follows is an ordinary link when its address is allowed, else text
    assert runs_of("![a chart](https://example.org/x.png)") == [
        ("!", False, False, None), ("a chart", False, False, "https://example.org/x.png")]
    assert runs_of("![x](javascript:alert(1))") == [("![x](javascript:alert(1))", False, False, None)]
    assert runs_of("![x](file:///etc/passwd)") == [("![x](file:///etc/passwd)", False, False, None)]


def test_reference_links_and_autolinks_are_text():
    assert parse_markdown("[a]: javascript:alert(1)\n\n[a]").plain_text() == "[a]: javascript:alert(1)\n\n[a]"
    assert parse_markdown("[a]: https://example.org\n\n[a]").plain_text() == "[a]: https://example.org\n\n[a]"


def test_link_addresses_are_kept_as_written():
    assert runs_of("[ü](https://example.org/ü?a=1&b={x})") == [("ü", False, False, "https://example.org/ü?a=1&b={x}")]


def test_lists_nested_past_the_parsers_limit_keep_their_text():
    rich = parse_markdown("- " * 60 + "deep\n\nafter")
    assert rich.plain_text().endswith("deep\n\nafter")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]()<>!:/*_-\\ \nabjvascriptmailohs")), max_size=120))
def test_every_link_is_https_or_mailto(text):
    for block in parse_markdown(text).blocks:
        items = [block.runs] if isinstance(block, Paragraph) else block.items
        for runs in items:
            assert all(r.link is None or r.link.lower().startswith(("https://", "mailto:")) for r in runs), runs


def test_hostile_text_is_kept_literally():
    text = 'Odd text: 5 < 6 & 7 > 3 <b>unclosed <font name="x"> **half bold'
    assert runs_of(text) == [(text, False, False, None)]
    assert parse_markdown(text).plain_text() == text


def test_unmatched_and_spaced_stars_stay_literal():
    assert runs_of("a * b * c") == [("a * b * c", False, False, None)]
    assert runs_of("**open") == [("**open", False, False, None)]
    assert runs_of("5 ** 2 is 25") == [("5 ** 2 is 25", False, False, None)]


def test_backslash_escapes_punctuation_only():
    assert runs_of(r"\*not italic\* and C:\Users") == [(r"*not italic* and C:\Users", False, False, None)]


def test_paragraphs_join_lines_and_split_on_blank_lines():
    rich = parse_markdown("one\ntwo  \n\n\n  three\r\n")
    assert [b.plain_text() for b in rich.blocks] == ["one two", "three"]
    assert all(isinstance(b, Paragraph) for b in rich.blocks)


def test_bullet_list_with_continuation_line():
    rich = parse_markdown("Intro:\n- first **item**\n  continues\n- second\n\nAfter.")
    assert [type(b) for b in rich.blocks] == [Paragraph, BulletList, Paragraph]
    items = rich.blocks[1].items
    assert ["".join(r.text for r in item) for item in items] == ["first item continues", "second"]
    assert items[0][1] == Run(text="item", bold=True)


def test_numbered_list_keeps_its_start():
    rich = parse_markdown("3. three\n4. four")
    (block,) = rich.blocks
    assert isinstance(block, NumberedList) and block.start == 3
    assert rich.plain_text() == "3. three\n4. four"
    # CommonMark: a change of delimiter ("." to ")") starts a new list
    assert [b.start for b in parse_markdown("3. three\n4) four").blocks] == [3, 4]


def test_a_nested_list_adds_its_items_to_the_outer_list():
    (block,) = parse_markdown("- a\n  - b\n- c").blocks
    assert isinstance(block, BulletList)
    assert ["".join(r.text for r in item) for item in block.items] == ["a", "b", "c"]


def test_a_year_inside_a_paragraph_is_not_a_list():
    rich = parse_markdown("The report for\n2019. was the first")
    assert [type(b) for b in rich.blocks] == [Paragraph]


def test_headings_and_html_are_text():
    assert parse_markdown("# Title\n<script>x</script>").plain_text() == "# Title <script>x</script>"


def test_empty_text_has_no_blocks():
    assert parse_markdown("") == RichText()
    assert not parse_markdown(" \n\n ")


def test_ast_round_trips_through_json():
    rich = parse_markdown("a **b**\n\n- c [d](https://e.org)\n\n1. f")
    assert RichText.model_validate_json(rich.model_dump_json()) == rich


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    rich = parse_markdown(text)
    RichText.model_validate_json(rich.model_dump_json())


_SYNTAX = set("*_[]()\\-+.0123456789")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="["), max_size=200))
def test_no_character_is_dropped(text):
    """Apart from Markdown syntax and whitespace, every character survives, in order (no links here).

    A NUL cannot be drawn, so the parser turns it into U+FFFD rather than dropping it.
    """
    keep = lambda s: [c for c in s if c not in _SYNTAX and not c.isspace()]  # noqa: E731
    assert keep(parse_markdown(text).plain_text()) == keep(text.replace("\x00", "\ufffd"))


_words = st.text(alphabet=st.sampled_from("abcXYZ<>&'\"!?,;:éß£—"), min_size=1, max_size=8)
_line = st.lists(_words, min_size=1, max_size=6).map(" ".join)
_paragraph = st.lists(_line, min_size=1, max_size=3)


@settings(max_examples=200, deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=4))
def test_plain_text_round_trips(paragraphs):
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    expected = "\n\n".join(" ".join(lines) for lines in paragraphs)
    assert parse_markdown(text).plain_text() == expected
    assert parse_markdown(expected).plain_text() == expected


def test_plain_text_marks_list_items():
    assert parse_markdown("- a\n- b").plain_text() == "- a\n- b"
    assert re.fullmatch(r"1\. x", parse_markdown("1. x").plain_text())


def test_runs_of_stars_and_brackets_stay_literal():
    for text in ["*" * 3000, "[" * 3000, "[a](" * 500, "****"]:
        assert parse_markdown(text).plain_text() == text
