"""A run → its quality-assurance record (JSON): inputs with SHA-256, settings, versions, timings, outputs.

The record a reproducible-analytical-pipeline reviewer asks for: what went in (every file of the dataset
folder, hashed), with which settings (report.yaml as parsed), by which software (snareport, Python and the
libraries that shape the output), how long each stage took, and what came out (hashed).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import platform
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

from snareport.atomic import atomic_write_bytes

log = logging.getLogger("snareport")

LIBRARIES = ("pandas", "pyarrow", "numpy", "pydantic", "PyYAML", "reportlab", "matplotlib", "pikepdf", "openpyxl",
             "odfpy", "afcharts")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_files(folder: Path) -> list[dict[str, Any]]:
    """Every file under the dataset folder (hidden files and folders skipped), sorted, with size and SHA-256."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    return [{"path": p.relative_to(folder).as_posix(), "bytes": p.stat().st_size, "sha256": sha256_file(p)}
            for p in files]


def versions() -> dict[str, str]:
    from snareport import __version__

    found = {"snareport": __version__, "python": platform.python_version(), "platform": platform.platform()}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


class RunRecord:
    """Collects one command's record; :meth:`write` saves it as JSON."""

    def __init__(self, command: str, argv: list[str] | None = None) -> None:
        self.started = time.perf_counter()
        self.data: dict[str, Any] = {
            "command": command,
            "arguments": list(argv if argv is not None else sys.argv[1:]),
            "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "versions": versions(),
            "inputs": {},
            "settings": {},
            "timings_s": {},
            "outputs": [],
        }

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time one stage (seconds, summed if the stage runs more than once)."""
        began = time.perf_counter()
        try:
            yield
        finally:
            took = time.perf_counter() - began
            timings = self.data["timings_s"]
            timings[name] = round(timings.get(name, 0.0) + took, 4)
            log.debug("%s took %.2f s", name, took)

    def inputs(self, folder: Path, config: Any = None) -> None:
        self.data["inputs"] = {"folder": str(folder), "files": input_files(folder)}
        if config is not None:
            self.data["settings"] = json.loads(config.model_dump_json())

    def output(self, path: Path, kind: str) -> None:
        self.data["outputs"].append({"path": str(path), "kind": kind, "bytes": path.stat().st_size,
                                     "sha256": sha256_file(path)})

    def summary(self) -> str:
        """One line: inputs hashed, stage timings, outputs with the first 12 hex digits of their SHA-256."""
        files = self.data["inputs"].get("files", [])
        timings = ", ".join(f"{k} {v:.2f} s" for k, v in self.data["timings_s"].items())
        outputs = ", ".join(f"{Path(o['path']).name} sha256:{o['sha256'][:12]}" for o in self.data["outputs"])
        return f"run record: {len(files)} input files hashed; {timings or 'no stages'}; outputs: {outputs or 'none'}"

    def write(self, path: str | Path) -> Path:
        self.data["total_s"] = round(time.perf_counter() - self.started, 4)
        text = json.dumps(self.data, indent=2, ensure_ascii=False, default=str) + "\n"
        return atomic_write_bytes(path, text.encode("utf-8"))
