"""The example notebook in docs/ runs as written (its code cells, in order, in one namespace)."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "example.ipynb"


@pytest.mark.slow
def test_example_notebook_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    namespace: dict = {}
    for cell in (c for c in cells if c["cell_type"] == "code"):
        tree = ast.parse("".join(cell["source"]))
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        statements = ast.Module(body=tree.body[:-1] if last else tree.body, type_ignores=[])
        exec(compile(statements, "notebook", "exec"), namespace)
        if last is not None:  # a cell's last expression is what the notebook displays
            namespace["_"] = eval(compile(ast.Expression(last.value), "notebook", "eval"), namespace)
    assert "<table>" in namespace["report"]._repr_html_()
    assert list(namespace["tables"]["knife_enabled_by_cohort"].columns)[0] == "Age cohort"
    assert Path(namespace["out"]).read_bytes()[:5] == b"%PDF-"
