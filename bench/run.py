"""Benchmark: the speed table of the performance issue, cold, side by side with the import floor.

    python bench/run.py [--rounds 5] [--scale 23] [--rows 2,4] [--skip-big] [--skip-excel]

Every row is a fresh process (there is no cache: every build is cold). Rounds are interleaved: in each round
the import floor (a fresh ``python -c "import pandas, matplotlib (Agg) .pyplot, reportlab.platypus,
pydantic"``) is timed immediately before every measured command, and the row reports the median and range of
the ratios command / floor — so a busy machine slows both sides alike. Memory is the peak, sampled every
0.1 s, of the whole process tree (PSS where the OS reports it, else RSS), so forked workers count once.
snareport's own modules are compiled to bytecode first (``compileall``, as pip does when it installs a package
and as the floor's libraries are): with PYTHONDONTWRITEBYTECODE set and no ``__pycache__`` in a checkout, every
process would otherwise compile ~140 modules from source (~0.2 s of CPU for a county build) — a cost an
installed snareport never pays, and no cache of anything a build makes.

Rows:
  1. the county report (`snareport build`);
  2. the county report and every district report, 2 workers (`snareport variants --workers 2`);
  3. a ~1M-offence dataset (`sample_data/generate.py --scale 23`): load + the area's and 13 districts'
     report models as the one batch they are published in (``build_reports``: disclosure runs once over all
     14; building them one at a time would repeat the whole batch for each), with peak memory;
  4. the same dataset: all 14 PDFs on 2 workers, with peak memory;
  5. `snareport validate` of the sample as one Excel workbook, as a ratio to validate of the CSV/Parquet folder;
  6. `build_variants` where workers are spawned, not forked (as on Windows): PDFs byte-identical to row 2.
Beside the wall-time ratio, each row gives the ratio of CPU time (user + system of the command and every child
it waited for, to the floor's): on a machine shared with other work it is the steadier of the two, and on an
idle machine with N cores a command whose work is spread over N processes takes about CPU ratio / N in wall time.
Prints the table (Markdown) and, when every row was measured, writes bench/results.json (``--rows`` measures
only some rows, by the numbers above, and writes nothing). It is not part of the test suite.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
SNA = [PY, "-m", "snareport"]
FLOOR = [PY, "-c", "import pandas, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot, reportlab.platypus, pydantic"]
ENV = {**os.environ, "SNAREPORT_NO_CACHE": "1"}
TABLES = ("offences", "people", "hospital_admissions", "population", "unit_costs", "harm_weights")

MODELS_SCRIPT = r"""
import sys, snareport
from snareport.build import build_reports
ds = snareport.load_dataset(sys.argv[1])
reports = build_reports(ds)   # the area's and every district's, disclosed together as one published batch
assert len(reports) == 1 + len(ds.config.districts)
"""

SPAWN_SCRIPT = r"""
import multiprocessing as mp, sys
if __name__ == "__main__":
    mp.set_start_method("spawn", force=True)
    from concurrent.futures import ProcessPoolExecutor
    import snareport
    ds = snareport.load_dataset(sys.argv[1])
    with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("spawn")) as pool:
        snareport.build_variants(ds, sys.argv[2], executor=pool)
