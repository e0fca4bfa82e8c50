"""Imported tables, report config and the bundled open-data content → files in a dataset folder."""
from __future__ import annotations

import os
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd
import yaml

from snareport.errors import DataError, Problem

OWN_FILES = ("offences.csv", "harm_weights.csv", "population.csv", "report.yaml", "import_summary.yaml")
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_DIR = "content"


def write_dataset(out_dir: Path, offences: pd.DataFrame, harm_weights: pd.DataFrame, config: dict,
                  summary: dict, population: pd.DataFrame | None = None) -> None:
    """Write the dataset folder (``summary`` is the import summary's record for import_summary.yaml).
    Refuses a folder holding anything an earlier import did not write.

    Every CSV cell is written through :func:`neutralise`; YAML is emitted by PyYAML, never joined."""
    _check_folder(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_text(out_dir / "offences.csv", _csv(offences))
    _write_text(out_dir / "harm_weights.csv", _csv(harm_weights))
    if population is not None:
        _write_text(out_dir / "population.csv", _csv(population))
    elif (out_dir / "population.csv").exists():   # an earlier import's table would no longer match
        (out_dir / "population.csv").unlink()
    _write_text(out_dir / "report.yaml", _HEADER + _dump(config))
    _write_text(out_dir / "import_summary.yaml", _dump(summary))
    _copy_content(resources.files("snareport.opendata").joinpath(CONTENT_DIR), out_dir / CONTENT_DIR)


_HEADER = (
    "# Written by `snareport import-policeuk` from police.uk street-level crime files.\n"
    "# Periods come from the months in the data; `source` says which tables and fields exist.\n"
)


def neutralise(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, made inert by a leading apostrophe (OWASP
    CSV-injection guidance); anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(frame: pd.DataFrame) -> str:
    text_columns = [c for c in frame.columns
                    if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)]
    safe = frame.assign(**{c: frame[c].map(neutralise) for c in text_columns})
    return safe.to_csv(index=False, lineterminator="\n")


def _check_folder(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise DataError(Problem(out_dir.name, None, None, "a file", "a folder to write the dataset into"))
    foreign = sorted(p.name for p in out_dir.iterdir() if p.name not in OWN_FILES and p.name != CONTENT_DIR)
    if foreign:
        raise DataError(Problem(out_dir.name, None, None, f"other files already there ({', '.join(foreign[:5])})",
                                "an empty folder, or one written by an earlier import"))


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out in full (no &anchors / *aliases), so people can edit the file."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100)


def _write_text(path: Path, text: str) -> None:
    """Atomic write: a temporary file in the same folder, then rename over the target."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _copy_content(source: Traversable, target: Path) -> None:
    """Copy the bundled content tree (files only, recursively)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir(), key=lambda t: t.name):
        if item.name.startswith((".", "__")):
            continue
        if item.is_dir():
            _copy_content(item, target / item.name)
        else:
            _write_text(target / item.name, item.read_text(encoding="utf-8"))
