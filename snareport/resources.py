"""Where the project's bundled folders (fonts/, layouts/, sample_data/) are on this machine.

In a source checkout (and an editable install) they sit beside the package; a regular wheel install
puts them under ``<prefix>/share/snareport/`` (see ``[tool.setuptools.data-files]`` in pyproject.toml).
"""
from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path:
    """The bundled folder ``name`` ("fonts", "layouts" or "sample_data"); the checkout's copy first."""
    for root in (_CHECKOUT, Path(sys.prefix) / "share" / "snareport"):
        if (root / name).is_dir():
            return root / name
    return _CHECKOUT / name