"""


def run(cmd: list[str], memory: bool = False) -> tuple[float, int, float]:
    """Seconds of a fresh process, the peak memory of its process tree in bytes (when asked, else 0) and the
    CPU seconds (user + system) of the process and every child it waited for."""
    import resource

    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    sampler = None
    if memory:
        sampler = threading.Thread(target=_sample_tree, args=(proc, peak), daemon=True)
        sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    if sampler is not None:
        sampler.join()
    if proc.returncode != 0:
        sys.stderr.write(err.decode(errors="replace")[-3000:])
        raise SystemExit(f"benchmark command failed: {' '.join(map(str, cmd))}")
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return elapsed, peak[0], cpu


def _sample_tree(proc: subprocess.Popen, peak: list[int]) -> None:
    import psutil

    try:
        root = psutil.Process(proc.pid)
    except psutil.Error:
        return
    while proc.poll() is None:
        total = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            procs = []
        for p in procs:
            try:
                info = p.memory_full_info()
                total += getattr(info, "pss", None) or info.rss
            except (psutil.Error, OSError):
                pass
        peak[0] = max(peak[0], total)
        time.sleep(0.1)


class Row:
    """One line of the table: ratios to the floor of the same round, and peak memory."""

    def __init__(self, label: str, target: str, cmd, memory: bool = False, versus=None):
        self.label, self.target, self.cmd, self.memory, self.versus = label, target, cmd, memory, versus
        self.ratios: list[float] = []
        self.cpu_ratios: list[float] = []
        self.seconds: list[float] = []
        self.peaks: list[int] = []

    def measure(self, round_no: int) -> None:
        base, _, base_cpu = run(self.versus(round_no) if self.versus else FLOOR)
        seconds, peak, cpu = run(self.cmd(round_no), memory=self.memory)
        self.ratios.append(seconds / base)
        self.cpu_ratios.append(cpu / base_cpu)
        self.seconds.append(seconds)
        self.peaks.append(peak)

    def cells(self) -> tuple[str, str, str]:
        if not self.ratios:
            return "not measured", "", self.target
        r, c = sorted(self.ratios), sorted(self.cpu_ratios)
        text = f"{statistics.median(r):.2f}× ({r[0]:.2f}–{r[-1]:.2f})"
        if self.memory:
            text += f", {max(self.peaks) / 2**30:.2f} GB"
        return text, f"{statistics.median(c):.2f}× ({c[0]:.2f}–{c[-1]:.2f})", self.target


def make_big(folder: Path, scale: int) -> int:
    subprocess.run([PY, "sample_data/generate.py", "--scale", str(scale), "--out", str(folder)],
                   cwd=ROOT, check=True, capture_output=True)
    _copy_config(folder)
    import pyarrow.parquet as pq

    return pq.ParquetFile(folder / "offences.parquet").metadata.num_rows


def _copy_config(folder: Path) -> None:
    shutil.copy2(ROOT / "sample_data" / "report.yaml", folder / "report.yaml")
    shutil.copytree(ROOT / "sample_data" / "content", folder / "content", dirs_exist_ok=True)


def make_workbook(folder: Path) -> None:
    """The sample's six tables as sheets of one workbook: numbers as numbers, dates as dates, blanks empty."""
    import pandas as pd
    from openpyxl import Workbook

    folder.mkdir(parents=True)
    _copy_config(folder)
    book = Workbook(write_only=True)
    for name in TABLES:
        src = next(p for p in (ROOT / "sample_data" / f"{name}.{e}" for e in ("parquet", "csv")) if p.exists())
        frame = pd.read_parquet(src) if src.suffix == ".parquet" else pd.read_csv(src)
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for row in frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None):
            sheet.append([v.to_pydatetime() if isinstance(v, pd.Timestamp) else v for v in row])
    book.save(folder / "sample.xlsx")


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.pdf"))}


ROW_NUMBERS = range(1, 7)


