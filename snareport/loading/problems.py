"""Flagged rows → Problem records, capped per kind so one bad column cannot bury the rest."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from snareport.errors import Problem

ROWS_LISTED_PER_KIND = 20
_SHOWN_CHARS = 40


def shown(value: Any) -> str:
    """A cell value as a user should see it in a message: quoted, control characters escaped, short."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > _SHOWN_CHARS:
        text = text[: _SHOWN_CHARS - 1] + "…"
    return repr(text)


class ProblemLog:
    """Collects every problem found while loading; row-level problems are capped per (file, column, kind)."""

    def __init__(self, rows_per_kind: int = ROWS_LISTED_PER_KIND) -> None:
        self.problems: list[Problem] = []
        self.every: list[Problem] = []   # uncapped: one per flagged row (``validate --problems``)
        self._rows_per_kind = rows_per_kind

    def __bool__(self) -> bool:
        return bool(self.problems)

    def add(self, file: str, row: int | None, column: str | None, found: str, expected: str) -> None:
        problem = Problem(file=file, row=row, column=column, found=found, expected=expected)
        self.problems.append(problem)
        self.every.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        problems = list(problems)
        self.problems.extend(problems)
        self.every.extend(problems)

    def add_summary(self, file: str, column: str | None, found: str, expected: str) -> None:
        """One line standing for many rows in the message (the rows go to the uncapped list)."""
        self.problems.append(Problem(file=file, row=None, column=column, found=found, expected=expected))

    def add_every_row(self, file: str, column: str | None, rows: Sequence[int], values: Sequence[Any],
                      expected: str, describe: Callable[[Any], str] = shown) -> None:
        """Rows for the uncapped list only (a one-line summary of them was added with :meth:`add`)."""
        self.every.extend(Problem(file=file, row=int(r), column=column, found=describe(v), expected=expected)
                          for r, v in zip(rows, values))

    def add_rows(
        self,
        file: str,
        column: str | None,
        rows: Sequence[int],
        values: Sequence[Any],
        expected: str,
        describe: Callable[[Any], str] = shown,
    ) -> None:
        """One problem per flagged row (the first few), then one line saying how many more there are."""
        rows = list(rows)
        if not rows:
            return
        limit = self._rows_per_kind
        for row, value in zip(rows[:limit], list(values[:limit])):
            self.add(file, int(row), column, describe(value), expected)
        rest = len(rows) - limit
        if rest > 0:
            self.add_every_row(file, column, rows[limit:], list(values[limit:]), expected, describe)
            self.problems.append(Problem(
                file,
                int(rows[limit]),
                column,
                f"… and {rest} more row{'s' if rest != 1 else ''} from here on with the same problem",
                expected,
            ))
