"""The steps the commands share: the dataset folder and its loading, the district asked for, where outputs
go, the closing line, the run record. Commands call them as ``shared.NAME`` (one place to look them up)."""
from __future__ import annotations

import argparse
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from snareport.errors import OutputError

if TYPE_CHECKING:  # pragma: no cover
    from snareport.config import ReportConfig
    from snareport.dataset import Dataset

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
PROG = "snareport"


class UsageError(Exception):
    """A command-line argument that cannot be used (exit code 2)."""


def bundled_sample_data() -> Path:
    """The bundled sample_data/ folder (beside the package in a checkout, or installed with it)."""
    from snareport.resources import bundled_dir

    return bundled_dir("sample_data")


def data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return Path(args.data_dir)
    bundled = bundled_sample_data()
    if not bundled.is_dir():
        raise UsageError("no DATA_DIR given and there is no bundled sample_data/ folder next to the package; "
                         "name the dataset folder to use")
    return bundled


def load(args: argparse.Namespace) -> Dataset:
    from snareport.loading import load_dataset

    began = time.perf_counter()
    dataset = load_dataset(data_dir(args))
    args.load_seconds = time.perf_counter() - began
    return dataset


def district_named(config: ReportConfig, name: str) -> str:
    """The district as report.yaml spells it (matched ignoring case), or a usage error listing them."""
    folded = {d.casefold(): d for d in config.districts}
    match = folded.get(" ".join(name.split()).casefold())
    if match is None:
        raise UsageError(f"{name!r} is not a district in report.yaml{_did_you_mean(name, config.districts)}; "
                         f"choose from: {', '.join(config.districts)}")
    return match


def explicit_target(value: str | None) -> tuple[Path | None, bool]:
    """An ``-o``/``--json`` value → (path, into_folder). A value ending in '/' means "into that folder" (made if
    missing); anything else is a file, checked now — before any work — so a bad target fails fast."""
    from snareport.atomic import check_target

    if not value:
        return None, False
    if value.endswith(("/", os.sep)):
        folder = Path(value)
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{value} is not a folder (a trailing '/' means: write into this folder)")
        return folder, True
    return check_target(value), False


def output_path(value: str | None, default_folder: Path, default_name: str) -> Path:
    """Where an output goes: the file named, the default name inside a folder given with '/', or the default."""
    from snareport.atomic import check_target

    path, into_folder = explicit_target(value)
    if path is None:
        path = default_folder / default_name
    elif into_folder:
        path = path / default_name
    return check_target(path)


def say(args: argparse.Namespace, text: str) -> None:
    """A command's closing line on stdout, unless -q."""
    if not getattr(args, "quiet", False):
        print(text)


def _did_you_mean(name: str, choices: Sequence[str]) -> str:
    import difflib

    folded = {" ".join(c.split()).casefold(): c for c in choices}
    near = difflib.get_close_matches(" ".join(name.split()).casefold(), list(folded), n=1, cutoff=0.6)
    return f" (did you mean {folded[near[0]]!r}?)" if near else ""


def record_start(args: argparse.Namespace, dataset: Dataset) -> Any:
    from snareport.runlog import RunRecord

    tables = getattr(args, "tables", None)
    if args.command == "build" and tables and Path(tables).suffix.lower() not in (".ods", ".xlsx"):
        raise UsageError(f"--tables {tables}: name a .ods or .xlsx file")
    record = RunRecord(args.command)
    if "load" not in record.data["timings_s"] and hasattr(args, "load_seconds"):
        record.data["timings_s"]["load"] = round(args.load_seconds, 4)
    if getattr(args, "log", None) or getattr(args, "verbose", 0):
        record.inputs(data_dir(args), dataset.config)
    return record


def record_finish(args: argparse.Namespace, record: Any) -> None:
    if getattr(args, "log", None):
        path = record.write(args.log)
        logging.getLogger(PROG).info("run record written to %s", path)
    logging.getLogger(PROG).info("%s", record.summary())

