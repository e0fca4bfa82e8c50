"""Chart data → the words charts print: active titles, direct labels and alt text.

Numbers are printed by ``snareport.formatting`` (the one number formatter: thousands separators,
percentages to one decimal place, a true minus sign, direction words); this module only adds the
words around them. Alt text is built by ``describe``: what kind of chart, what it measures, for which
area and period, then the main finding and a few key values, with "per cent" said in words. Every
value stays in the chart's data table.

Withheld values (``None``) follow the disclosure rule in ``snareport.disclosure``. What a chart names —
peaks, the busiest cell or month, the largest band, ranks, rises and falls — is the report model's, worked
out by the calculators and again from the published figures after disclosure; charts pick nothing
themselves. A chart given no finding while values are withheld says its figures are withheld instead
of claiming one.
"""
from __future__ import annotations

from collections.abc import Sequence

from snareport import formatting as fmt
from snareport.formatting import MINUS, join_words

__all__ = [
    "MINUS", "SUPPRESSED", "WITHHELD", "change_clause", "count_noun", "describe",
    "sentence_case", "spoken", "value_or_suppressed", "withheld_sentence",
]

SUPPRESSED = "withheld"            # printed in a chart (and its data table) where a value is withheld, as the keys say
WITHHELD = "withheld to protect privacy"


def change_clause(change: float | None) -> str:
    """A % change in words for a title: "down 22.9%", "up 3.1%", "no change"; "" when there is none."""
    return "" if change is None else fmt.direction_word(change)


def sentence_case(text: str) -> str:
    """Capitalise the first character only (titles are sentence case; names keep their capitals)."""
    return text[:1].upper() + text[1:] if text else text


def value_or_suppressed(value: float | None, formatter=fmt.number) -> str:
    """A formatted value, or the word "withheld" for a value withheld for disclosure control."""
    return SUPPRESSED if value is None else formatter(value)


def count_noun(n: int, singular: str, plural: str | None = None) -> str:
    """3, "district" → "3 districts"."""
    return f"{fmt.number(n)} {singular if n == 1 else (plural or singular + 's')}"


def spoken(text: str) -> str:
    """Printed figures → what a screen reader should say: "−2.9%" → "minus 2.9 per cent"."""
    return text.replace("%", " per cent").replace(MINUS, "minus ")


def withheld_sentence(names: Sequence[str], what: str, of_total: int | None = None, *, noun: str = "figure",
                      nouns: str = "figures", limit: int = 3) -> str:
    """The withheld items in one plain sentence ("" when none): "The figure for Bee is withheld to protect
    privacy." Beyond ``limit`` names it counts them: "The counts for 15 of the 86 ages are withheld …"."""
    names = list(names)
    if not names:
        return ""
    if len(names) > limit:
        counted = fmt.number(len(names)) + (f" of the {fmt.number(of_total)}" if of_total else "")
        return f"The {nouns} for {counted} {what} are {WITHHELD}."
    word = noun if len(names) == 1 else nouns
    verb = "is" if len(names) == 1 and not noun.endswith("s") else "are"
    return f"The {word} for {join_words(names)} {verb} {WITHHELD}."


def describe(kind: str, subject: str, area: str, period: str, *sentences: str) -> str:
    """The one alt text form: "<Kind> of <subject>, <area>, <period>." then each non-empty sentence
    (the main finding first, then a few key values and what is withheld), "%" said as "per cent"."""
    parts = [f"{kind} of {subject}, {area}, {period}", *sentences]
    return " ".join(_as_sentence(spoken(p)) for p in parts if p and p.strip())


def _as_sentence(text: str) -> str:
    text = sentence_case(text.strip())
    return text if text.endswith((".", "!", "?")) else text + "."
