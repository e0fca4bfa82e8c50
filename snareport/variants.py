"""Dataset → the county report plus one PDF per district, on any executor, with a manifest.

The caller loads the dataset once. Every report is computed here, in the calling process (the work
shared by all scopes is done once per dataset); the workers only lay out and draw: each task is one
frozen, picklable ``Report`` and the path to write. So any ``concurrent.futures.Executor`` works — a
process pool whose workers are forked or spawned (Windows, macOS), a Dask client — and a worker never
needs the dataset. The same drawing workers serve ``snareport build``: one `DrawingWorker`, started before
the data is read, draws its one document.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from snareport.atomic import atomic_write_bytes
from snareport.collector import freeze_for_good
from snareport.errors import DataError, Problem, describe_failure
from snareport.naming import plan_filenames

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset
    from snareport.models.report import Report

MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class DocumentResult:
    """What one task wrote (or why it failed)."""

    label: str
    district: str | None
    file: str
    sha256: str | None = None
    pages: int | None = None
    bytes: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchError(Exception):
    """Some documents of a batch failed; every other document was written."""

    failures: list[DocumentResult]
    written: dict[str, Path] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [f"{len(self.failures)} of {len(self.failures) + len(self.written)} documents failed:"]
        lines += [f"  {f.label}: {f.error}" for f in self.failures]
        return "\n".join(lines)


def build_variants(
    ds: Dataset,
    out_dir: str | Path,
    districts: Iterable[str] | None = None,
    executor: Executor | Any | None = None,
    layout: str | None = None,
    *,
    workers: int | None = None,
    include_county: bool = True,
    progress: Callable[[DocumentResult, int, int], None] | None = None,
    tables: str | None = None,
) -> dict[str, Path]:
    """Write the county report and one report per district into ``out_dir``.

    ``districts`` defaults to every district in report.yaml. ``executor`` is any
    ``concurrent.futures.Executor`` or a ``dask.distributed.Client``; by default a process pool
    sized to the machine (or to ``workers``). Returns ``{label: path}`` (label = area name for the county report,
    else the district). Writes ``manifest.json`` beside the PDFs. If any document fails, the
    others are still written and :class:`BatchError` is raised at the end. ``layout`` defaults to the theme
    report.yaml names; ``tables="ods"`` or ``"xlsx"`` also writes each report's data tables beside its PDF.
    """
    out = Path(out_dir)
    layout = layout or str(ds.config.theme_location())
    wanted = list(ds.config.districts if districts is None else districts)
    unknown = [name for name in wanted if name not in ds.config.districts]
    if unknown:
        raise DataError([
            Problem("report.yaml", None, "authorities", f"district {name!r}",
                    "one of: " + ", ".join(ds.config.districts))
            for name in unknown
        ])
    scopes: list[str | None] = ([None] if include_county else []) + wanted
    names = plan_filenames(ds.config.edition, ds.config.area, scopes, audience=ds.config.audience)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(d, out / names[d]) for d in scopes]

    results = _run(ds, jobs, executor, layout, progress, workers, tables)
    _write_manifest(ds, out, results, layout)
    written = {r.label: out / r.file for r in results if r.ok}
    failures = [r for r in results if not r.ok]
    if failures:
        raise BatchError(failures, written)
    return written


def _run(ds: Dataset, jobs: list[tuple[str | None, Path]], executor: Executor | Any | None, layout: str,
         progress: Callable[[DocumentResult, int, int], None] | None, workers: int | None,
         tables: str | None = None) -> list[DocumentResult]:
    total = len(jobs)
    own_pool = executor is None
    pool = _default_pool(total, workers, layout) if executor is None else executor
    try:
        submit = _submitter(pool)
        futures: list[Future[DocumentResult] | Any] = []
        for (district, path), report in zip(jobs, _reports(ds, [d for d, _ in jobs])):
            label = district or ds.config.area
            if not isinstance(report, Exception) and tables:
                report = _write_tables(report, path, tables)
            if isinstance(report, Exception):
                futures.append(_failed(report))
            else:
                futures.append(submit(_render_report, report, label, str(path), layout))
        results: list[DocumentResult] = []
        for (district, path), fut in zip(jobs, futures):
            result = _collect(fut, ds, district, path)
            results.append(result)
            if progress is not None:
                progress(result, len(results), total)
        return results
    finally:
        if own_pool:
            pool.shutdown(wait=True)


def _reports(ds: Dataset, scopes: list[str | None]) -> Iterator[Report | Exception]:
    """Each scope's Report (or the error that stopped it), computed in this process, in order.

    They are computed in one call (``build_reports``: a public batch is disclosed together).
    """
    from snareport.build import build_reports

    try:
        failures: dict[str | None, Exception] = {}
        reports = build_reports(ds, scopes, failures=failures)          # {scope: Report}
        yield from (reports[scope] if scope in reports else failures[scope] for scope in scopes)
    except Exception as exc:  # the whole batch failed: every document says why
        for _ in scopes:
            yield exc


def _write_tables(report: Report, pdf: Path, fmt: str) -> Report | Exception:
    """The report's data tables beside its PDF (``build --tables`` for a batch); an error fails the document."""
    from snareport.atomic import atomic_write_bytes
    from snareport.tables import spreadsheet_bytes

    try:
        atomic_write_bytes(pdf.with_suffix(f".{fmt}"), spreadsheet_bytes(report, fmt))
    except Exception as exc:
        return exc
    return report


