"""The analyst's toolkit: ``validate`` (with ``--problems``), ``schema``, ``import-policeuk``, ``diff``, ``init``."""
from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from snareport.cli import shared
from snareport.cli.shared import EXIT_OK, PROG, UsageError
from snareport.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset


def run_validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    folder = shared.data_dir(args)
    dataset = _load_writing_problems(args)
    _check_theme(args, dataset)
    elapsed = time.perf_counter() - started
    shared.say(args, _summary(folder, dataset, elapsed))
    return EXIT_OK


def _summary(folder: Path, dataset: Dataset, elapsed: float) -> str:
    from snareport.dataset import TABLES

    config = dataset.config
    lines = [f"{folder}: no problems found ({elapsed:.2f} s)"]
    for name in TABLES:
        frame = getattr(dataset, name)
        if frame is None:
            lines.append(f"  {name:<20} not provided by this source")
            continue
        lines.append(f"  {name:<20} {len(frame):>9,} rows")
    dates = dataset.offences["occurred_at"]
    if len(dates):
        lines.append(f"  offences from {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}")
    lines.append(f"  {len(config.districts)} districts: {', '.join(config.districts)}")
    if config.source is not None:
        absent = ", ".join(config.source.fields_absent) or "none"
        lines.append(f"  source: {config.source.name or 'partial'} (fields not provided: {absent})")
    return "\n".join(lines)


def run_schema(args: argparse.Namespace) -> int:
    from snareport.atomic import atomic_write_text
    from snareport.config import ReportConfig
    from snareport.content.models import Content
    from snareport.models.field_docs import described_schema
    from snareport.models.report import Report

    schemas = {
        "report-config": ReportConfig.model_json_schema(),
        "content": Content.model_json_schema(),
        "report": described_schema(Report, mode="serialization"),
    }
    if not args.output:
        print(json.dumps(schemas, indent=2, sort_keys=True))
        return EXIT_OK
    folder = Path(args.output)
    for name, schema in schemas.items():
        path = folder / f"{name}.schema.json"
        atomic_write_text(path, json.dumps(schema, indent=2, sort_keys=True) + "\n")
        print(f"wrote {path}")
    return EXIT_OK


def run_import_policeuk(args: argparse.Namespace) -> int:
    from snareport.opendata.policeuk import import_files

    options: dict[str, Any] = {"area": args.area} if args.area else {}
    if args.population:
        options.update(population=Path(args.population), population_year=args.population_year)
    if args.include_public_order:
        options["include_public_order"] = True
    if args.publication_date:
        options["publication_date"] = args.publication_date
    summary = import_files([Path(p) for p in args.paths], Path(args.output), **options)
    print(summary.to_text())
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    from snareport.atomic import atomic_write_text
    from snareport.diff import as_csv, as_table, compare

    data = []
    for name in (args.a, args.b):
        try:
            data.append(json.loads(Path(name).read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise DataError(f"{name}: no such file") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataError(f"{name}: not a report JSON file ({exc})") from None
    changes, texts = compare(*data)
    if args.csv:
        atomic_write_text(args.csv, as_csv(changes))
    shown = changes[: args.limit] if args.limit else changes
    a_name, b_name = Path(args.a).stem, Path(args.b).stem
    if a_name == b_name:
        a_name, b_name = "A", "B"
    if not getattr(args, "quiet", False):
        if shown:
            print(as_table(shown, a_name, b_name))
        more = f" ({len(changes) - len(shown)} more not shown)" if len(shown) < len(changes) else ""
        print(f"{len(changes)} figures differ{more}; {texts} text values differ"
              + (f"; written to {args.csv}" if args.csv else ""))
    return EXIT_OK


def run_init(args: argparse.Namespace) -> int:
    from snareport.scaffold import TEMPLATE_NAME, Authority, scaffold

    authorities = None
    if args.authority:
        authorities = []
        for text in args.authority:
            name, _, listed = text.partition("=")
            districts = tuple(d.strip() for d in listed.split(",") if d.strip())
            if not name.strip() or not districts:
                raise UsageError(f"--authority {text!r}: write it as 'Council name=District A,District B'")
            authorities.append(Authority(name.strip(), districts))
        if args.district:
            raise UsageError("give the districts either with --district or inside --authority, not both")
    elif not args.district:
        raise UsageError("name the area's districts: --district A --district B (or --authority NAME=A,B)")
    written = scaffold(args.folder, args.area, args.district, authorities, args.year, args.window_end)
    folder = Path(args.folder)
    shared.say(args, f"wrote {len(written)} files to {folder}:\n"
               f"  report.yaml           settings: check every line marked CHECK\n"
               f"  content/              narrative stubs marked DRAFT, one file per section\n"
               f"  {TEMPLATE_NAME:<21} one sheet per table; paste the data under the headers\n"
               f"next: snareport validate {folder}")
    return EXIT_OK


def _load_writing_problems(args: argparse.Namespace) -> Dataset:
    """validate --problems: load, and write every problem found (none: just the header) as CSV."""
    target = getattr(args, "problems", None)
    if not target:
        return shared.load(args)
    try:
        dataset = shared.load(args)
    except DataError as exc:
        _write_problems_csv(Path(target), exc.every)
        logging.getLogger(PROG).info("wrote %d problems to %s", len(exc.every), target)
        raise
    _write_problems_csv(Path(target), [])
    return dataset


def _check_theme(args: argparse.Namespace, dataset: Dataset) -> None:
    """validate: the theme report.yaml names must load (found, WCAG contrast, TrueType fonts)."""
    from snareport.errors import Problem
    from snareport.theme import load_theme

    try:
        load_theme(dataset.config.theme_location())
    except DataError as exc:
        problems = [Problem("report.yaml", None, "theme", p.found, "a bundled theme's name or a theme .yaml file "
                            "(relative to the dataset folder) with colours that meet WCAG contrast and TrueType fonts")
                    for p in exc.problems]
        if getattr(args, "problems", None):
            _write_problems_csv(Path(args.problems), problems)
        raise DataError(problems) from None


def _write_problems_csv(path: Path, problems: Sequence[Any]) -> None:
    import csv
    import io

    from snareport.atomic import atomic_write_bytes

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "row", "column", "found", "expected"])
    writer.writerows([p.file, "" if p.row is None else p.row, p.column or "", p.found, p.expected] for p in problems)
    atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))  # with a BOM, so Excel reads it as UTF-8

