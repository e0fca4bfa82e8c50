"""Command line → library calls: build, variants, validate, schema, import-policeuk.

Exit codes: 0 done, 1 bad input (or any other failure, in one readable line), 2 usage.
Heavy modules (matplotlib, reportlab) are imported inside the commands that draw, so ``--help``
and ``validate`` stay quick.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import json
import logging
import os
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from snareport.errors import DataError, OutputError

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 after --help or --version, 2 for a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    args.debug = getattr(args, "debug", False)
    if not args.debug:
        warnings.showwarning = _show_warning
    _configure_logging(getattr(args, "verbose", 0), getattr(args, "quiet", False), args.debug)
    if args.command is None:  # `snareport` or `python -m snareport` alone: say what it can do
        parser.print_help(sys.stdout)
        return EXIT_OK
    try:
        code: int = args.run(args)
        return code
    except DataError as exc:
        if args.debug:
            traceback.print_exc()
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (UsageError, OutputError) as exc:
        print(f"{PROG} {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 — lets the interpreter's final flush succeed
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        detail = (str(exc).strip().splitlines() or [""])[0]
        hint = "" if args.debug else " (run again with --debug for the traceback)"
        print(f"{PROG} {args.command}: error: {type(exc).__name__}: {detail}{hint}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """A library's warning as one line of ours: what it says, never the library's source path (--debug shows it)."""
    text = " ".join(str(message).split())
    print(f"{PROG}: warning: {text}", file=sys.stderr)


# ---------------------------------------------------------------- argument parsing


def _parser() -> argparse.ArgumentParser:
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show full tracebacks for errors")
    debug.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                       help="say more on stderr (-v: each stage and the run record; -vv: debugging detail)")
    debug.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                       help="print nothing but errors")
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Serious Violence Strategic Needs Assessment reports from a dataset folder.",
        parents=[debug],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    parser.set_defaults(command=None)  # not debug: the --debug action is shared with the subcommands
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[debug])
        sub.set_defaults(run=run)
        return sub

    data_help = "dataset folder (default: the bundled sample_data/)"

    build = command("build", _run_build, "Build one report (the whole area, or one district) as a PDF.")
    build.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help=data_help)
    build.add_argument("-o", "--output", metavar="OUT.pdf",
                       help="where to write the PDF (default: out/sna-<edition>-<area or district>.pdf)")
    build.add_argument("--district", metavar="NAME", help="build the variant for this district")
    build.add_argument("--layout", metavar="NAME|PATH", help="theme name in layouts/ or a theme YAML file "
                       "(default: the theme named in report.yaml)")
    build.add_argument("--json", metavar="OUT.json", help="also write the report model (every figure) as JSON")
    build.add_argument("--audience", choices=("public", "partners"),
                       help="override report.yaml's audience (public output suppresses small counts)")

    variants = command("variants", _run_variants, "Build the area report and one report per district.")
    variants.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help=data_help)
    variants.add_argument("-o", "--output", metavar="OUT_DIR", default="out", help="output folder (default: out)")
    variants.add_argument("--districts", metavar="A,B", help="only these districts (comma-separated)")
    variants.add_argument("--workers", metavar="N", type=_positive_int, help="worker processes (default: one per CPU)")
    variants.add_argument("--scheduler", metavar="ADDRESS",
                          help="run on a Dask distributed scheduler at this address instead of local processes")
    variants.add_argument("--layout", metavar="NAME|PATH", help="theme (default: the theme named in report.yaml)")
    _add_toolkit_options(build, variants)

    validate = command("validate", _run_validate, "Check a dataset folder and list every problem found.")
    validate.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help=data_help)
    validate.add_argument("--problems", metavar="PROBLEMS.csv",
                          help="write every problem, one row per bad cell (the message lists the first few of each)")
    _add_toolkit_commands(command)

    schema = command("schema", _run_schema, "Write JSON Schemas of report.yaml, the content and the report model.")
    schema.add_argument("-o", "--output", metavar="DIR", help="write one .schema.json file per model here "
                        "(default: print them all as one JSON object)")

    opendata = command("import-policeuk", _run_import_policeuk,
                       "Turn police.uk street-level crime CSV files into a dataset folder.")
    opendata.add_argument("paths", nargs="+", metavar="FILES_OR_DIR", help="police.uk CSV files or folders of them")
    opendata.add_argument("-o", "--output", metavar="DATA_DIR", required=True, help="dataset folder to write")
    opendata.add_argument("--area", metavar="NAME", help="area to keep (default: Kent and Medway)")
    opendata.add_argument("--include-public-order", action="store_true",
                          help="also count police.uk's Public order crimes (left out by default: see docs/policeuk.md)")
    opendata.add_argument("--population", metavar="CSV",
                          help="ONS mid-year population estimates by local authority (gives rates per 1,000 residents)")
    opendata.add_argument("--population-year", metavar="YEAR", type=_positive_int,
                          help="the year the --population estimates are for (required with --population)")
    opendata.add_argument("--publication-date", metavar="YYYY-MM-DD", type=_iso_date,
                          help="date printed as published (default: today, or SOURCE_DATE_EPOCH when set)")
    return parser


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date written YYYY-MM-DD: {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


# ---------------------------------------------------------------- shared steps


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return Path(args.data_dir)
    bundled = bundled_sample_data()
    if not bundled.is_dir():
        raise UsageError("no DATA_DIR given and there is no bundled sample_data/ folder next to the package; "
                         "name the dataset folder to use")
    return bundled


def _load(args: argparse.Namespace) -> Dataset:
    from snareport.loading import load_dataset

    began = time.perf_counter()
    dataset = load_dataset(_data_dir(args))
    args.load_seconds = time.perf_counter() - began
    return dataset


def _district(config: ReportConfig, name: str) -> str:
    """The district as report.yaml spells it (matched ignoring case), or a usage error listing them."""
    folded = {d.casefold(): d for d in config.districts}
    match = folded.get(" ".join(name.split()).casefold())
    if match is None:
        raise UsageError(f"{name!r} is not a district in report.yaml{_did_you_mean(name, config.districts)}; "
                         f"choose from: {', '.join(config.districts)}")
    return match


def _explicit_target(value: str | None) -> tuple[Path | None, bool]:
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


def _output_path(value: str | None, default_folder: Path, default_name: str) -> Path:
    """Where an output goes: the file named, the default name inside a folder given with '/', or the default."""
    from snareport.atomic import check_target

    path, into_folder = _explicit_target(value)
    if path is None:
        path = default_folder / default_name
    elif into_folder:
        path = path / default_name
    return check_target(path)


# ---------------------------------------------------------------- commands


def _run_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    _collect_garbage_rarely()
    _explicit_target(args.output)   # a target that cannot be written is refused before any work
    _explicit_target(args.json)
    _explicit_target(getattr(args, "tables", None))
    dataset = _load(args)
    config = dataset.config
    district = _district(config, args.district) if args.district else None
    if args.audience and args.audience != config.audience:
        dataset = dataclasses.replace(dataset, config=config.model_copy(update={"audience": args.audience}))
        config = dataset.config
    from snareport.atomic import write_together
    from snareport.build import build_report
    from snareport.naming import report_filename
    from snareport.render import render_bytes

    name = report_filename(config.edition, config.area, district, audience=config.audience)
    target = _output_path(args.output, Path("out"), name)
    outputs = [target]
    if args.json:
        outputs.append(_output_path(args.json, Path("out"), name[:-len(".pdf")] + ".json"))
    if len({os.path.abspath(p) for p in outputs}) != len(outputs):
        raise UsageError(f"-o and --json name the same file: {target}")
    gc.freeze()  # the dataset and the modules loaded so far live until the process ends
    record = _record_start(args, dataset)
    with record.stage("report"):
        report = build_report(dataset, district=district)
    with record.stage("render"):
        files = [(target, render_bytes(report, layout=args.layout or config.theme_location()))]
    if args.json:
        files.append((outputs[1], (report.model_dump_json(indent=2) + "\n").encode("utf-8")))
    files += _build_tables_file(args, report, record, name, outputs)
    write_together(files)   # the PDF, its JSON and its data tables are replaced together, or none is
    for path, _ in files:
        record.output(path, path.suffix.lstrip("."))
    _record_finish(args, record)
    elapsed = time.perf_counter() - started
    extra = "".join(f" and {path}" for path, _ in files[1:])
    _say(args, f"wrote {target}{extra} ({district or config.area}, {config.audience}) in {elapsed:.1f} s")
    gc.freeze()  # nothing left to free: spare the interpreter's full collection at exit
    return EXIT_OK


def _collect_garbage_rarely() -> None:
    """One build is a short-lived process: the cyclic collector, left at its defaults, spends a tenth
    of a second re-scanning long-lived library objects, so scan young objects less often and freeze
    everything imported so far (collection changes memory use only, never what is written)."""
    gc.set_threshold(50_000, 20, 100)
    gc.freeze()


def _run_variants(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} is not a folder: variants writes one PDF per report into a folder")
    dataset = _load(args)
    districts = (
        [_district(dataset.config, name) for name in args.districts.split(",") if name.strip()]
        if args.districts
        else None
    )
    from snareport.progress import Progress
    from snareport.variants import BatchError, build_variants

    record = _record_start(args, dataset)
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


def _run_validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    folder = _data_dir(args)
    dataset = _load_writing_problems(args)
    _check_theme(args, dataset)
    elapsed = time.perf_counter() - started
    _say(args, _summary(folder, dataset, elapsed))
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


def _run_schema(args: argparse.Namespace) -> int:
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


def _run_import_policeuk(args: argparse.Namespace) -> int:
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


# ---------------------------------------------------------------- the analyst's toolkit: logging, run record,
# data tables, init, diff (kept apart from the commands above so their edits do not collide)


def _version() -> str:
    from snareport import __version__

    return __version__


def _configure_logging(verbose: int, quiet: bool, debug: bool) -> None:
    """Standard logging on stderr for the "snareport" logger: warnings by default, -v info, -vv debug."""
    level = logging.ERROR if quiet else logging.DEBUG if (verbose >= 2 or debug) else \
        logging.INFO if verbose == 1 else logging.WARNING
    logger = logging.getLogger(PROG)
    logger.setLevel(level)
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter(f"{PROG}: %(message)s"))
        logger.addHandler(handler)
    logger.propagate = False


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time of each message (so captured or redirected
    stderr is honoured when the command line runs more than once in one process)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


def _say(args: argparse.Namespace, text: str) -> None:
    """A command's closing line on stdout, unless -q."""
    if not getattr(args, "quiet", False):
        print(text)


