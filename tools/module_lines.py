"""Line counts of every module of snareport/ at two revisions, side by side (the closing note's table).

    python3 tools/module_lines.py 19feb71 HEAD
"""
import subprocess
import sys


def counts(rev: str) -> dict[str, int]:
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "snareport"], capture_output=True,
                           text=True, check=True).stdout.split()
    out = {}
    for n in names:
        if n.endswith(".py"):
            text = subprocess.run(["git", "show", f"{rev}:{n}"], capture_output=True, text=True, check=True).stdout
            out[n] = text.count("\n")
    return out


before, after = counts(sys.argv[1]), counts(sys.argv[2])
rows = sorted(set(before) | set(after))
print(f"{'module':55} {'before':>7} {'after':>7}")
for n in rows:
    b, a = before.get(n), after.get(n)
    print(f"{n:55} {'' if b is None else b:>7} {'' if a is None else a:>7}")
print(f"{'total (' + str(len(before)) + ' → ' + str(len(after)) + ' modules)':55} {sum(before.values()):>7} {sum(after.values()):>7}")
