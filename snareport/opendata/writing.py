"""Imported tables, report config and the bundled open-data content → files in a dataset folder."""
from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd
import yaml

from snareport.atomic import write_together
from snareport.errors import DataError, Problem

OWN_FILES = ("offences.csv", "harm_weights.csv", "population.csv", "report.yaml", "import_summary.yaml")
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_DIR = "content"


def write_dataset(out_dir: Path, offences: pd.DataFrame, harm_weights: pd.DataFrame, config: dict,
                  summary: dict, population: pd.DataFrame | None = None) -> None:
    """Write the dataset folder (``summary`` is the import summary's record for import_summary.yaml).
    Refuses a folder holding anything an earlier import did not write.

    Every CSV cell is written through :func:`neutralise`; YAML is emitted by PyYAML, never joined.
    All files are replaced together or none is (:func:`snareport.atomic.write_together`)."""
    _check_folder(out_dir)
    texts = {"offences.csv": _csv(offences), "harm_weights.csv": _csv(harm_weights)}
    if population is not None:
        texts["population.csv"] = _csv(population)
    texts |= {"report.yaml": _HEADER + _dump(config), "import_summary.yaml": _dump(summary)}
    files = [(out_dir / name, text.encode("utf-8")) for name, text in texts.items()]
    files += _content_files(resources.files("snareport.opendata").joinpath(CONTENT_DIR), out_dir / CONTENT_DIR)
    write_together(files)
    if population is None:   # an earlier import's table would no longer match
        (out_dir / "population.csv").unlink(missing_ok=True)


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


def _content_files(source: Traversable, target: Path) -> list[tuple[Path, bytes]]:
    """The bundled content tree (files only, recursively) as (path under ``target``, bytes)."""
    files: list[tuple[Path, bytes]] = []
    for item in sorted(source.iterdir(), key=lambda t: t.name):
        if item.name.startswith((".", "__")):
            continue
        if item.is_dir():
            files += _content_files(item, target / item.name)
        else:
            files.append((target / item.name, item.read_bytes()))
    return files