def _add_toolkit_options(build: argparse.ArgumentParser, variants: argparse.ArgumentParser) -> None:
    build.add_argument("--tables", metavar="OUT.ods|OUT.xlsx",
                       help="also write every table and chart's figures as an accessible spreadsheet")
    variants.add_argument("--tables", choices=("ods", "xlsx"),
                          help="also write each report's data tables as a spreadsheet beside its PDF")
    for sub in (build, variants):
        sub.add_argument("--log", metavar="FILE.json",
                         help="write a run record: input files' SHA-256, settings, versions, timings, outputs")


def _add_toolkit_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Subcommands of the analyst's toolkit."""
    _add_diff_command(command)
    init = command("init", _run_init, "Start a dataset folder for a new area: a commented report.yaml, content "
                   "stubs for every section and an Excel template with drop-down lists.")
    init.add_argument("folder", metavar="DIR", help="the folder to create (must not hold a report.yaml yet)")
    init.add_argument("--area", metavar="NAME", required=True, help="the area's name, as the report prints it")
    init.add_argument("--district", metavar="NAME", action="append", default=[],
                      help="a district of the area (repeat for each district)")
    init.add_argument("--authority", metavar="NAME=A,B", action="append", default=[],
                      help="a council and its districts (repeat; instead of --district when there are several)")
    init.add_argument("--year", metavar="YYYY/YY", help="the latest financial year of data (default: the last "
                      "one that has ended)")
    init.add_argument("--window-end", metavar="YYYY-MM", help="the last month of the rolling windows (default: "
                      "last month)")


