"""Shared building blocks of the section models: periods, changes, ranked rows, suppressible counts.

Every figure is a number (or ``None`` when undefined or withheld), never a pre-formatted string.
A value withheld by disclosure control is ``None`` and its model says ``suppressed=True``.
"""
from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class SectionModel(BaseModel):
    """Base of every model: JSON-serialisable, unknown fields rejected."""

    model_config = ConfigDict(extra="forbid")


class PeriodRef(SectionModel):
    """A named period as used in a figure: its key in report.yaml, label and inclusive dates."""

    name: str
    label: str
    start: dt.date
    end: dt.date


class Section(SectionModel):
    """Fields every data-driven section carries.

    ``available=False`` means the source lacks the inputs (``unavailable_reason`` says which);
    the section's figures are then empty or ``None`` — never zeros standing in for missing data.
    """

    available: bool = True
    unavailable_reason: str | None = None
    periods: list[PeriodRef] = []
    notes: list[str] = []


class Change(SectionModel):
    """A figure in two periods and its % change = (current − previous) / previous × 100.

    ``change_pct`` is ``None`` when previous is 0 (undefined) or a value is withheld.
    """

    previous: int | float | None
    current: int | float | None
    change_pct: float | None
    suppressed: bool = False
    # For counts: True when the earlier count lies inside the later one's 95% Poisson interval (Byar's
    # method), so the change could be chance; None when not a count or not known.
    within_noise: bool | None = None

    @property
    def direction(self) -> str:
        """'fall', 'rise', 'no change' (as printed, to one decimal place) or 'withheld' / 'unknown'."""
        if self.suppressed:
            return "withheld"
        if self.change_pct is not None:
            rounded = round(self.change_pct, 1)
        elif self.previous is not None and self.current is not None:
            rounded = self.current - self.previous          # from zero: the change is undefined, the sign is not
        else:
            return "unknown"
        return "fall" if rounded < 0 else "rise" if rounded > 0 else "no change"


class LabelledChange(SectionModel):
    """A change for a named thing (a cohort, an offence group, a category)."""

    key: str
    label: str
    change: Change


class SuppressibleCount(SectionModel):
    """A labelled count with its share (fraction 0–1) of a stated total; ``None`` when withheld."""

    label: str
    count: int | None
    share: float | None = None
    suppressed: bool = False


class Ranked(SectionModel):
    """A named value with its rank among its peers (1 = highest)."""

    name: str
    value: int | float | None
    rank: int | None
    suppressed: bool = False


class ScopeFigure(SectionModel):
    """A district's figure beside the county's, with the district's rank among all districts."""

    district: str
    value: int | float | None
    county_value: int | float | None
    rank: int | None
    rank_of: int
    suppressed: bool = False
