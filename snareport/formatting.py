"""Numbers from the Report model → the one printed form used everywhere in the PDF.

Thousands separators, percentages to one decimal place, money with pence only where the value
has them, a true minus sign (U+2212), direction words and arrows, "not available" for None
and a marker for suppressed values. Layout code prints numbers only through this module.
"""
from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

MINUS = "\u2212"
NOT_AVAILABLE = "not available"
SUPPRESSED = "[c]"  # the GSS marker for a confidential (withheld) value
SUPPRESSED_KEY = "[c] confidential: withheld so that no one can be identified from a small number."
ARROW_TO = "\u2192"


def _is_suppressed(value: object) -> bool:
    """True for values a model marks as withheld (an object with ``suppressed=True``, or the marker)."""
    return value == SUPPRESSED or bool(getattr(value, "suppressed", False))


def _round(value: float, dp: int) -> Decimal:
    quantum = Decimal(1).scaleb(-dp)
    return Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)


def _signed(text: str, negative: bool, plus: bool, zero: bool) -> str:
    if negative and not zero:
        return MINUS + text
    if plus and not zero:
        return "+" + text
    return text


def number(value: float | int | None, dp: int = 0, *, plus: bool = False, suppressed: bool = False) -> str:
    """1855800 → '1,855,800'; −3 → '−3'; dp decimal places, half-up; None → 'not available'.

    ``suppressed=True`` (the model withheld the value) gives the suppression marker instead.
    """
    if suppressed and value is None:
        return SUPPRESSED
    if value is None:
        return NOT_AVAILABLE
    if _is_suppressed(value):
        return SUPPRESSED
    if isinstance(value, float) and not math.isfinite(value):
        return NOT_AVAILABLE
    rounded = _round(value, dp)
    text = f"{abs(rounded):,.{dp}f}"
    return _signed(text, rounded < 0, plus, rounded == 0)


def decimal(value: float | None, dp: int = 2, *, suppressed: bool = False) -> str:
    """8.8333 → '8.83' (fixed decimal places)."""
    return number(value, dp, suppressed=suppressed)


def percent(value: float | None, dp: int = 1, *, plus: bool = False, suppressed: bool = False) -> str:
    """A value already in percent: −22.94 → '−22.9%'; plus=True gives '+4.6%' for rises."""
    text = number(value, dp, plus=plus, suppressed=suppressed)
    if text in (NOT_AVAILABLE, SUPPRESSED):
        return text
    return text + "%"


def share(fraction: float | None, dp: int = 1, *, suppressed: bool = False) -> str:
    """A fraction of one as a percentage: 0.204 → '20.4%'."""
    if fraction is None or _is_suppressed(fraction):
        return percent(fraction, dp, suppressed=suppressed)
    return percent(float(fraction) * 100, dp)


def money(value: float | None, *, suppressed: bool = False, nearest: int = 0) -> str:
    """Pounds: 1569680 → '£1,569,680'; 3743933.55 → '£3,743,933.55' (pence only when present).

    ``nearest=1000`` rounds an estimate half-up to the nearest £1,000 first: 3743933.55 → '£3,744,000'.
    """
    if value is None or _is_suppressed(value):
        return number(value, suppressed=suppressed)
    if nearest > 1:
        pence = _round(float(value) / nearest, 0) * nearest
    else:
        pence = _round(value, 0 if nearest == 1 else 2)
    dp = 0 if pence == pence.to_integral_value() else 2
    text = f"£{abs(pence):,.{dp}f}"
    return MINUS + text if pence < 0 else text


def direction_word(change: float | None, dp: int = 1, *, suppressed: bool = False) -> str:
    """% change → 'down 22.9%', 'up 4.6%', 'no change'; None → 'not available'."""
    if change is None or _is_suppressed(change):
        return "withheld" if suppressed else NOT_AVAILABLE
    rounded = _round(change, dp)
    if rounded == 0:
        return "no change"
    return f"{'down' if rounded < 0 else 'up'} {number(abs(change), dp)}%"


def before_after(before: float | None, after: float | None, dp: int = 2, *, suppressed: bool = False) -> str:
    """Two values → '8.83 → 5.60'."""
    return f"{number(before, dp, suppressed=suppressed)} {ARROW_TO} {number(after, dp, suppressed=suppressed)}"


def count(value: int | None, *, suppressed: bool = False) -> str:
    """A whole count: 1518 → '1,518'."""
    return number(value, 0, suppressed=suppressed)


def change_pct(change: object, *, plus: bool = True) -> str:
    """A model ``Change`` → its signed % change ('−22.9%', '+4.6%'; '[c]' when withheld; 'not available'
    when undefined). A change is always printed with its sign."""
    return percent(getattr(change, "change_pct", None), plus=plus, suppressed=getattr(change, "suppressed", False))


NOISE = "within the range expected by chance"


def noise_clause(change: object) -> str:
    """'; within the range expected by chance' after a rise or fall the model flags as noise, else ''."""
    rounded = getattr(change, "direction", "")
    return f"; {NOISE}" if getattr(change, "within_noise", None) and rounded in ("rise", "fall") else ""