def _row_numbers(text: str) -> set[int]:
    numbers = {int(n) for n in text.split(",") if n.strip()}
    if not numbers or not numbers <= set(ROW_NUMBERS):
        raise argparse.ArgumentTypeError(f"row numbers from 1 to {ROW_NUMBERS[-1]}, comma-separated: {text!r}")
    return numbers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5: this host's speed drifts)")
    parser.add_argument("--scale", type=int, default=23, help="generator scale of the big dataset (default 23, ~1M)")
    parser.add_argument("--skip-big", action="store_true", help="leave out the ~1M-offence rows")
    parser.add_argument("--skip-excel", action="store_true", help="leave out the Excel row")
    parser.add_argument("--rows", type=_row_numbers, default=set(ROW_NUMBERS), metavar="N,N",
                        help="only these rows of the table, e.g. 2,4: 1 county, 2 14 documents, 3 ~1M models, "
                             "4 ~1M PDFs, 5 Excel, 6 spawned workers (default: every row)")
    args = parser.parse_args()
    wanted = args.rows - ({3, 4} if args.skip_big else set()) - ({5} if args.skip_excel else set())
    subprocess.run([PY, "-m", "compileall", "-q", "snareport"], cwd=ROOT, check=True)
    work = Path(tempfile.mkdtemp(prefix="snareport-bench-"))
    try:
        big = work / "big"
        offences = None
        if wanted & {3, 4}:
            offences = make_big(big, args.scale)
        xlsx = work / "xlsx"
        if 5 in wanted:
            make_workbook(xlsx)
        script = work / "models.py"
        script.write_text(MODELS_SCRIPT)
        spawn = work / "spawn.py"
        spawn.write_text(SPAWN_SCRIPT)

        def variants(i: int) -> list[str]:
            return [*SNA, "variants", "sample_data", "-o", str(work / f"v-{i}"), "--workers", "2", "--quiet"]

        numbered = {
            1: lambda: Row("county report, fresh process, cold", "≤ 2.0×",
                           lambda i: [*SNA, "build", "sample_data", "-o", str(work / f"county-{i}.pdf")]),
            2: lambda: Row("14 documents, 2 workers, cold", "≤ 6×", variants),
            3: lambda: Row(f"~1M offences ({offences:,}): load + area + 13 district reports (models)", "≤ 8×, ≤ 2 GB",
                           lambda i: [PY, str(script), str(big)], memory=True),
            4: lambda: Row(f"~1M offences ({offences:,}): all 14 PDFs, 2 workers", "≤ 12×, ≤ 2 GB",
                           lambda i: [*SNA, "variants", str(big), "-o", str(work / f"bigv-{i}"), "--workers", "2",
                                      "--quiet"], memory=True),
            5: lambda: Row("Excel workbook of the sample: `validate` (× the CSV/Parquet folder)", "≤ 3×",
                           lambda i: [*SNA, "validate", str(xlsx)],
                           versus=lambda i: [*SNA, "validate", "sample_data"]),
        }
        rows = [make() for number, make in numbered.items() if number in wanted]
        for i in range(args.rounds):
            for row in rows:
                row.measure(i)
        spawn_cell = same = spawned = None
        if 6 in wanted:
            if 2 not in wanted:   # the forked run to compare with
                run(variants(0))
            spawn_out = work / "spawned"
            run([PY, str(spawn), "sample_data", str(spawn_out)])
            forked, spawned = digests(work / "v-0"), digests(spawn_out)
            same = sum(1 for name, digest in spawned.items() if forked.get(name) == digest)
            spawn_cell = f"{len(spawned)} PDFs, {same}/{len(forked)} byte-identical to the forked run"
        floor_s = statistics.median(run(FLOOR)[0] for _ in range(3))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"Cold, ratios to the import floor measured just before each command ({args.rounds} interleaved "
          f"rounds, median and range); floor now {floor_s:.2f} s; {os.cpu_count()} CPUs; {time.strftime('%Y-%m-%d')}\n")
    print("| | wall time | CPU time (user + system, whole tree) | target |\n|---|---|---|---|")
    for row in rows:
        now, cpu, target = row.cells()
        print(f"| {row.label} | {now} | {cpu} | {target} |")
    if spawn_cell is not None:
        print(f"| `variants` where processes are spawned, not forked | {spawn_cell} | | works, same bytes |")
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "floor_s": floor_s,
        "rows": [{"label": r.label, "target": r.target, "ratios": r.ratios, "cpu_ratios": r.cpu_ratios,
                  "seconds": r.seconds,
                  "peak_bytes": r.peaks if r.memory else None} for r in rows],
        "spawn": {"pdfs": len(spawned), "identical": same} if spawned is not None else None,
    }
    if wanted == set(ROW_NUMBERS):   # the file holds the whole table only
        out_path = ROOT / "bench" / "results.json"
        out_path.write_text(json.dumps(results, indent=2) + "\n")
        print(f"\nwrote {out_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
