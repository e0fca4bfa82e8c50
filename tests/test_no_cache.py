"""Nothing is written outside the output path: no build cache, nothing under the user's home or cache folders.

A build (and the data folder it reads) leaves ``HOME``, ``XDG_CACHE_HOME`` and ``XDG_CONFIG_HOME`` as empty as
it found them, and the output folder holds only what was asked for. matplotlib keeps a font list of its own
(no report data) wherever ``MPLCONFIGDIR`` points; the test points it at a folder of its own and leaves it alone.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tiny_dataset import copy_tiny


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_build_writes_nothing_but_its_output(tmp_path):
    data = copy_tiny(tmp_path / "data")
    before = _tree(data)
    home, cache, config, out = (tmp_path / n for n in ("home", "cache", "config", "out"))
    for folder in (home, cache, config):
        folder.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(cache), "XDG_CONFIG_HOME": str(config),
           "MPLCONFIGDIR": str(tmp_path / "matplotlib")}
    result = subprocess.run(
        [sys.executable, "-m", "snareport", "build", str(data), "-o", str(out / "sna.pdf"), "--json", str(out / "sna.json")],
        env=env, capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert _tree(home) == [] and _tree(cache) == [] and _tree(config) == []
    assert _tree(out) == ["sna.json", "sna.pdf"]
    assert _tree(data) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "config", "data", "home", "matplotlib", "out"]
