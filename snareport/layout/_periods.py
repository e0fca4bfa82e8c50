"""A section's named periods → the words that name them ("2023/24 to 2024/25")."""
from __future__ import annotations

from typing import Any

from snareport.layout._needs import reason_words
from snareport.models.common import PeriodPair, PeriodRef


def span(pair: PeriodPair | None, fallback: str = "") -> str:
    """'2023/24 to 2024/25': a named pair of a section's model (``fallback`` when the source has none)."""
    return pair.label if pair is not None else fallback


def earlier(pair: PeriodPair | None, fallback: str = "") -> str:
    """The label of a pair's earlier period."""
    return pair.earlier.label if pair is not None else fallback


def later(pair: PeriodPair | None, fallback: str = "") -> str:
    """The label of a pair's later period."""
    return pair.later.label if pair is not None else fallback


def first_to_last(periods: list[PeriodRef]) -> str:
    """'2022/23 to 2024/25': the whole run of a list of periods, earliest first (as the model lists them)."""
    return " to ".join(dict.fromkeys(p.label for p in (periods[:1] + periods[-1:])))


def unavailable_note(section: Any) -> str:
    """The note printed instead of an unavailable section's figures (see :func:`reason_note`)."""
    return reason_note(getattr(section, "unavailable_reason", None))


def reason_note(reason: str | None) -> str:
    """One sentence saying a figure is not available: the model's reason (which already says "not
    available from this source …") capitalised, or the bare phrase when there is no reason."""
    reason = reason_words(reason).strip().rstrip(".")
    if not reason:
        return "Not available from this source."
    if not reason.lower().startswith("not available"):
        reason = f"not available from this source: {reason}"
    return reason[:1].upper() + reason[1:] + "."
