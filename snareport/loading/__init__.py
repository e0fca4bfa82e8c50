"""Dataset folder (CSV/Parquet/XLSX tables, report.yaml, content/) → validated Dataset, or one DataError.

``load`` and ``load_dataset`` are imported when first asked for, so that a module of this package that
needs no tables (``yaml_text``, read by the theme in a drawing process) does not load pandas with it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from snareport.loading.loader import load, load_dataset

__all__ = ["load", "load_dataset"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from snareport.loading import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
