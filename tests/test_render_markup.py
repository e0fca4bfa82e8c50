"""User text → paragraph markup: every character prints literally, links keep their address, and escaping
costs no network modules (xml.sax.saxutils would import urllib.request, http.client and ssl)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from snareport.content.markdown import Run
from snareport.render.markup import quoteattr, runs_markup, text


def test_text_escapes_the_three_markup_characters_and_nothing_else():
    assert text("Crime & disorder <2024> \"quoted\" 'single'") == \
        "Crime &amp; disorder &lt;2024&gt; \"quoted\" 'single'"
    assert text(None) == ""
    assert text(12.5) == "12.5"


def test_a_link_address_is_quoted_as_an_xml_attribute():
    assert quoteattr("https://example.org/?a=1&b=2") == '"https://example.org/?a=1&amp;b=2"'
    assert quoteattr('say "hi"') == "'say \"hi\"'"
    assert quoteattr("it's \"x\"") == '"it\'s &quot;x&quot;"'
    assert quoteattr("a\tb\nc\rd") == '"a&#9;b&#10;c&#13;d"'


def test_runs_become_bold_italic_and_linked_markup():
    runs = ["Rates < 5 ", Run(text="fell", bold=True), " in ", Run(text="Kent & Medway", link="https://a.b/?x&y")]
    assert runs_markup(runs) == ('Rates &lt; 5 <b>fell</b> in '
                                 '<a href="https://a.b/?x&amp;y" underline="1">Kent &amp; Medway</a>')


def test_escaping_imports_no_network_modules():
    code = ("import sys, snareport.render.markup, snareport.render.tagging.xmp; "
            "print(sorted(m for m in ('urllib.request', 'http.client', 'xml.sax') if m in sys.modules))")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
