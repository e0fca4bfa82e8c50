"""`snareport diff`: figure-by-figure differences between two report JSONs (known answers on small data)."""
from __future__ import annotations

import csv
import json

from snareport.cli import main
from snareport.diff import as_table, compare, figures

A = {"total": {"previous": 100, "current": 80, "change_pct": -20.0},
     "districts": [{"district": "North", "value": 10}, {"district": "South", "value": 5}],
     "label": "2024/25", "withheld": 3}
B = {"total": {"previous": 100, "current": 90, "change_pct": -10.0},
     "districts": [{"district": "South", "value": 7}, {"district": "North", "value": 10}],
     "label": "2025/26", "withheld": None, "new": 1.5}


def test_list_items_are_matched_by_name_not_position():
    assert dict(figures(A))["districts[South].value"] == 5
    changes, texts = compare(A, B)
    got = {c.path: (c.a, c.b, c.change) for c in changes}
    assert got == {"total.current": (80, 90, 10), "total.change_pct": (-20.0, -10.0, 10.0),
                   "districts[South].value": (5, 7, 2), "withheld": (3, None, None), "new": (None, 1.5, None)}
    assert texts == 1


def test_change_pct_and_table():
    changes, _ = compare(A, B)
    south = next(c for c in changes if c.path == "districts[South].value")
    assert south.change_pct == 40.0
    line = next(t for t in as_table(changes, "a", "b").splitlines() if t.startswith("districts[South]"))
    assert line.split()[1:] == ["5", "7", "2", "+40.0%"]


def test_cli_prints_a_table_and_writes_csv(tmp_path, capsys):
    a, b, out = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "d.csv"
    a.write_text(json.dumps(A))
    b.write_text(json.dumps(B))
    assert main(["diff", str(a), str(b), "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "total.current" in printed and "5 figures differ; 1 text values differ" in printed
    with open(out, newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"figure": "total.current", "a": "80", "b": "90", "change": "10", "change_pct": "12.5"} in rows


def test_cli_names_a_missing_file(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 1
    assert "no such file" in capsys.readouterr().err
