"""Dataset folder → Dataset and Dataset × scope → Report, reused from the disk cache when nothing changed.

A dataset is keyed by the sha256 of every file in its folder (and the folder's path); a report by that
same fingerprint, the report configuration and the district. Only datasets read straight from a folder
carry a fingerprint, and only while their fields are the objects that were read: a dataset changed in
memory (``dataclasses.replace``, a field or a content override replaced) is always computed afresh.
See :mod:`snareport.cache` for where entries live and how to turn them off.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from snareport import cache

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset
    from snareport.models.report import Report

LARGEST_CACHED_DATASET_BYTES = 32 * 1024 * 1024  # input files above this are always read afresh
_FINGERPRINT = "_snareport_fingerprint"  # instance attribute, not a dataclass field: replace() drops it


def load_dataset_reusing(path: str | Path) -> "Dataset":
    """``load_dataset(path)``, reusing the validated dataset from the cache when the folder is unchanged."""
    from snareport.loading import load

    folder = Path(path)
    if cache.cache_dir() is None or not folder.is_dir():
        return load(folder)
    fingerprint = cache.make_key("dataset", str(folder.resolve()), cache.files_fingerprint(folder))
    if cache.files_size(folder) > LARGEST_CACHED_DATASET_BYTES:  # reading it back would gain little
        dataset = load(folder)
    else:
        dataset = cache.cached("dataset", fingerprint, lambda: load(folder))
    object.__setattr__(dataset, _FINGERPRINT, (fingerprint, _identity(dataset)))
    return dataset


def dataset_fingerprint(dataset: "Dataset") -> str | None:
    """The folder fingerprint of a dataset read by :func:`load_dataset_reusing`, or None once any of its
    fields (or a dict/list field's items) has been replaced since it was read."""
    stored = dataset.__dict__.get(_FINGERPRINT)
    if stored is None or stored[1] != _identity(dataset):
        return None
    return stored[0]


def _identity(dataset: "Dataset") -> tuple:
    """Which objects the dataset's fields (and the items of its dict and list fields) are."""
    parts = []
    for item in dataclasses.fields(dataset):
        value = getattr(dataset, item.name)
        inner = tuple((k, id(v)) for k, v in value.items()) if isinstance(value, dict) else \
            tuple(map(id, value)) if isinstance(value, list) else ()
        parts.append((item.name, id(value), inner))
    return tuple(parts)


def build_report_reusing(dataset: "Dataset", district: str | None = None) -> "Report":
    """``build_report(dataset, district)``, reusing the cached report for an unchanged dataset folder."""
    from snareport.build import build_report

    fingerprint = dataset_fingerprint(dataset)
    if fingerprint is None or cache.cache_dir() is None:
        return build_report(dataset, district=district)
    key = cache.make_key("report", fingerprint, dataset.config.model_dump_json(), district)
    return cache.cached("report", key, lambda: build_report(dataset, district=district))
