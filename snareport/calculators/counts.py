"""Rows → CountTable: how many rows have each combination of values, per named period, counted once per dataset.

A section of a district's report mostly asks "how many offences (or people) of this kind, in this district, in
this period": made per scope from the rows, every such question is a filter of a whole frame; made from a count
table it is a few sums over a small array. ``count_table`` counts the rows once, with one ``np.bincount`` per
named period on the integer codes of the columns, into a dense array with one axis per group of columns:

* the ``period`` axis: the configured periods (a row counts once in every period it falls in, as periods may
  overlap; a row in none is not counted);
* one axis per group of columns. A group of columns that go together (an offence's group, type, knife flag
  and sexual category) is one axis over the combinations present, so the array stays small.

A column's values are its labels (``None`` for a missing value). ``where`` keeps the positions whose labels
match, ``by`` sums over everything except the named columns and ``total`` sums all of it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import prod
from typing import Any

import numpy as np
import pandas as pd

Condition = Any   # a label, a list/tuple/set/frozenset of labels, or a predicate label -> bool


@dataclass(frozen=True)
class _Column:
    axis: int
    codes: np.ndarray        # for each position on the axis, the index of its label
    labels: tuple


@dataclass(frozen=True)
class CountTable:
    """Counts of rows by period and column values (see the module docstring)."""

    values: np.ndarray                 # int64, one dimension per axis (period first)
    columns: Mapping[str, _Column]

    @property
    def periods(self) -> tuple:
        return self.columns["period"].labels

    def labels(self, name: str) -> tuple:
        """Every value the column can take, in the order ``by`` returns them."""
        return self.columns[name].labels

    def where(self, **conditions: Condition) -> CountTable:
        """The counts of the rows whose columns match every condition (the other rows count zero)."""
        keep: dict[int, np.ndarray] = {}
        for name, condition in conditions.items():
            col = self.columns[name]
            allowed = np.fromiter((_matches(label, condition) for label in col.labels), dtype=bool,
                                  count=len(col.labels))
            mask = allowed[col.codes]
            keep[col.axis] = keep[col.axis] & mask if col.axis in keep else mask
        positions = {axis: np.flatnonzero(mask) for axis, mask in keep.items()}
        index = tuple(positions.get(axis, slice(None)) for axis in range(self.values.ndim))
        fancy = [axis for axis in positions]
        if len(fancy) > 1:   # several axes selected at once: an outer product of the positions
            index = np.ix_(*(positions.get(axis, np.arange(n)) for axis, n in enumerate(self.values.shape)))
        values = self.values[index]
        columns = {name: _Column(col.axis, col.codes[positions[col.axis]], col.labels)
                   if col.axis in positions else col for name, col in self.columns.items()}
        return CountTable(values, columns)

    def total(self) -> int:
        return int(self.values.sum())

    def by(self, *names: str) -> np.ndarray:
        """Counts by the named columns' labels (one dimension each, in the order of ``labels``), summed over
        everything else."""
        cols = [self.columns[n] for n in names]
        kept = sorted({c.axis for c in cols})
        rest = tuple(a for a in range(self.values.ndim) if a not in kept)
        reduced = self.values.sum(axis=rest) if rest else self.values
        shape = tuple(len(c.labels) for c in cols)
        cell = np.zeros(reduced.shape, dtype=np.int64)
        for col in cols:
            where = kept.index(col.axis)
            cell = cell * len(col.labels) + col.codes.reshape([-1 if i == where else 1 for i in range(len(kept))])
        out = np.bincount(cell.ravel(), weights=reduced.ravel(), minlength=prod(shape))
        return np.rint(out).astype(np.int64).reshape(shape)

    def counts(self, name: str, labels: Iterable | None = None) -> dict[Any, int]:
        """Counts by one column's labels as a dict (only ``labels``, 0 where none, when given)."""
        found = dict(zip(self.labels(name), (int(n) for n in self.by(name))))
        return found if labels is None else {label: found.get(label, 0) for label in labels}

    def series(self, name: str, index: Iterable | None = None) -> pd.Series:
        """Counts by one column's labels as a Series (reindexed to ``index``, 0 where none, when given)."""
        counts = pd.Series(self.by(name), index=pd.Index(self.labels(name), dtype="object"))
        return counts if index is None else counts.reindex(list(index), fill_value=0).astype(np.int64)

    def per_period(self, name: str, periods: Iterable[str]) -> dict[Any, tuple[int, ...]]:
        """Every label of the column counted in any of ``periods``, with its count in each (in that order)."""
        table = self.by(name, "period")
        at = [self.periods.index(p) for p in periods]
        picked = table[:, at]
        return {label: tuple(int(n) for n in picked[i]) for i, label in enumerate(self.labels(name))
                if picked[i].any()}

    def count(self, name: str, label: Any) -> int:
        """How many rows have this label in the named column (0 for a label the column never has)."""
        labels = self.labels(name)
        return int(self.by(name)[labels.index(label)]) if label in labels else 0


