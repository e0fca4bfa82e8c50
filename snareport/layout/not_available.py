"""Report → one short "Not available from <source>" table: each section (or headline figure) the source
cannot give, why in plain words, and what data would fill it — printed once, instead of a page per section.

Sections whose model is unavailable are left out of the report and its contents (see :func:`left_out`).
The reasons come from the models (``unavailable_reason`` names the tables and fields a figure needs);
this module is the one place that turns those names into words, so none reaches the page.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from snareport.layout._needs import NEEDS_PATTERN, WORDS, needs
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report

# Report fields holding a data section, in the report's order (content sections are left out by their
# own rule: no content, no section).
DATA_SECTIONS = ("population", "achievements", "demographics", "geography", "temporal", "knives",
                 "sexual_violence", "recorded_offences")

def _achievement_rows(report: Report) -> list[tuple[str, list[str], str | None]]:
    a = report.achievements
    rows = []
    if not a.knife_enabled and any("Knife-enabled" in n for n in a.notes):
        note = next(n for n in a.notes if "Knife-enabled" in n)
        rows.append(("Knife-enabled offences by age", needs(note), note))
    if not a.admissions_available:
        rows.append((f"Hospital admissions for {a.admissions_cause}", needs(a.admissions_reason)
                     or ["hospital_admissions"], a.admissions_reason))
    if not a.savings_available:
        rows.append(("Savings from falling serious violence", needs(a.savings_reason) or ["unit_costs"],
                     a.savings_reason))
    return rows


def left_out(report: Report, key: str) -> bool:
    """True for a data section with nothing to show from this source (it is listed in the table instead).

    Achievements is left out when its knife, hospital and savings figures are all unavailable (its
    remaining falls by offence type are in the recorded offences section)."""
    if key not in DATA_SECTIONS:
        return False
    if key == "achievements":
        return len(_achievement_rows(report)) == 3
    section = getattr(report, key, None)
    return section is not None and not section.available


def rows(report: Report, titles: Mapping[str, str] | None = None) -> list[list[str]]:
    """[section, why not, what would fill it] for every unavailable section or headline figure; ``titles``
    names the sections as the report prints them (see ``snareport.layout.sections``)."""
    items: list[tuple[str, list[str], str | None]] = []
    titles = titles or {}
    for key in DATA_SECTIONS:
        if key == "achievements":
            items += _achievement_rows(report)
            continue
        section = getattr(report, key, None)
        if section is not None and not section.available:
            items.append((titles.get(key, key.replace("_", " ").capitalize()),
                          needs(section.unavailable_reason), section.unavailable_reason))
    out = []
    for title, names, reason in items:
        why = [WORDS[n][0] for n in names if n in WORDS] or [_bare(reason) or "not in this source"]
        fill = [WORDS[n][1] for n in names if n in WORDS]
        out.append([title, _sentence("; ".join(dict.fromkeys(why))),
                    _sentence("; ".join(dict.fromkeys(fill))) if fill else ""])
    return out


def _bare(reason: str | None) -> str:
    """A free-text reason without the 'not available from this source' it starts with."""
    text = NEEDS_PATTERN.sub("", reason or "").strip().rstrip(".")
    text = re.sub(r"^not available from this source[:;,]?\s*", "", text, flags=re.IGNORECASE)
    return text


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def source_short_name(report: Report) -> str:
    name = report.data.source_name or "this source"
    return "police.uk" if "police.uk" in name else name


def build(report: Report, builder: BlockBuilder, titles: Mapping[str, str]) -> list[Block]:
    table = rows(report, titles)
    out: list[Any] = [builder.para(
        f"{source_short_name(report)} cannot give the figures below, so this edition leaves them out rather "
        "than print blanks or zeros. A needs assessment built from partners' own data adds them.")]
    out += builder.table(["Section", "Why it is not available", "What data would fill it"], table,
                      numeric=[False, False, False], widths=[0.28, 0.34, 0.38])
    return out
