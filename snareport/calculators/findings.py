"""Items compared across two periods → ComparisonFindings: which items fell and rose, the overall change, the
largest rise and fall, the highest and lowest item — the words charts and text state about a comparison.

The calculators call these on their own figures, and the disclosure step calls them again on the published
figures (``snareport.disclosure.publish``), so a finding never rests on a withheld figure and no chart or
layout module counts, sums or picks.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from snareport import formatting as fmt
from snareport.calculators.common import count_change
from snareport.models.common import Change, ComparisonFindings, ItemChange


def compare(items: Sequence[tuple[str, Change]], overall: Change | None = None, *,
            add_up: bool = False) -> ComparisonFindings:
    """Findings over ``items`` (name, change) in the order given (ties go to the earlier item).

    ``overall`` is the change of the whole the items belong to (printed only when every item is
    published); with ``add_up`` it is the items' own total instead (counts that add up, such as months).
    """
    shown = [(i, name, c) for i, (name, c) in enumerate(items) if c.current is not None]
    ranked = sorted(shown, key=lambda t: (-t[2].current, t[0]))
    both = [(i, name, c) for i, name, c in ranked if c.direction in ("fall", "rise", "no change")]
    changed = [(i, name, c) for i, name, c in both if c.change_pct is not None and c.direction in ("fall", "rise")]
    complete = len(both) == len(items)
    if complete and add_up:
        overall = count_change(sum(c.previous for _, c in items), sum(c.current for _, c in items))
    rises = [t for t in changed if t[2].direction == "rise"]
    falls = [t for t in changed if t[2].direction == "fall"]
    return ComparisonFindings(
        items=len(items), published=len(shown), compared=len(both),
        fell=[name for _, name, c in both if c.direction == "fall"],
        rose=[name for _, name, c in both if c.direction == "rise"],
        fell_count=sum(c.direction == "fall" for _, _, c in both), rose_count=sum(c.direction == "rise" for _, _, c in both),
        overall=overall if complete and overall is not None and not overall.suppressed else None,
        largest_change=_largest(changed), largest_rise=_largest(rises), largest_fall=_largest(falls),
        highest=_item(ranked[0]) if ranked else None,
        lowest=_item(min(ranked, key=lambda t: (t[2].current, t[0]))) if ranked else None,
        ranked=[name for _, name, _ in ranked], rank={name: n for n, (_, name, _) in enumerate(ranked, 1)})


def _largest(picked: list[tuple[int, str, Change]]) -> ItemChange | None:
    if not picked:
        return None
    return _item(min(picked, key=lambda t: (-abs(t[2].change_pct or 0.0), t[0])))


def _item(t: tuple[int, str, Change]) -> ItemChange:
    return ItemChange(name=t[1], change=t[2])


def largest_count_changes(items: Sequence[tuple[str, Change]]) -> tuple[ItemChange | None, ItemChange | None]:
    """(the largest rise, the largest fall) by number (ties: the later name), among published changes."""
    changed = [(name, c) for name, c in items if c.change_pct is not None and c.direction in ("rise", "fall")]

    def largest(direction: str) -> ItemChange | None:
        picked = [(name, c) for name, c in changed if c.direction == direction]
        if not picked:
            return None
        name, c = max(picked, key=lambda t: (abs(t[1].current - t[1].previous), t[0]))
        return ItemChange(name=name, change=c)

    return largest("rise"), largest("fall")


def largest_rises(groups: Sequence[Any], n: int) -> list[str]:
    """The ``n`` published offence groups (``OffenceGroupVolume`` rows) with the largest rises in number,
    largest first (ties by name)."""
    rose = [g for g in groups if not g.suppressed and g.volume.direction == "rise"]
    return [g.group for g in sorted(rose, key=lambda g: (-(g.volume.current - g.volume.previous), g.group))][:n]


def recorded_offences(months: Sequence[Any], groups: Sequence[Any], districts: Sequence[Any]) -> dict[str, Any]:
    """The findings of the recorded offences section (``MonthlyVolume``, ``OffenceGroupVolume`` and
    ``DistrictVolume`` rows): month by month (an overall change when every month is published), by
    district (in name order for ties), and the offence groups with the largest rise and fall in number."""
    rise, fall = largest_count_changes([(g.group, g.volume) for g in groups if not g.suppressed])
    return dict(
        month_findings=compare([(month_label(m.current_month or m.previous_month), m.volume) for m in months],
                               add_up=True) if months else None,
        district_findings=compare(sorted(((d.district, d.volume) for d in districts), key=lambda t: t[0]))
        if districts else None,
        group_largest_rise=rise, group_largest_fall=fall)


def month_label(day: Any) -> str:
    """The month's name, "January" (the chart's label for a month of the year)."""
    return fmt.month_name(day.month)


def geography(scores: Sequence[Any]) -> dict[str, Any]:
    """The findings of the district volume and harm score charts (``DistrictScore`` rows; ties by name)."""
    named = sorted(scores, key=lambda s: s.district)
    return dict(volume_findings=compare([(s.district, s.volume) for s in named]) if named else None,
                harm_findings=compare([(s.district, s.harm) for s in named])
                if any(s.harm.current is not None or s.harm.suppressed for s in named) else None)


def sexual_violence(table: Sequence[Any], total: Change | None) -> dict[str, Any]:
    """The findings of the sexual violence category chart (the report's table rows, ``LabelledChange``),
    with the change in all sexual violence over the same two periods as the overall change."""
    return dict(table_findings=compare([(r.label, r.change) for r in table], total) if table else None)
