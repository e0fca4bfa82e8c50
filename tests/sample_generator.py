"""The sample generator, sample_data/generate.py, loaded as a module for the tests that run its steps."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"


def load_generator(module_name: str = "sample_generate") -> ModuleType:
    spec = importlib.util.spec_from_file_location(module_name, SAMPLE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module