def _matches(label: Any, condition: Condition) -> bool:
    if callable(condition):
        return bool(condition(label))
    if isinstance(condition, (list, tuple, set, frozenset)):
        return label in condition
    return label == condition


def _codes(values: pd.Series | np.ndarray) -> tuple[np.ndarray, tuple]:
    """Integer codes of a column and its labels (``None`` last, for missing values, when any are missing)."""
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.int64)
        labels = list(series.cat.categories.astype("object"))
    elif pd.api.types.is_bool_dtype(series.dtype) and not series.isna().any():
        codes = series.to_numpy(dtype=bool).astype(np.int64)
        labels = [False, True]
    else:
        codes, uniques = pd.factorize(series, sort=True)
        codes = codes.astype(np.int64, copy=False)
        labels = [_plain(v) for v in uniques]
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels.append(None)
    return codes, tuple(labels)


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _unique(codes: np.ndarray, space: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(codes, return_inverse=True)`` of codes from 0 to ``space`` − 1: by marking the codes
    present (no sort) when the space is small beside the rows, as it is for a group of coded columns."""
    if space > 4 * len(codes) + 1024:
        present, position = np.unique(codes, return_inverse=True)
        return present, position.reshape(-1)
    seen = np.zeros(space, dtype=bool)
    seen[codes] = True
    rank = np.cumsum(seen) - 1          # the position of each present code among the present ones
    return np.flatnonzero(seen), rank[codes]


def count_table(columns: Mapping[str, pd.Series | np.ndarray], axes: Iterable[Iterable[str]],
                periods: Mapping[str, np.ndarray]) -> CountTable:
    """Count the rows of ``columns`` (equal-length columns of one frame) by ``periods`` (name → bool mask of
    the rows in it) and the column groups in ``axes`` (each group is one axis over its combinations present)."""
    groups = [list(g) for g in axes]
    cols: dict[str, _Column] = {"period": _Column(0, np.arange(len(periods)), tuple(periods))}
    cell = None
    shape = [len(periods)]
    for axis, group in enumerate(groups, start=1):
        coded = [_codes(columns[name]) for name in group]
        combined = np.zeros(len(coded[0][0]), dtype=np.int64)
        for codes, labels in coded:
            combined = combined * (len(labels)) + codes
        present, position = _unique(combined, prod(len(labels) for _, labels in coded))
        for name, (_, labels) in zip(reversed(group), reversed(coded), strict=True):
            cols[name] = _Column(axis, present % len(labels), labels)
            present = present // len(labels)
        shape.append(len(cols[group[0]].codes))
        cell = position if cell is None else cell * shape[-1] + position
    size = prod(shape[1:])
    if cell is None:
        cell = np.zeros(len(next(iter(periods.values()), [])), dtype=np.int64)
    values = np.zeros(shape, dtype=np.int64)
    for i, mask in enumerate(periods.values()):
        values[i] = np.bincount(cell[np.asarray(mask, dtype=bool)], minlength=size).reshape(shape[1:])
    return CountTable(values, cols)
