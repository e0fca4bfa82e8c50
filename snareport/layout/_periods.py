"""Section periods → the words that name them ("2023/24 to 2024/25")."""
from __future__ import annotations

from typing import Any

from snareport.layout._needs import reason_words


def label(section: Any, index: int) -> str:
    """The label of the section's ``index``-th period ('' when the section lists fewer)."""
    periods = getattr(section, "periods", []) or []
    return periods[index].label if 0 <= index < len(periods) else ""


def span(section: Any, first: int, second: int) -> str:
    """'2023/24 to 2024/25' from two of the section's periods (empty parts are left out)."""
    a, b = label(section, first), label(section, second)
    return " to ".join(p for p in (a, b) if p)


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


def latest_pair(section: Any) -> tuple[str, str]:
    """Labels of the section's two latest periods by start date (its year-on-year comparison)."""
    periods = sorted(getattr(section, "periods", []) or [], key=lambda p: (p.start, p.end))
    labels = [p.label for p in periods[-2:]]
    return (labels[0], labels[1]) if len(labels) == 2 else ("", labels[0] if labels else "")


def earliest_to_latest(section: Any) -> str:
    """'2022/23 to 2024/25': the whole span the section's periods cover."""
    periods = sorted(getattr(section, "periods", []) or [], key=lambda p: (p.start, p.end))
    return " to ".join(dict.fromkeys(p.label for p in (periods[:1] + periods[-1:])))
