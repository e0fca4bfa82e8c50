"""Shared building blocks of the section models: periods, changes, ranked rows, suppressible counts.

Every figure is a number (or ``None`` when undefined or withheld), never a pre-formatted string.
A value withheld by disclosure control is ``None`` and its model says ``suppressed=True``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, NoReturn

from pydantic import BaseModel, ConfigDict, model_validator


def _refuse(self: object, *args: object, **kwargs: object) -> NoReturn:
    raise TypeError(f"a built model's {type(self).__name__} cannot be changed: make a new model")


class FrozenList(list):  # type: ignore[type-arg]
    """A list field's value in a built model: equal to the list, dumped as one, but changing it raises."""

    __slots__ = ()
    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __reduce__(self) -> tuple[type, tuple[list[Any]]]:
        return FrozenList, (list(self),)

    def __copy__(self) -> FrozenList:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenList:
        return self


class FrozenDict(dict):  # type: ignore[type-arg]
    """A dict field's value in a built model: equal to the dict, dumped as one, but changing it raises."""

    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[type, tuple[dict[Any, Any]]]:
        return FrozenDict, (dict(self),)

    def __copy__(self) -> FrozenDict:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenDict:
        return self


def read_only(value: Any) -> Any:
    """``value`` with every list and dict in it (at any depth) made a FrozenList or FrozenDict."""
    if isinstance(value, list) and not isinstance(value, FrozenList):
        return FrozenList(read_only(v) for v in value)
    if isinstance(value, dict) and not isinstance(value, FrozenDict):
        return FrozenDict({k: read_only(v) for k, v in value.items()})
    return value


class FrozenModel(BaseModel):
    """Base of every model a Report holds (sections, content, rich text): unknown fields rejected, frozen
    once built, and every list and dict in it read-only, so nothing inside a built Report can be changed."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    @model_validator(mode="after")
    def _read_only(self) -> Any:
        # one validator per model, not one per field: each field's list or dict is made read-only in place
        # (the model is frozen, so its __dict__ is set directly)
        fields = self.__dict__
        for name, value in fields.items():
            if isinstance(value, (list, dict)):
                fields[name] = read_only(value)
        return self


class SectionModel(FrozenModel):
    """Base of every model: JSON-serialisable, unknown fields rejected, frozen once built (lists and dicts
    too). A string under a field is its description (in ``snareport schema``, read by
    ``snareport.models.field_docs`` when the schema is made, and in the API reference).

    A model is made in one constructor call; a changed copy is ``model_copy(update={...})``.
    """


class PeriodRef(SectionModel):
    """A named period as used in a figure: its key in report.yaml, label and inclusive dates."""

    name: str
    """The period's key in report.yaml, e.g. ``current_year``."""
    label: str
    """How the report prints it, e.g. ``2024/25``."""
    start: dt.date
    """First day (inclusive)."""
    end: dt.date
    """Last day (inclusive)."""


class PeriodPair(SectionModel):
    """Two named periods compared by a figure, earlier first (``year_on_year``, ``rolling``, ``two_year``)."""

    earlier: PeriodRef
    later: PeriodRef

    @property
    def label(self) -> str:
        """'2023/24 to 2024/25'; 'January to April 2024 compared with January to April 2025' when a label is
        itself a range (so "to" never joins two ranges)."""
        if " to " in self.earlier.label or " to " in self.later.label:
            return f"{self.earlier.label} compared with {self.later.label}"
        return f"{self.earlier.label} to {self.later.label}"


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
    """The figure in the earlier period (``None``: withheld or not available)."""
    current: int | float | None
    """The figure in the later period."""
    change_pct: float | None
    """(current − previous) / previous × 100; ``None`` when previous is 0 or a value is withheld."""
    suppressed: bool = False
    """True when disclosure control withheld the figures (printed as [c])."""
    within_noise: bool | None = None
    """For counts: True when the earlier count lies inside the later one's 95% Poisson interval (Byar's
    method), so the change could be chance; ``None`` when not a count or not known."""

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
    """The count (``None``: withheld)."""
    share: float | None = None
    """Its share of the stated total, as a fraction from 0 to 1."""
    suppressed: bool = False


class Ranked(SectionModel):
    """A named value with its rank among its peers (1 = highest)."""

    name: str
    value: int | float | None
    rank: int | None
    """1 = the highest value among its peers."""
    rate_per_1000: float | None = None
    """For a district's count: the count per 1,000 residents (report.yaml population_year), when known."""
    rate_rank: int | None = None
    """Its rank by that rate among the districts (1 = highest)."""
    suppressed: bool = False


class ScopeFigure(SectionModel):
    """A district's figure beside the county's, with the district's rank among all districts."""

    district: str
    value: int | float | None
    """The district's figure."""
    county_value: int | float | None
    """The same figure for the whole area."""
    rank: int | None
    """The district's rank among all districts (1 = highest)."""
    rank_of: int
    """How many districts are ranked."""
    suppressed: bool = False
    district_mean: float | None = None
    """The average district: the mean of every district's figure (each district counted once, whatever its
    size), to one decimal place. For a count it equals the area's figure divided by the number of districts,
    since the districts make up the area; ``None`` when not computed or withheld."""


class ItemChange(SectionModel):
    """One item a finding names (a month, a category, a district) and its change."""

    name: str
    change: Change


class ComparisonFindings(SectionModel):
    """What a chart comparing items (months, categories, districts) across two periods says, worked out
    from the published figures only: by the calculator, and again by the disclosure step after suppression
    (``snareport.calculators.findings``). Charts and layout print these; they never count or pick."""

    items: int
    """How many items the chart shows."""
    published: int
    """Items whose later figure is published."""
    compared: int
    """Items with both figures published (a fall, a rise or no change)."""
    fell: list[str] = []
    """Items whose figure fell (as printed, to one decimal place), highest later figure first."""
    rose: list[str] = []
    """Items whose figure rose, highest later figure first."""
    fell_count: int = 0
    """How many items fell."""
    rose_count: int = 0
    """How many items rose."""
    overall: Change | None = None
    """The change of all items together; ``None`` unless every item is published."""
    largest_change: ItemChange | None = None
    """The largest published % change, rise or fall (ties: the earlier item)."""
    largest_rise: ItemChange | None = None
    """The largest published % rise (ties: the earlier item)."""
    largest_fall: ItemChange | None = None
    """The largest published % fall (ties: the earlier item)."""
    highest: ItemChange | None = None
    """The item with the highest published later figure (ties: the earlier item)."""
    lowest: ItemChange | None = None
    """The item with the lowest published later figure (ties: the earlier item)."""
    ranked: list[str] = []
    """Items with a published later figure, highest first (ties: the earlier item): the chart's order."""
    rank: dict[str, int] = {}
    """Each item in ``ranked`` and its place there (1 = highest)."""
