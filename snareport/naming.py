"""Edition, area and district names → the file names reports are written under (shared by build and variants).

A district's file carries the area's name before its own (``sna-2025-26-kent-and-medway-thanet.pdf``), so the
area's file (``sna-2025-26-kent-and-medway.pdf``) can never be taken by a district, whatever it is called. A
partners (unsuppressed) build adds ``-partners``, so it never shares a path with the public file. A batch plans
every name before anything is written: two documents whose names fold to one file (as Windows and macOS compare
names, ignoring case) are refused, naming both.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from snareport.errors import DataError, Problem


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


def name_slug(text: str) -> str:
    """``slugify(text)``, or for a name with no Latin letters or digits a stable short hash ("n-3f9a1c2e").

    Two different names without Latin letters get different slugs, and a name always gets the same one.
    """
    slug = slugify(text)
    if slug:
        return slug
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return "n-" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def report_filename(edition: str, area: str, district: str | None = None, *, audience: str = "public",
                    suffix: str = ".pdf") -> str:
    """The report's file name, e.g. ``sna-2025-26-kent-and-medway.pdf`` for the area and
    ``sna-2025-26-kent-and-medway-thanet.pdf`` for Thanet; ``-partners`` is added for the partners audience."""
    parts = ["sna", slugify(edition), name_slug(area)]
    if district is not None:
        parts.append(name_slug(district))
    if audience != "public":
        parts.append(slugify(audience))
    return "-".join(p for p in parts if p) + suffix


def plan_filenames(edition: str, area: str, districts: Iterable[str | None], *, audience: str = "public",
                   suffix: str = ".pdf") -> dict[str | None, str]:
    """``{district (None = the area): file name}`` for a batch, or a DataError naming every pair of documents
    whose names would be one file (compared ignoring case, as Windows and macOS do)."""
    planned: dict[str | None, str] = {}
    taken: dict[str, str | None] = {}
    problems = []
    for district in districts:
        name = report_filename(edition, area, district, audience=audience, suffix=suffix)
        key = name.casefold()
        if key in taken:
            other = taken[key]
            first = area if other is None else other
            problems.append(Problem(
                "report.yaml", None, "authorities",
                f"districts {first!r} and {district!r} would both be written as {name}",
                "district names that differ in their letters or digits, not only in case, spacing or punctuation"))
            continue
        taken[key] = district
        planned[district] = name
    if problems:
        raise DataError(problems)
    return planned