def change_words(change: object) -> str:
    """A model ``Change`` → 'down 22.9%' / 'up 4.6%' / 'no change' / 'withheld' / 'not available'; a rise or
    fall the model flags as within the range expected by chance says so ('up 10.8%, within the range
    expected by chance')."""
    words = direction_word(getattr(change, "change_pct", None), suppressed=getattr(change, "suppressed", False))
    if getattr(change, "within_noise", None) and words.startswith(("up", "down")):
        return f"{words}, {NOISE}"
    return words


def change_from_to(change: object, dp: int = 0) -> str:
    """A model ``Change`` → 'down from 384 to 296' / 'up from 2 to 5' / 'unchanged at 7': the direction in
    words beside a tile whose big number is already the % change (so the tile never says it twice)."""
    before = number(getattr(change, "previous", None), dp, suppressed=getattr(change, "suppressed", False))
    after = number(getattr(change, "current", None), dp, suppressed=getattr(change, "suppressed", False))
    word = {"fall": "down", "rise": "up"}.get(getattr(change, "direction", ""), "")
    if not word:
        return f"{before} to {after}" if before != after else f"unchanged at {after}"
    return f"{word} from {before} to {after}"


def change_counts(change: object, dp: int = 0) -> str:
    """A model ``Change`` → 'previous → current' ('2 → 1'; '* → *' when withheld)."""
    return before_after(getattr(change, "previous", None), getattr(change, "current", None), dp,
                        suppressed=getattr(change, "suppressed", False))


def rank(n: int | None) -> str:
    """A rank for a table: '3', or the withheld marker when the ranked figure is withheld."""
    return SUPPRESSED if n is None else str(n)


def ordinal(n: int) -> str:
    """1 → '1st', 2 → '2nd', 11 → '11th', 21 → '21st', 112 → '112th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ranked(rank: int, of: int, superlative: str = "largest") -> str:
    """A position among ``of`` in words: 1 → 'the largest of 13', 2 → '2nd largest of 13', 13 → '13th largest of 13'.

    The first place is never '1st largest'; with a single member it is 'the only one'.
    """
    if of == 1 and rank == 1:
        return "the only one"
    if rank == 1:
        return f"the {superlative} of {of}"
    return f"{ordinal(rank)} {superlative} of {of}"


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def small_number(n: int) -> str:
    """Numbers below ten in words, as the ONS style guide prints them in text: 4 → 'four'; 12 → '12'."""
    return _SMALL[n] if 0 <= n < 10 else number(n)


def join_words(items: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_ONE_DAY = _dt.timedelta(days=1)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def month_name(month: int) -> str:
    """1 → 'January' (independent of the machine's locale)."""
    return _MONTHS[month - 1]


def month_list(months: Iterable[_dt.date]) -> str:
    """Dates → their months in words, each year named once: 'July, August and September 2025'."""
    by_year: dict[int, list[str]] = {}
    for m in sorted(months):
        by_year.setdefault(m.year, []).append(_MONTHS[m.month - 1])
    return "; ".join(f"{join_words(names)} {year}" for year, names in by_year.items())


def month_range(first: _dt.date, last: _dt.date) -> str:
    """Two dates → the months from one to the other, the report's one way: 'March 2025' (one month),
    'January to April 2024' (one year), 'October 2024 to September 2025'."""
    a, b = (first.year, first.month), (last.year, last.month)
    if a == b:
        return f"{_MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{_MONTHS[first.month - 1]} to {_MONTHS[last.month - 1]} {last.year}"
    return f"{_MONTHS[first.month - 1]} {first.year} to {_MONTHS[last.month - 1]} {last.year}"


def period_label(start: _dt.date, end: _dt.date) -> str:
    """A period's one printed form: a financial year (1 April to 31 March) '2024/25', a calendar year
    '2024', twelve months ending elsewhere 'year ending September 2025' (as the ONS names them), any other
    run of months as :func:`month_range`."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole = start.day == 1 and (end + _ONE_DAY).day == 1
    if whole and months == 12:
        if start.month == 4:
            return f"{start.year}/{(start.year + 1) % 100:02d}"
        if start.month == 1:
            return f"{start.year}"
        return f"year ending {_MONTHS[end.month - 1]} {end.year}"
    return month_range(start, end)


def month_runs(months: Iterable[_dt.date | str]) -> str:
    """Months (dates, or 'YYYY-MM' text) → runs of consecutive months in words, in order:
    'January to April 2024 and January to May 2025' ('' when there are none)."""
    keys = sorted({(m.year, m.month) if isinstance(m, _dt.date) else (int(m[:4]), int(m[5:7])) for m in months})
    runs: list[list[tuple[int, int]]] = []
    for y, m in keys:
        if runs and runs[-1][-1][0] * 12 + runs[-1][-1][1] + 1 == y * 12 + m:
            runs[-1].append((y, m))
        else:
            runs.append([(y, m)])
    return join_words([month_range(_dt.date(*r[0], 1), _dt.date(*r[-1], 1)) for r in runs])


def month_year(value: object) -> str:
    """A date → 'April 2022' (for record dates: a month is as exact as a report gets)."""
    return f"{_MONTHS[value.month - 1]} {value.year}"


def long_date(value: object) -> str:
    """A date → '28 November 2025' (no leading zero, locale-independent)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def hour_label(hour: int) -> str:
    """0 → 'midnight', 12 → 'midday', 15 → '3pm'."""
    hour %= 24
    if hour == 0:
        return "midnight"
    if hour == 12:
        return "midday"
    return f"{hour % 12}{'am' if hour < 12 else 'pm'}"
