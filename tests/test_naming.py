"""File names from editions and places: words joined by single hyphens, whatever punctuation separates them."""
from __future__ import annotations

import pytest

from snareport.naming import report_filename, slugify


@pytest.mark.parametrize("text, slug", [
    ("Folkestone and Hythe", "folkestone-and-hythe"),
    ("2025/26", "2025-26"),
    ("Jan\u2013Apr 2025", "jan-apr-2025"),          # en dash between words
    ("Jan \u2014 Apr 2025", "jan-apr-2025"),        # em dash with spaces
    ("Kent\u00a0&\u00a0Medway", "kent-medway"),     # non-breaking spaces and an ampersand
    ("Caf\u00e9 \u201cquarter\u201d", "cafe-quarter"),  # accents dropped, curly quotes separate
    ("  --Tonbridge & Malling--  ", "tonbridge-malling"),
])
def test_slugify_joins_words_with_one_hyphen(text, slug):
    assert slugify(text) == slug


def test_report_filename_for_an_open_data_edition():
    assert report_filename("Jan\u2013Apr 2025", "Kent and Medway") == "sna-jan-apr-2025-kent-and-medway.pdf"
    assert report_filename("2025/26", "Kent and Medway", "Thanet") == "sna-2025-26-kent-and-medway-thanet.pdf"