def _add_diff_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    diff = command("diff", _run_diff, "Compare two report JSON files (two builds, scopes or editions) figure by "
                   "figure.")
    diff.add_argument("a", metavar="A.json", help="the first report (snareport build --json)")
    diff.add_argument("b", metavar="B.json", help="the second report")
    diff.add_argument("--csv", metavar="OUT.csv", help="also write every differing figure as CSV (full precision)")
    diff.add_argument("--limit", metavar="N", type=_positive_int, help="print at most N figures (default: all)")


def _run_diff(args: argparse.Namespace) -> int:
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


def _run_init(args: argparse.Namespace) -> int:
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
    _say(args, f"wrote {len(written)} files to {folder}:\n"
               f"  report.yaml           settings: check every line marked CHECK\n"
               f"  content/              narrative stubs marked DRAFT, one file per section\n"
               f"  {TEMPLATE_NAME:<21} one sheet per table; paste the data under the headers\n"
               f"next: snareport validate {folder}")
    return EXIT_OK


def _did_you_mean(name: str, choices: Sequence[str]) -> str:
    import difflib

    folded = {" ".join(c.split()).casefold(): c for c in choices}
    near = difflib.get_close_matches(" ".join(name.split()).casefold(), list(folded), n=1, cutoff=0.6)
    return f" (did you mean {folded[near[0]]!r}?)" if near else ""


