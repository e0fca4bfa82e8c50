"""Dataset folder (CSV/Parquet/XLSX tables, report.yaml, content/) → validated Dataset, or one DataError."""
from __future__ import annotations

from snareport.loading.loader import load, load_dataset

__all__ = ["load", "load_dataset"]
