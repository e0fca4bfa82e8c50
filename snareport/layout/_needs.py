"""The table and field names a model's "not available" reason needs → plain words, so that no internal
name reaches the page (used by every unavailable note and by the not-available table)."""
from __future__ import annotations

import re

# table or field a figure needs → (what the source lacks, in words; what data would fill it)
WORDS: dict[str, tuple[str, str]] = {
    "people": ("no records of victims or suspects",
               "police records of the victims and suspects linked to each offence"),
    "people.age": ("no ages of the people involved", "victims' and suspects' ages from police records"),
    "people.sex": ("no sex of the people involved", "victims' and suspects' sex from police records"),
    "offences.time_of_day": ("only the month of each crime, no day or time",
                             "the date and time of each offence from police records"),
    "offences.knife_enabled": ("no flag for a knife or sharp instrument",
                               "the Home Office knife or sharp instrument flag on police records"),
    "offences.sexual_category": ("sexual offences are not separated from other violence",
                                 "police records classifying each sexual offence (contact, non-contact, rape)"),
    "hospital_admissions": ("no hospital data", "NHS Hospital Episode Statistics: admissions for assault"),
    "hospital_admissions.district": ("hospital data without districts",
                                     "hospital admissions by the patient's local authority"),
    "population": ("no population figures", "ONS mid-year population estimates by local authority and age"),
    "unit_costs": ("no costs of crime", "Home Office unit costs of crime by offence group"),
    "harm_weights": ("no harm weights", "crime harm weights by offence type (e.g. the Cambridge Crime Harm Index)"),
    "offences": ("no offence records", "recorded offences from police records"),
}

NEEDS_PATTERN = re.compile(r"\(needs ([^)]*)\)")


def needs(reason: str | None) -> list[str]:
    """The tables and fields named in a model's reason ("… (needs people, people.age)")."""
    match = NEEDS_PATTERN.search(reason or "")
    return [n.strip() for n in match.group(1).split(",") if n.strip()] if match else []


def reason_words(reason: str | None) -> str:
    """A model's reason with the names it needs turned into words ("… (no ages of the people involved)")."""
    names = needs(reason)
    if not names:
        return reason or ""
    words = "; ".join(WORDS.get(n, (n.replace("_", " ").replace(".", " "), ""))[0] for n in names)
    return NEEDS_PATTERN.sub(f"({words})", reason)


