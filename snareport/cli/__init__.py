"""Command line → library calls: build, variants, validate, init, diff, schema, import-policeuk.

This module reads the arguments and turns what a command raises into an exit code: 0 done, 1 bad input (or any
other failure, in one readable line), 2 usage. The commands are in :mod:`snareport.cli.reports` (build,
variants) and :mod:`snareport.cli.toolkit` (the analyst's tools); the steps they share in
:mod:`snareport.cli.shared`. Heavy modules (matplotlib, reportlab) are imported inside the commands that draw,
so ``--help`` and ``validate`` stay quick.
"""
from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import logging
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from snareport.cli.reports import run_build, run_variants
from snareport.cli.shared import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, PROG, UsageError, bundled_sample_data
from snareport.cli.toolkit import run_diff, run_import_policeuk, run_init, run_schema, run_validate
from snareport.errors import DataError, OutputError


def run() -> NoReturn:
    """The ``snareport`` command (and ``python -m snareport``): `main`, then the process ends at once.

    Once a command has written its files, tearing the interpreter down would only free, one by one, every
    object the run made and every module it loaded (~40 ms after a county build), memory the operating
    system takes back anyway. So the exit handlers run (a temporary folder is removed, logging is flushed),
    the output streams are flushed, and the process leaves without the teardown, as mypy's command does.
    Code that calls `main` itself (tests, notebooks) is unaffected.

    The command's processes (a build and its drawing worker; variants and its workers) keep the cores busy
    between them and never multiply large matrices, so numpy's BLAS library runs in one thread (unless the
    environment already says otherwise): OpenBLAS's own threads would start, and spin, on a core another
    process of the command needs (~0.1 s of CPU a process).
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # before numpy is imported (by the command)
    code = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):   # a closed pipe or stream has nothing left to flush
            stream.flush()
    os._exit(code)


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

    build = command("build", run_build, "Build one report (the whole area, or one district) as a PDF.")
    build.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help=data_help)
    build.add_argument("-o", "--output", metavar="OUT.pdf",
                       help="where to write the PDF (default: out/sna-<edition>-<area or district>.pdf)")
    build.add_argument("--district", metavar="NAME", help="build the variant for this district")
    build.add_argument("--layout", metavar="NAME|PATH", help="theme name in layouts/ or a theme YAML file "
                       "(default: the theme named in report.yaml)")
    build.add_argument("--json", metavar="OUT.json", help="also write the report model (every figure) as JSON")
    build.add_argument("--audience", choices=("public", "partners"),
                       help="override report.yaml's audience (public output suppresses small counts)")

    variants = command("variants", run_variants, "Build the area report and one report per district.")
    variants.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help=data_help)
    variants.add_argument("-o", "--output", metavar="OUT_DIR", default="out", help="output folder (default: out)")
    variants.add_argument("--districts", metavar="A,B", help="only these districts (comma-separated)")
    variants.add_argument("--workers", metavar="N", type=_positive_int, help="worker processes (default: one per CPU)")
    variants.add_argument("--scheduler", metavar="ADDRESS",
                          help="run on a Dask distributed scheduler at this address instead of local processes")
    variants.add_argument("--layout", metavar="NAME|PATH", help="theme (default: the theme named in report.yaml)")
    _add_toolkit_options(build, variants)

    validate = command("validate", run_validate, "Check a dataset folder and list every problem found.")
    validate.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help=data_help)
    validate.add_argument("--problems", metavar="PROBLEMS.csv",
                          help="write every problem, one row per bad cell (the message lists the first few of each)")
    _add_toolkit_commands(command)

    schema = command("schema", run_schema, "Write JSON Schemas of report.yaml, the content and the report model.")
    schema.add_argument("-o", "--output", metavar="DIR", help="write one .schema.json file per model here "
                        "(default: print them all as one JSON object)")

    opendata = command("import-policeuk", run_import_policeuk,
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
    init = command("init", run_init, "Start a dataset folder for a new area: a commented report.yaml, content "
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
    diff = command("diff", run_diff, "Compare two report JSON files (two builds, scopes or editions) figure by "
                   "figure.")
    diff.add_argument("a", metavar="A.json", help="the first report (snareport build --json)")
    diff.add_argument("b", metavar="B.json", help="the second report")
    diff.add_argument("--csv", metavar="OUT.csv", help="also write every differing figure as CSV (full precision)")
    diff.add_argument("--limit", metavar="N", type=_positive_int, help="print at most N figures (default: all)")


__all__ = ["main", "bundled_sample_data", "UsageError", "EXIT_OK", "EXIT_BAD_INPUT", "EXIT_USAGE"]
