"""The run record (--log), logging levels (-v/-q), --version and `python -m snareport` alone."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
from tiny_dataset import copy_tiny

from snareport import __version__
from snareport.cli import main


@pytest.fixture(scope="module")
def logged(tmp_path_factory):
    data = copy_tiny(tmp_path_factory.mktemp("log") / "data")
    out = tmp_path_factory.mktemp("out")
    argv = ["build", str(data), "-o", str(out / "r.pdf"), "--json", str(out / "r.json"), "--log", str(out / "run.json"),
            "-v"]
    return data, out, argv


def test_run_record_hashes_inputs_and_outputs(logged, capsys):
    data, out, argv = logged
    assert main(argv) == 0
    err = capsys.readouterr().err
    record = json.loads((out / "run.json").read_text())
    files = {f["path"]: f["sha256"] for f in record["inputs"]["files"]}
    assert files["offences.csv"] == hashlib.sha256((data / "offences.csv").read_bytes()).hexdigest()
    assert "report.yaml" in files and any(p.startswith("content/") for p in files)
    assert record["settings"]["area"]  # report.yaml as parsed
    assert record["versions"]["snareport"] == __version__ and "reportlab" in record["versions"]
    assert {"load", "report", "render"} <= set(record["timings_s"])
    by_kind = {o["kind"]: o for o in record["outputs"]}
    assert by_kind["pdf"]["sha256"] == hashlib.sha256((out / "r.pdf").read_bytes()).hexdigest()
    assert by_kind["json"]["sha256"] == hashlib.sha256((out / "r.json").read_bytes()).hexdigest()
    # -v: one line on stderr with the record's summary
    line = next(x for x in err.splitlines() if x.startswith("snareport: run record:"))
    assert by_kind["pdf"]["sha256"][:12] in line


def test_quiet_prints_nothing(tmp_path, capsys):
    data = copy_tiny(tmp_path / "d")
    assert main(["validate", str(data), "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"snareport {__version__}"


def test_python_m_without_a_command_prints_help_and_exits_0():
    done = subprocess.run([sys.executable, "-m", "snareport"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "usage: snareport" in done.stdout
