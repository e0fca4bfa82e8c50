"""The one error type users see for bad input, and the problem records it carries."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is and what was expected there.

    ``row`` is 1-based as a person sees it in a spreadsheet (the header is row 1, so the
    first data row is row 2); ``None`` when the problem is about a whole file or column.
    """

    file: str
    row: int | None
    column: str | None
    found: str
    expected: str

    def __str__(self) -> str:
        row = "" if self.row is None else str(self.row)
        column = self.column or ""
        return f"{self.file}:{row}:{column} — found {self.found}; expected {self.expected}"


class DataError(ValueError):
    """Raised when input data, configuration or content is unusable; lists every problem found."""

    def __init__(self, problems: list[Problem] | Problem | str, every: list[Problem] | None = None):
        if isinstance(problems, str):
            problems = [Problem(file="", row=None, column=None, found=problems, expected="valid input")]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(problems, key=_sort_key)
        # every problem, one per flagged row, where the message above lists the first few of a kind
        self.every: list[Problem] = sorted(every, key=_sort_key) if every is not None else self.problems
        super().__init__(self._message())

    def _message(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the input:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def _sort_key(p: Problem) -> tuple[str, int, str, str]:
    return (p.file, p.row if p.row is not None else -1, p.column or "", p.found)


class OutputError(Exception):
    """An output path that must not be written (a folder, a device, a read-only file…): refused before building."""


class RenderError(Exception):
    """A report could not be laid out; says which section, and what to change, in words."""


def describe_failure(exc: BaseException) -> str:
    """One readable line (or, for bad input, the list of problems) for a document that failed to build.

    Our own errors already say what and where; anything else is named by its type and its first line, with
    object addresses (``<Table@0x7F…>``) left out: they mean nothing to the reader.
    """
    import re

    if isinstance(exc, (DataError, RenderError)):
        return str(exc)
    first = (str(exc).strip().splitlines() or [""])[0]
    first = re.sub(r"<[^<>]*(?:@|at )0x[0-9A-Fa-f]+[^<>]*>", "…", first)
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
