"""Where the project's bundled folders (fonts/, layouts/, sample_data/) are on this machine.

An installed wheel carries them inside the package as ``snareport/_bundled/<name>`` (see setup.py), found
with :mod:`importlib.resources` wherever the package lives (a virtualenv, ``pip install --user``, a zip
archive: then they are copied once to a temporary folder removed at exit). A source checkout and an
editable install use the folders at the top of the checkout.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
NAMES = ("fonts", "layouts", "sample_data")


def bundled_dir(name: str) -> Path:
    """The bundled folder ``name`` ("fonts", "layouts" or "sample_data") as a real folder on disk."""
    if name not in NAMES:
        raise ValueError(f"no bundled folder {name!r}; choose from: {', '.join(NAMES)}")
    packaged = resources.files("snareport").joinpath("_bundled", name)
    if packaged.is_dir():
        return packaged if isinstance(packaged, Path) else _extracted(name)
    return _CHECKOUT / name


@cache
def _extracted(name: str) -> Path:
    """A copy on disk of a bundled folder that lives inside an archive (e.g. a zip on sys.path)."""
    root = Path(tempfile.mkdtemp(prefix="snareport-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    _copy(resources.files("snareport").joinpath("_bundled", name), root / name)
    return root / name


def _copy(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_dir():
            _copy(item, target / item.name)
        else:
            (target / item.name).write_bytes(item.read_bytes())


def theme_file(name_or_path: str | Path, base: str | Path | None = None) -> Path:
    """Where a theme lives: a bundled name (``layouts/<name>.yaml``) or a YAML file's path, a relative
    path taken from ``base`` (the dataset folder, for a theme named in report.yaml) when given."""
    path = Path(name_or_path).expanduser()
    if path.suffix not in (".yaml", ".yml"):
        return bundled_dir("layouts") / f"{name_or_path}.yaml"
    return path if path.is_absolute() or base is None else Path(base) / path
