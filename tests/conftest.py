"""Test session set-up: the build cache lives in a fresh folder per test session, never in ~/.cache."""
from __future__ import annotations

import os
import shutil
import tempfile

_SESSION_CACHE: list[str] = []


def pytest_configure(config):
    if "SNAREPORT_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="snareport-test-cache-")
        os.environ["SNAREPORT_CACHE_DIR"] = folder
        _SESSION_CACHE.append(folder)


def pytest_unconfigure(config):
    for folder in _SESSION_CACHE:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop("SNAREPORT_CACHE_DIR", None)
