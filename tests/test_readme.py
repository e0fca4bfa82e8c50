"""The README's library example runs as written (against the bundled sample data)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.S)


def test_readme_library_example_runs(tmp_path, monkeypatch, capsys):
    example = python_blocks()[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sample_data").symlink_to(ROOT / "sample_data")
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert (tmp_path / "out" / "thanet.pdf").read_bytes().startswith(b"%PDF")
    assert namespace["thanet"].metadata.district == "Thanet"
    printed = capsys.readouterr().out
    assert "-22.9" in printed and '"knife_enabled"' in namespace["audit"]


def test_readme_commands_exist():
    text = (ROOT / "README.md").read_text()
    assert "make report" in text and "make test" in text
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^report:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)
