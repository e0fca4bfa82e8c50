"""snareport: Serious Violence Strategic Needs Assessment executive reports from data.

The public API is these few names; everything else may change.

    ds = snareport.load_dataset("sample_data")
    report = snareport.build_report(ds, district=None)
    snareport.render_pdf(report, "out/sna.pdf", layout="kent_medway")
    snareport.build_variants(ds, "out/")
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from snareport.errors import DataError

__all__ = ["load_dataset", "build_report", "render_pdf", "build_variants", "Report", "Dataset", "DataError"]
__version__ = "0.1.0"

# Heavy modules (pandas, matplotlib, reportlab) are imported on first use so that
# `snareport --help` and `import snareport` stay fast.
_LAZY = {
    "load_dataset": ("snareport.loading", "load_dataset"),
    "Dataset": ("snareport.dataset", "Dataset"),
    "build_report": ("snareport.build", "build_report"),
    "Report": ("snareport.models.report", "Report"),
    "render_pdf": ("snareport.render", "render_pdf"),
    "build_variants": ("snareport.variants", "build_variants"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'snareport' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names too (loaded on first use), so notebooks and IDEs complete them."""
    return sorted({*globals(), *_LAZY})


if TYPE_CHECKING:  # pragma: no cover
    from snareport.build import build_report
    from snareport.dataset import Dataset
    from snareport.loading import load_dataset
    from snareport.models.report import Report
    from snareport.render import render_pdf
    from snareport.variants import build_variants
