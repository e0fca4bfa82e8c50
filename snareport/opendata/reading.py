"""police.uk street-level crime CSV files → one pandas frame of text columns, in month order."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from snareport.errors import DataError, Problem

COLUMNS = (
    "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
    "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
)
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and every ``*street.csv`` (or failing that every ``*.csv``) in given folders; sorted."""
    found: set[Path] = set()
    problems: list[Problem] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(path.glob("*street.csv")) or sorted(path.glob("*.csv"))
            if not inside:
                problems.append(Problem(path.name, None, None, "a folder with no CSV files",
                                        "police.uk street-level crime CSV files"))
            found.update(inside)
        elif path.is_file():
            found.add(path)
        else:
            problems.append(Problem(path.name, None, None, "no such file or folder", "a police.uk CSV file"))
    if problems:
        raise DataError(problems)
    if not found:
        raise DataError("no police.uk files were given")
    return sorted(found, key=lambda p: (p.name, str(p)))


def read_street_files(paths: list[Path]) -> pd.DataFrame:
    """Read police.uk street CSVs as text (blank = ""), checking header and Month; raise DataError listing problems.

    Rows are ordered by month, then file, then position in the file, so "first" means earliest.
    Adds ``_file`` (file name) and ``_row`` (1-based spreadsheet row, header = 1).
    """
    frames: list[pd.DataFrame] = []
    problems: list[Problem] = []
    for path in paths:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        header = tuple(c.strip() for c in frame.columns)
        if header != COLUMNS:
            problems.append(Problem(path.name, 1, None, f"columns {', '.join(header) or '(none)'}",
                                    "the 12 police.uk street-level columns: " + ", ".join(COLUMNS)))
            continue
        frame.columns = list(COLUMNS)
        frame = frame.apply(lambda column: column.str.strip())
        bad = ~frame["Month"].str.match(_MONTH)
        for index in frame.index[bad][:20]:
            problems.append(Problem(path.name, int(index) + 2, "Month", repr(frame.at[index, "Month"]),
                                    "a month written YYYY-MM"))
        frame["_file"] = path.name
        frame["_row"] = frame.index + 2
        frames.append(frame)
    if problems:
        raise DataError(problems)
    combined = pd.concat(frames, ignore_index=True)
    return combined.sort_values(["Month", "_file", "_row"], kind="stable").reset_index(drop=True)
