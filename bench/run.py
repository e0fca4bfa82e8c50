"""Benchmark: speed, memory and growth of snareport, side by side with the import floor.

    python bench/run.py [--runs 5] [--skip-scaled] [--scales 10,100]

Measures in one run (every timing also as a ratio to the import floor of the same run):
  1. the import floor: a fresh `python -c "import pandas, matplotlib.pyplot, reportlab.platypus, pydantic"`;
  2. `snareport build` of the county report as a fresh process (median after a warm-up), with the
     same split into stages inside one process (load + validate, calculators, charts, layout, write);
  3. `snareport variants` for all documents with 1 and with 2 workers;
  4. datasets made by the sample generator at 10x and 100x the sample volume: load + validate +
     build_report for the county and every district, with peak memory (RSS) and the growth factor;
  5. the county PDF's size in bytes.
Prints a table and writes bench/results.json. It is not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
SNA = [PY, "-m", "snareport"]
FLOOR = "import pandas, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot, reportlab.platypus, pydantic"

TARGETS = {
    "county_build": 2.0,
    "variants_2_workers": 6.0,
    "scaled_100x": 8.0,
}


COLD = dict(os.environ)  # there is no build cache: every build is cold


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, env=env or COLD)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode(errors="replace")[-2000:])
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}")
    return elapsed


def median_of(cmd: list[str], runs: int, env: dict | None = None) -> float:
    timed(cmd, env)  # warm-up (file cache, .pyc)
    return statistics.median(timed(cmd, env) for _ in range(runs))


def child_peak_rss_mb() -> float:
    """Peak RSS of the largest child process waited for so far (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


STAGES_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
import snareport
from snareport.render import render_bytes
from snareport.atomic import atomic_write_bytes
t_import = time.perf_counter()
ds = snareport.load_dataset(sys.argv[1])
t_load = time.perf_counter()
report = snareport.build_report(ds)
t_calc = time.perf_counter()
timings = {}
data = render_bytes(report, timings=timings)
t_render = time.perf_counter()
atomic_write_bytes(sys.argv[2], data)
t_write = time.perf_counter()
out = {"import": t_import - t0, "load + validate": t_load - t_import, "calculators": t_calc - t_load}
out.update({k: v for k, v in timings.items()})
out["write"] = (t_write - t_render) + timings.get("write", 0.0)
if not timings:
    out["render (charts + layout)"] = t_render - t_calc
print(json.dumps(out))
"""

SCALED_SCRIPT = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import snareport
ds = snareport.load_dataset(sys.argv[1])
t1 = time.perf_counter()
snareport.build_report(ds)
t2 = time.perf_counter()
for d in ds.config.districts:
    snareport.build_report(ds, district=d)
t3 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"offences": int(len(ds.offences)), "load": t1 - t0, "county": t2 - t1,
                  "districts": t3 - t2, "total": t3 - t0, "peak_rss_mb": rss}))
"""


def run_json(script: str, *args: str) -> dict:
    result = subprocess.run([PY, "-c", script, *args], cwd=ROOT, capture_output=True, text=True, env=COLD)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit("benchmark step failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per fresh-process measurement")
    parser.add_argument("--scales", default="10,100", help="generator scales for the growth test")
    parser.add_argument("--skip-scaled", action="store_true", help="skip the scaled-dataset measurements")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="snareport-bench-"))
    rows: list[tuple[str, float, float | None, str]] = []
    results: dict = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "date": time.strftime("%Y-%m-%d"),
    }
    try:
        floor = median_of([PY, "-c", FLOOR], args.runs)
        results["import_floor_s"] = floor
        rows.append(("import floor (pandas, matplotlib, reportlab, pydantic)", floor, 1.0, ""))

        county_pdf = work / "county.pdf"
        build_cmd = [*SNA, "build", "sample_data", "-o", str(county_pdf)]
        build = median_of(build_cmd, args.runs)
        results["county_build_cold_s"] = build
        rows.append(("snareport build (county, fresh process)", build, build / floor,
                     f"target <= {TARGETS['county_build']}x"))

        stages = run_json(STAGES_SCRIPT, "sample_data", str(work / "stages.pdf"))
        results["county_stages_s"] = stages
        for name, seconds in stages.items():
            rows.append((f"  stage: {name}", seconds, seconds / floor, "in one process"))

        for workers in (1, 2):
            out = work / f"variants-{workers}"
            cmd = [*SNA, "variants", "sample_data", "-o", str(out), "--workers", str(workers), "--quiet"]
            seconds = median_of(cmd, max(1, min(args.runs, 3)))
            n = len(list(out.glob("*.pdf")))
            label = f"{workers}_workers"
            results[f"variants_{label}_s"] = seconds
            note = f"{n} PDFs" + (f"; target <= {TARGETS['variants_2_workers']}x" if workers == 2 else "")
            rows.append((f"snareport variants, {workers} worker{'s' if workers > 1 else ''}",
                         seconds, seconds / floor, note))

        size = county_pdf.stat().st_size
        results["county_pdf_bytes"] = size
        rows.append(("county PDF size (MB)", size / 1e6, None, "target <= 1.5 MB"))

        if not args.skip_scaled:
            scaled: dict[str, dict] = {}
            for scale in [int(s) for s in args.scales.split(",") if s]:
                data_dir = work / f"scale-{scale}"
                subprocess.run([PY, "sample_data/generate.py", "--scale", str(scale), "--out", str(data_dir)],
                               cwd=ROOT, check=True, capture_output=True)
                for extra in ("report.yaml", "content"):
                    src = ROOT / "sample_data" / extra
                    dst = data_dir / extra
                    if not dst.exists():
                        (shutil.copytree if src.is_dir() else shutil.copy)(src, dst)
                m = run_json(SCALED_SCRIPT, str(data_dir))
                scaled[str(scale)] = m
                note = f"{m['offences']:,} offences; peak RSS {m['peak_rss_mb']:.0f} MB"
                if scale == 100:
                    note += f"; target <= {TARGETS['scaled_100x']}x, <= 2048 MB"
                rows.append((f"{scale}x data: load + county + all districts", m["total"], m["total"] / floor, note))
                shutil.rmtree(data_dir, ignore_errors=True)
            results["scaled"] = scaled
            if "10" in scaled and "100" in scaled:
                growth = scaled["100"]["total"] / scaled["10"]["total"]
                results["growth_10x_to_100x"] = growth
                rows.append(("growth 10x -> 100x (time factor)", growth, None, "target <= 10.5"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'seconds':>9}  {'x floor':>8}  note")
    for name, seconds, ratio, note in rows:
        ratio_text = f"{ratio:8.2f}" if ratio is not None else " " * 8
        print(f"{name.ljust(width)}  {seconds:9.3f}  {ratio_text}  {note}")
    out_path = ROOT / "bench" / "results.json"
    out_path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {out_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
