"""Numbers and changes → the words charts print: active titles, direct labels and alt text.

Numbers follow the report's house style: thousands separators, percentages to one decimal place and a
true minus sign (U+2212); direction is always said in words, never left to colour.
"""
from __future__ import annotations

from typing import Iterable, Sequence

MINUS = "\u2212"
SUPPRESSED = "suppressed"


def number(value: float, decimals: int = 0) -> str:
    """1234.5 → "1,235" (or "1,234.5" with one decimal); negatives get a true minus sign."""
    text = f"{abs(value):,.{decimals}f}"
    return f"{MINUS}{text}" if value < 0 and text.strip("0.,") else text


def percent(value: float, decimals: int = 1) -> str:
    """22.91 → "22.9%"."""
    return number(value, decimals) + "%"


def signed_percent(value: float) -> str:
    """A change with its sign: "+10.8%", "−22.9%", "0.0%"."""
    text = percent(value)
    return "+" + text if round(value, 1) > 0 else text


def percent_change(previous: float | None, current: float | None) -> float | None:
    """(current − previous) / previous × 100, or None when previous is 0 or either side is missing."""
    if previous is None or current is None or previous == 0:
        return None
    return (current - previous) / previous * 100.0


def change_words(change: float | None) -> str:
    """−22.9 → "down 22.9%", 3.1 → "up 3.1%", 0 → "no change", None → "no earlier figure"."""
    if change is None:
        return "no earlier figure"
    if round(change, 1) == 0:
        return "no change"
    return f"{'up' if change > 0 else 'down'} {percent(abs(change))}"


def change_verb(change: float | None) -> str:
    """−22.9 → "fell by 22.9%", 3.1 → "rose by 3.1%", 0 → "did not change", None → "had no earlier figure"."""
    if change is None:
        return "had no earlier figure to compare"
    if round(change, 1) == 0:
        return "did not change"
    return f"{'rose' if change > 0 else 'fell'} by {percent(abs(change))}"


def ordinal(n: int) -> str:
    """1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def join_words(items: Iterable[str]) -> str:
    """["a", "b", "c"] → "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def sentence_case(text: str) -> str:
    """Capitalise the first character only (titles are sentence case; names keep their capitals)."""
    return text[:1].upper() + text[1:] if text else text


def value_or_suppressed(value: float | None, formatter=number) -> str:
    """A formatted value, or the word "suppressed" for a value withheld for disclosure control."""
    return SUPPRESSED if value is None else formatter(value)


def count_noun(n: int, singular: str, plural: str | None = None) -> str:
    """3, "district" → "3 districts"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def suppressed_note(labels: Sequence[str], what: str = "values") -> str:
    """A sentence for alt text naming suppressed items, or "" when none are."""
    if not labels:
        return ""
    return f" {sentence_case(what)} suppressed for disclosure control: {join_words(list(labels))}."
