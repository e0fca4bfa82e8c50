"""One figure from CSV to page: the snareport files that handle the under-18 knife-enabled change of the
county report of sample_data/ (printed as a tile, "−22.9%"), step by step, with the stage each file is in.

    .venv/bin/python tools/trace_figure.py .

A file counts when code in it runs on the figure's own data: at each step below the tool stops at the
call that handles it (the reading of offences.csv and people.csv, the typing of the knife_enabled and age
columns, the under-18 flags, the counts of the change, its disclosure cell, the % formatted for the tile,
the tile block, its flowable, its text drawn) and takes the snareport files on the call stack there (the
callers hand the value on: the loader returns the typed frames, build assembles the Report, render's
document turns the blocks into flowables). A file whose code only ran beside the figure is not counted:
disclosure's linear programs count only when the figure's cells are in one. The classes the value rides
in (Dataset, the section model, Change, Report, the Tiles block) run no Python frames of their own, so the
tool names them from the objects themselves, separately ("carried in").

The stages are tests/test_architecture.py's STAGES; "this section's" files are the ones named after the
section (achievements). About a minute (a profiler hook).

Why the file count does not reach five: the stages are folders and each module has one job, so a value
passes, per stage, an entry that hands it on (loading/loader, build, disclosure/__init__, layout/story,
render/document) and the modules that do that stage's work for every figure (read and type; prepare,
count tables and shared helpers; collect, catalogue, audit LP, publish; the builder and number formatting;
flowables, the two-pass template, tagged drawing). Merging those to reach five would make modules of
1,000+ lines or import cycles (calculators/prepare calls every section's ``whole_area``, which reads
calculators/common). What a reader follows for one figure is its own code — the last lines the tool
prints: the section's calculator, model, disclosure rules and layout.
"""
from __future__ import annotations

import os
import sys
from typing import Any

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
PKG = os.path.join(ROOT, "snareport") + os.sep
SECTION = "achievements"
COUNTY_PCT = -22.9          # the county's under-18 knife-enabled change, as printed
STEP = {
    "read": "1 read the offences and people tables (sample_data/: Parquet)",
    "type": "2 type the columns (knife_enabled, age) into the Dataset",
    "flag": "3 flag each offence involving an under-18 (shared per-dataset preparation)",
    "count": "4 count the change, year on year",
    "disclose": "5 disclosure: its cells collected, checked, published",
    "tile": "6 the tile: the % formatted, the block",
    "draw": "7 the tile's flowable, drawn on the page",
}
seen: dict[str, list[str]] = {}
carried: dict[str, list[str]] = {}
figure_keys: set[Any] = set()
own: dict[str, list[str]] = {}
in_audit = [False]          # an audit LP holding the figure's cells is being made


def rel(path: str) -> str:
    return "snareport/" + path[len(PKG):].replace(os.sep, "/")


def stack_files(frame: Any) -> list[str]:
    out: list[str] = []
    while frame is not None:
        f = frame.f_code.co_filename
        if f.startswith(PKG) and rel(f) not in out:
            out.append(rel(f))
        frame = frame.f_back
    return list(reversed(out))


def record(step: str, frame: Any) -> None:
    files = seen.setdefault(STEP[step], [])
    files += [f for f in stack_files(frame) if f not in files]
    while frame is not None:               # the section's own code on the way: its files, or its functions
        code = frame.f_code                # in a stage's shared files (disclosure's rules for the section)
        if code.co_filename.startswith(PKG) and (SECTION in code.co_filename or SECTION in code.co_qualname
                                                 or "knife" in code.co_qualname):
            where = own.setdefault(rel(code.co_filename), [])
            if code.co_qualname not in where and "<locals>" not in code.co_qualname:
                where.append(code.co_qualname)
        frame = frame.f_back


def carry(step: str, obj: Any) -> None:
    module = type(obj).__module__
    if module.startswith("snareport"):
        path = module.replace(".", "/")
        path += "/__init__.py" if os.path.isdir(os.path.join(ROOT, path)) else ".py"
        names = carried.setdefault(STEP[step], [])
        if path not in names and path not in seen.get(STEP[step], ()):
            names.append(path)


def caller_name(frame: Any) -> str:
    caller = frame.f_back
    while caller is not None and caller.f_code.co_name.startswith("<"):
        caller = caller.f_back
    return "" if caller is None else caller.f_code.co_name