def _load_writing_problems(args: argparse.Namespace) -> Dataset:
    """validate --problems: load, and write every problem found (none: just the header) as CSV."""
    target = getattr(args, "problems", None)
    if not target:
        return _load(args)
    try:
        dataset = _load(args)
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


def _record_start(args: argparse.Namespace, dataset: Dataset) -> Any:
    from snareport.runlog import RunRecord

    tables = getattr(args, "tables", None)
    if args.command == "build" and tables and Path(tables).suffix.lower() not in (".ods", ".xlsx"):
        raise UsageError(f"--tables {tables}: name a .ods or .xlsx file")
    record = RunRecord(args.command)
    if "load" not in record.data["timings_s"] and hasattr(args, "load_seconds"):
        record.data["timings_s"]["load"] = round(args.load_seconds, 4)
    if getattr(args, "log", None) or getattr(args, "verbose", 0):
        record.inputs(_data_dir(args), dataset.config)
    return record


def _record_finish(args: argparse.Namespace, record: Any) -> None:
    if getattr(args, "log", None):
        path = record.write(args.log)
        logging.getLogger(PROG).info("run record written to %s", path)
    logging.getLogger(PROG).info("%s", record.summary())


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
    _record_finish(args, record)


def _build_tables_file(args: argparse.Namespace, report: Any, record: Any, pdf_name: str,
                       others: list[Path]) -> list[tuple[Path, bytes]]:
    """build --tables: the spreadsheet of the report's data tables, as (path, bytes) to write with the PDF."""
    if not getattr(args, "tables", None):
        return []
    from snareport.tables import spreadsheet_bytes

    suffix = Path(args.tables).suffix.lower()
    target = _output_path(args.tables, Path("out"), pdf_name[:-len(".pdf")] + (suffix or ".ods"))
    if os.path.abspath(target) in {os.path.abspath(p) for p in others}:
        raise UsageError(f"--tables names the same file as another output: {target}")
    with record.stage("tables"):
        data = spreadsheet_bytes(report, target.suffix.lower().lstrip("."))
    return [(target, data)]


__all__ = ["main", "bundled_sample_data", "UsageError", "EXIT_OK", "EXIT_BAD_INPUT", "EXIT_USAGE"]
