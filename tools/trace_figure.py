"""The under-18 knife-enabled change from CSV to page: the snareport files on the call stack at each step
that handles it (read the CSVs, type the columns, flag under-18 involvement, count the change, disclose,
lay out the tile, draw it), for the county report of sample_data/.

    .venv/bin/python tools/trace_figure.py .

Models (pydantic, compiled) and plain data classes run no Python frames, so models/achievements.py,
models/common.py and dataset.py carry the figure without appearing here. About a minute (a profiler hook).
"""
import os
import sys

PKG = os.path.join(os.path.abspath(sys.argv[1]), "snareport") + os.sep
seen: dict[str, list[str]] = {}
STEPS = {
    ("files.py", "_read_csv"): "1 read offences.csv and people.csv",
    ("tables.py", "parse_bool"): "2 type the columns (knife_enabled, age)",
    ("tables.py", "parse_number"): "2 type the columns (knife_enabled, age)",
    ("common.py", "involvement"): "3 flag each offence involving an under-18",
    ("achievements.py", "_knife_changes"): "4 count the change, year on year",
    ("collect.py", "_achievements"): "5 disclosure: relate and audit the counts",
    ("achievements.py", "headline_change"): "6 the tile: number and words",
}


def _is_figure(frame) -> bool:
    """True when the call handles the under-18 change (printed as 22.9%)."""
    loc = frame.f_locals
    name = frame.f_code.co_name
    if name == "count_change":
        caller = frame.f_back
        while caller is not None and caller.f_code.co_name.startswith("<"):
            caller = caller.f_back
        return caller is not None and caller.f_code.co_name == "_knife_changes"
    if name == "change_pct":
        pct = getattr(loc.get("change"), "change_pct", None)
        return pct is not None and round(pct, 1) == -22.9
    if name == "tiles":
        return any("22.9" in str(getattr(t, "value", "")) for t in loc.get("tiles") or [])
    return False


CHECKED = {("common.py", "count_change"): "4 count the change, year on year",
           ("formatting.py", "change_pct"): "6 the tile: number and words",
           ("builder.py", "tiles"): "6 the tile: number and words"}


def stack_files(frame):
    out = []
    while frame is not None:
        f = frame.f_code.co_filename
        if f.startswith(PKG):
            rel = "snareport/" + f[len(PKG):]
            if rel not in out:
                out.append(rel)
        frame = frame.f_back
    return list(reversed(out))


def record(step, frame):
    files = seen.setdefault(step, [])
    for f in stack_files(frame):
        if f not in files:
            files.append(f)


def hook(frame, event, arg):
    if event != "call":
        return
    code = frame.f_code
    file = code.co_filename
    if file.startswith(PKG):
        key = (os.path.basename(file), code.co_name)
        step = STEPS.get(key) or (CHECKED.get(key) if key in CHECKED and _is_figure(frame) else None)
        if step:
            record(step, frame)
        elif os.sep + "disclosure" + os.sep in file:
            record("5 disclosure: relate and audit the counts", frame)
    elif code.co_name == "_formatText" and "22.9" in str(frame.f_locals.get("text", "")):
        record("7 drawn on the page", frame)


sys.path.insert(0, os.path.abspath(sys.argv[1]))
import snareport  # noqa: E402

sys.setprofile(hook)
ds = snareport.load_dataset(os.path.join(sys.argv[1], "sample_data"))
report = snareport.build_report(ds)
from snareport.render import render_bytes  # noqa: E402

render_bytes(report)
sys.setprofile(None)
every: list[str] = []
for step in sorted(seen):
    print(step)
    for f in seen[step]:
        print("   ", f)
        if f not in every:
            every.append(f)
print(len(every), "files")
