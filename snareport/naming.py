"""Edition and area/district names → the file names reports are written under (shared by build and variants)."""
from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Folkestone and Hythe" → "folkestone-and-hythe", "2025/26" → "2025-26".

    Any punctuation or space between words (an en dash included: "Jan–Apr 2025" → "jan-apr-2025") becomes
    one hyphen; accents are dropped ("Café" → "cafe"), and a letter with no ASCII form is left out.
    """
    kept = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) or (not char.isascii() and char.isalnum()):
            continue
        kept.append(char if char.isascii() else " ")
    return re.sub(r"[^a-z0-9]+", "-", "".join(kept).lower()).strip("-")


def report_filename(edition: str, label: str, suffix: str = ".pdf") -> str:
    """The report's file name: ``sna-<edition>-<area or district>.pdf``, e.g. ``sna-2025-26-kent-and-medway.pdf``."""
    parts = ["sna", slugify(edition), slugify(label)]
    return "-".join(p for p in parts if p) + suffix