def on_call(frame: Any, name: str, base: str, loc: dict[str, Any]) -> None:
    if base == "files.py" and name in ("_read_csv", "_read_parquet") and getattr(loc.get("path"), "stem", "") in (
            "offences", "people"):
        record("read", frame)
    elif base == "tables.py" and name == "_parse" and getattr(loc.get("column"), "name", "") in (
            "knife_enabled", "age"):
        record("type", frame)
    elif base == "loader.py" and name == "_final_frame" and loc.get("name") in ("offences", "people"):
        record("type", frame)
    elif base == "common.py" and name == "involvement":
        record("flag", frame)
    elif base == "counts.py" and name == "count_table" and caller_name(frame) == "_offence_counts":
        record("flag", frame)
    elif base == "counts.py" and caller_name(frame) == "_knife_changes":
        record("count", frame)
    elif base == "common.py" and name == "count_change" and caller_name(frame) == "_knife_changes":
        record("count", frame)
    elif base == "collect.py" and name == "change" and tuple(loc.get("path", ()))[:3] == (
            "achievements", "knife_enabled", 0):
        figure_keys.update(k for k in (loc.get("prev"), loc.get("cur")) if k is not None)
        record("disclose", frame)
    elif base == "catalogue.py" and name == "cell" and loc.get("key") in figure_keys:
        record("disclose", frame)
    elif base == "solve.py" and name == "_audit":
        in_audit[0] = any(figure_keys & set(c) for c in loc.get("comps") or ())
        if in_audit[0]:
            record("disclose", frame)      # the attacker's audit takes the figure's cells into its LP
    elif base == "highs.py" and in_audit[0]:
        in_audit[0] = False
        record("disclose", frame)          # the audit's linear program has the figure's cells as columns
    elif base == "publish.py" and name == "publish":
        record("disclose", frame)          # every value of the raw dump is copied into the published one
    elif base == "formatting.py" and name == "change_pct":
        pct = getattr(loc.get("change"), "change_pct", None)
        if pct is not None and round(pct, 1) == COUNTY_PCT:
            record("tile", frame)
    elif base == "builder.py" and name == "tiles":
        tiles = loc.get("tiles") or ()
        if any("22.9" in str(getattr(t, "value", "")) for t in tiles):
            record("tile", frame)


def on_return(frame: Any, name: str, base: str, value: Any) -> None:
    if base == "loader.py" and name == "load":
        carry("type", value)
    elif base == "prepare.py" and name == "prepare":
        carry("flag", value)
    elif base == "common.py" and name == "count_change" and caller_name(frame) == "_knife_changes":
        carry("count", value)
    elif base == f"{SECTION}.py" and name == "calculate" and "calculators" in frame.f_code.co_filename:
        carry("count", value)
    elif base == "build.py" and name == "raw_report":
        carry("count", value)
    elif base == "builder.py" and name == "tiles" and "22.9" in repr(value):
        carry("tile", value)


def hook(frame: Any, event: str, arg: Any) -> None:
    code = frame.f_code
    file = code.co_filename
    if file.startswith(PKG):
        if event == "call":
            on_call(frame, code.co_name, os.path.basename(file), frame.f_locals)
        elif event == "return":
            on_return(frame, code.co_name, os.path.basename(file), arg)
    elif event == "call" and "22.9" in str(frame.f_locals.get("text", ""))[:400] and (
            code.co_name == "_formatText" or (code.co_name == "__init__" and "reportlab" in file)):
        record("draw", frame)              # the tile's Paragraph made (render/flowables), its text drawn


sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))
from test_architecture import STAGES  # noqa: E402

import snareport  # noqa: E402
from snareport.render import render_bytes  # noqa: E402


def stage_of(path: str) -> str:
    module = path[:-3].replace("/", ".").removesuffix(".__init__")
    best = max(((p, name) for name, prefixes in STAGES for p in prefixes
                if module == p or module.startswith(p + ".")), default=("", "?"))
    return best[1]


sys.setprofile(hook)
ds = snareport.load_dataset(os.path.join(ROOT, "sample_data"))
report = snareport.build_report(ds)
render_bytes(report)
sys.setprofile(None)

missing = [s for s in STEP.values() if s not in seen]
if missing:   # a probe no longer matches the code (a renamed function or file): the count would be short
    sys.exit("no call found for: " + "; ".join(missing) + " — update this tool's probes (on_call)")
every: list[str] = []
for step in sorted(seen):
    print(step)
    for f in seen[step]:
        mark = "   this section's" if SECTION in f else ""
        print(f"    {f:45} {stage_of(f)}{mark}")
        if f not in every:
            every.append(f)
    for f in carried.get(step, ()):
        print(f"    {f:45} {stage_of(f)}   carried in (a class, no code runs)")
stages = sorted({stage_of(f) for f in every}, key=[s for s, _ in STAGES].index)
models = sorted({f for fs in carried.values() for f in fs} - set(every))
for f in models:
    if SECTION in f:
        own.setdefault(f, []).append("(the section's model)")
print(f"{len(every)} files run code on the figure, in {len(stages)} stages ({', '.join(stages)}); "
      f"{len(models)} more define the classes it is carried in.")
print(f"The figure's own code, the rest being each stage's machinery that every figure shares "
      f"({len(own)} files):")
for f in sorted(own, key=lambda f: [s for s, _ in STAGES].index(stage_of(f))):
    print(f"    {f:45} {', '.join(own[f])}")