def _failed(exc: Exception) -> Future[DocumentResult]:
    fut: Future[DocumentResult] = Future()
    fut.set_exception(exc)
    return fut


def _submitter(executor: Any) -> Callable[..., Any]:
    """``submit(fn, *args)`` for a ``concurrent.futures.Executor`` or a Dask client (tasks are not pure:
    each writes a file)."""
    if _is_dask_client(executor):
        return lambda fn, *args: executor.submit(fn, *args, pure=False)
    submit: Callable[..., Any] = executor.submit
    return submit


def _default_pool(jobs: int, workers: int | None, layout: str) -> Executor:
    """A drawing pool (`start_drawing_pool`) of ``workers`` (default: one per CPU, at most one per document).
    The theme is read here first, so a layout that cannot load fails the batch before any work, as one error.
    """
    from snareport.theme import load_theme

    load_theme(layout)
    return start_drawing_pool(max(1, min(jobs, workers or os.cpu_count() or 1)), layout)


def start_drawing_pool(workers: int, layout: str | Path | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, started now: each imports the drawing modules and, given a ``layout``,
    registers that theme's fonts as it starts (about 0.5 s of CPU), while this process goes on to compute the
    reports, so that time overlaps this process's instead of following it, and this process never imports
    them. Where processes fork cheaply (Linux) the workers are forked (inheriting what is already imported:
    pandas, pydantic, the report models); elsewhere (Windows, macOS) they are spawned. Either way a task
    carries everything it needs, so the bytes are the same."""
    import multiprocessing as mp

    forks = sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork" if forks else None),
                               initializer=_start_worker, initargs=(layout,))
    for _ in range(workers):  # a pool starts its processes when given work: a no-op task each starts them now
        pool.submit(_started)
    return pool


def _start_worker(layout: str | Path | None) -> None:
    """A worker's start: the drawing modules imported and, given a layout, the theme's fonts registered."""
    from snareport.render import load_drawing

    load_drawing(layout)
    freeze_for_good()   # the drawing modules live as long as the worker: the collection after each document skips them


def _started() -> None:
    """The task that starts a worker (its start is all it does)."""


def _render_bytes(report: Report, layout: str | Path, charts_apart: bool = False) -> bytes:
    """`render_bytes`, imported where it runs (in a worker), so the calling process never imports it."""
    from snareport.render import render_bytes

    return render_bytes(report, layout, charts_apart=charts_apart)


class DrawingWorker:
    """One worker that draws a document while this process computes its report (``snareport build``).

    On one core, where a second process would only take turns with this one, it draws here instead."""

    def __init__(self, pool: ProcessPoolExecutor | None) -> None:
        self._pool = pool

    def prepare(self, layout: str | Path) -> None:
        """Register the theme's fonts in the worker now, while this process goes on."""
        if self._pool is not None:
            self._pool.submit(_start_worker, layout)

    def draw(self, report: Report, layout: str | Path) -> bytes:
        """The PDF's bytes; an error in drawing is raised here."""
        if self._pool is None:
            return _render_bytes(report, layout)
        # this process only waits meanwhile: its core records the charts while the worker lays out the pages
        return self._pool.submit(_render_bytes, report, layout, True).result()


@contextlib.contextmanager
def drawing_worker() -> Iterator[DrawingWorker]:
    """A `DrawingWorker` started now (its drawing modules imported while this process loads and computes),
    stopped when the block ends."""
    if (os.cpu_count() or 1) < 2:
        yield DrawingWorker(None)
        return
    pool = start_drawing_pool(1)
    try:
        yield DrawingWorker(pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _is_dask_client(executor: Any) -> bool:
    return hasattr(executor, "scatter") and hasattr(executor, "gather")


def _collect(fut: Future[DocumentResult] | Any, ds: Dataset, district: str | None, path: Path) -> DocumentResult:
    label = district or ds.config.area
    try:
        result: DocumentResult = fut.result()
        return result
    except Exception as exc:  # one failed document must not lose the others, nor its own previous file
        return DocumentResult(label=label, district=district, file=path.name, error=describe_failure(exc))


def _render_report(report: Report, label: str, path: str, layout: str) -> DocumentResult:
    """Lay out and draw one report and write its PDF; runs in a worker (needs no dataset)."""
    from snareport.render import page_count, render_pdf

    written = Path(render_pdf(report, path, layout=layout))
    data = written.read_bytes()
    return DocumentResult(
        label=label,
        district=report.metadata.district,
        file=written.name,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=page_count(data),
        bytes=len(data),
    )


def _write_manifest(ds: Dataset, out: Path, results: list[DocumentResult], layout: str) -> Path:
    summary = {
        "source": ds.source_name,
        "tables": {
            name: int(len(frame))
            for name in ("offences", "people", "hospital_admissions", "population", "unit_costs", "harm_weights")
            if (frame := getattr(ds, name)) is not None
        },
    }
    if len(ds.offences):
        summary["offences_from"] = ds.offences["occurred_at"].min().date().isoformat()
        summary["offences_to"] = ds.offences["occurred_at"].max().date().isoformat()
    manifest = {
        "area": ds.config.area,
        "edition": ds.config.edition,
        "audience": ds.config.audience,
        "layout": layout,
        "source_data": summary,
        "documents": [
            {k: v for k, v in r.__dict__.items() if v is not None or k == "district"} | {"ok": r.ok}
            for r in results
        ],
    }
    path = out / MANIFEST_NAME
    atomic_write_bytes(path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return path

