"""The commands that write reports: ``build`` (one PDF, with its JSON and data tables) and ``variants`` (the area
and every district, on local processes or a Dask scheduler)."""
from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from snareport.cli import shared
from snareport.cli.shared import EXIT_BAD_INPUT, EXIT_OK, UsageError
from snareport.collector import freeze_for_good
from snareport.errors import OutputError

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset
    from snareport.variants import DrawingWorker


def run_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    _collect_garbage_rarely()
    shared.explicit_target(args.output)   # a target that cannot be written is refused before any work
    shared.explicit_target(args.json)
    shared.explicit_target(getattr(args, "tables", None))
    from snareport.variants import drawing_worker

    # the document is drawn in a worker started now: it imports the drawing modules while this process
    # loads the data and computes the report (on a single core it is drawn here)
    with drawing_worker() as worker:
        return _build(args, worker, started)


def _build(args: argparse.Namespace, worker: DrawingWorker, started: float) -> int:
    dataset = shared.load(args)
    config = dataset.config
    district = shared.district_named(config, args.district) if args.district else None
    if args.audience and args.audience != config.audience:
        dataset = dataclasses.replace(dataset, config=config.model_copy(update={"audience": args.audience}))
        config = dataset.config
    from snareport.atomic import write_together
    from snareport.build import build_report
    from snareport.naming import report_filename
    from snareport.theme import load_theme

    name = report_filename(config.edition, config.area, district, audience=config.audience)
    target = shared.output_path(args.output, Path("out"), name)
    outputs = [target]
    if args.json:
        outputs.append(shared.output_path(args.json, Path("out"), name[:-len(".pdf")] + ".json"))
    if len({os.path.abspath(p) for p in outputs}) != len(outputs):
        raise UsageError(f"-o and --json name the same file: {target}")
    layout = args.layout or config.theme_location()
    load_theme(layout)      # a theme that cannot load is one error here, before any work
    worker.prepare(layout)  # the worker registers its fonts meanwhile
    freeze_for_good()  # the dataset and the modules loaded so far live until the process ends
    record = shared.record_start(args, dataset)
    with record.stage("report"):
        report = build_report(dataset, district=district)
    with record.stage("render"):
        files = [(target, worker.draw(report, layout))]
    if args.json:
        files.append((outputs[1], (report.model_dump_json(indent=2) + "\n").encode("utf-8")))
    files += _build_tables_file(args, report, record, name, outputs)
    write_together(files)   # the PDF, its JSON and its data tables are replaced together, or none is
    for path, _ in files:
        record.output(path, path.suffix.lstrip("."))
    shared.record_finish(args, record)
    elapsed = time.perf_counter() - started
    extra = "".join(f" and {path}" for path, _ in files[1:])
    shared.say(args, f"wrote {target}{extra} ({district or config.area}, {config.audience}) in {elapsed:.1f} s")
    freeze_for_good()  # nothing left to free: spare the interpreter's full collection at exit
    return EXIT_OK


def _collect_garbage_rarely() -> None:
    """One build (or batch) is a short-lived process: the cyclic collector, left at its defaults, spends a tenth
    of a second re-scanning long-lived library objects, so freeze everything imported so far and collect
    young objects only after 200,000 new ones (each young collection walks them all: at 50,000 a county
    build's parent ran three, ~30 ms; now its imports, data and reports fit below the threshold). Collection
    changes memory use only, never what is written."""
    gc.set_threshold(200_000, 20, 100)
    freeze_for_good()


def run_variants(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    _collect_garbage_rarely()
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} is not a folder: variants writes one PDF per report into a folder")
    dataset = shared.load(args)
    freeze_for_good()  # the dataset lives until the process ends (and forked workers never scan it)
    districts = (
        [shared.district_named(dataset.config, name) for name in args.districts.split(",") if name.strip()]
        if args.districts
        else None
    )
    from snareport.progress import Progress
    from snareport.variants import BatchError, build_variants

    record = shared.record_start(args, dataset)
    with _executor(args) as executor, record.stage("variants"):
        try:
            written = build_variants(
                dataset,
                Path(args.output),
                districts=districts,
                executor=executor,
                layout=args.layout or str(dataset.config.theme_location()),
                workers=args.workers,
                progress=Progress(enabled=not getattr(args, "quiet", False)),
                tables=getattr(args, "tables", None),
            )
        except BatchError as exc:
            print(exc, file=sys.stderr)
            return EXIT_BAD_INPUT
    _variant_tables_and_record(args, dataset, written, record)
    if not getattr(args, "quiet", False):
        print(f"wrote {len(written)} reports to {args.output} in {time.perf_counter() - started:.1f} s")
    freeze_for_good()  # nothing left to free: spare the interpreter's full collection at exit
    return EXIT_OK


class _executor:
    """What the variants run on: a Dask client, or (None) the library's own pool of --workers processes."""

    def __init__(self, args: argparse.Namespace) -> None:
        self._args = args
        self._resource: Any = None

    def __enter__(self) -> Any:
        if self._args.scheduler:
            try:
                from distributed import Client
            except ImportError:
                raise UsageError("--scheduler needs the 'distributed' package: pip install 'snareport[distributed]'") \
                    from None
            self._resource = Client(self._args.scheduler)  # type: ignore[no-untyped-call]
        return self._resource

    def __exit__(self, *exc: object) -> None:
        if self._resource is not None:
            self._resource.close()


def _variant_tables_and_record(args: argparse.Namespace, dataset: Dataset, written: dict[str, Path],
                               record: Any) -> None:
    """The run record of a batch: every PDF, its data tables (variants --tables) and the manifest."""
    for pdf in written.values():
        for path, kind in ((Path(pdf), "pdf"), (Path(pdf).with_suffix(f".{getattr(args, 'tables', None)}"),
                                                getattr(args, "tables", None))):
            if kind and path.is_file():
                record.output(path, kind)
    manifest = Path(args.output) / "manifest.json"
    if manifest.is_file():
        record.output(manifest, "manifest")
    shared.record_finish(args, record)


def _build_tables_file(args: argparse.Namespace, report: Any, record: Any, pdf_name: str,
                       others: list[Path]) -> list[tuple[Path, bytes]]:
    """build --tables: the spreadsheet of the report's data tables, as (path, bytes) to write with the PDF."""
    if not getattr(args, "tables", None):
        return []
    from snareport.tables import spreadsheet_bytes

    suffix = Path(args.tables).suffix.lower()
    target = shared.output_path(args.tables, Path("out"), pdf_name[:-len(".pdf")] + (suffix or ".ods"))
    if os.path.abspath(target) in {os.path.abspath(p) for p in others}:
        raise UsageError(f"--tables names the same file as another output: {target}")
    with record.stage("tables"):
        data = spreadsheet_bytes(report, target.suffix.lower().lstrip("."))
    return [(target, data)]

