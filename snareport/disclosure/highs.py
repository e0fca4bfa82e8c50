"""(costs, bounds, sparse rows) → a HiGHS model (``highspy``): the linear programs of the audit and of
secondary suppression, without SciPy's ``linprog`` wrapper around each solve.

A model is built once from (row, column, value) triples and solved as SciPy's ``linprog(method="highs")``
would solve it (dual simplex, presolve on, no output), so the same problem gives the same solution. The
audit's models are changed in place (costs and bounds) and solved again from the last basis (presolve off,
so the basis is kept), one after another in one solver: the audit asks only whether a target is reached,
which does not depend on the optimal vertex found.
``highspy`` is imported when the first model is made: a build that publishes nothing never loads it.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

INF = float("inf")


class Unsolved(RuntimeError):
    """HiGHS found no optimum and the problem is not unbounded (infeasible, or the solver failed)."""


class Model:
    """min cost · x subject to row_lower ≤ A x ≤ row_upper and lower ≤ x ≤ upper."""

    def __init__(self, cost: Sequence[float], lower: Sequence[float], upper: Sequence[float],
                 triples: tuple[Sequence[int], Sequence[int], Sequence[float]], row_lower: Sequence[float],
                 row_upper: Sequence[float], presolve: bool = True, highs: object | None = None):
        """``highs``: a ``highspy.Highs`` to load the model into (its last model is dropped), else a new one."""
        import highspy

        self._highspy = highspy
        n, m = len(cost), len(row_lower)
        rows, cols, vals = (np.asarray(t) for t in triples)
        start, index, value = _column_wise(rows.astype(np.int64), cols.astype(np.int64),
                                           vals.astype(np.float64), n, m)
        self.highs = highs if highs is not None else highspy.Highs()
        for option, setting in (("output_flag", False), ("presolve", "on" if presolve else "off"),
                                ("simplex_strategy", 1)):
            self.highs.setOptionValue(option, setting)      # 1: dual simplex, as linprog asks for
        # the arrays go to HiGHS as buffers (a HighsLp's fields would be copied element by element); every
        # column is continuous (all-zero integrality: an LP, as HighsLp::isMip says)
        status = self.highs.passModel(
            n, m, len(index), int(highspy.MatrixFormat.kColwise), int(highspy.ObjSense.kMinimize), 0.0,
            _floats(cost), _floats(lower), _floats(upper), _floats(row_lower), _floats(row_upper),
            start, index, value, np.zeros(n, dtype=np.int32))
        if status == highspy.HighsStatus.kError:
            raise Unsolved("HiGHS refused the model")
        self.solved = 0

    def set_costs(self, columns: Sequence[int], costs: Sequence[float]) -> None:
        self.highs.changeColsCost(len(columns), np.asarray(columns, dtype=np.int32), np.asarray(costs, dtype=np.float64))

    def set_bounds(self, columns: Sequence[int], lower: Sequence[float], upper: Sequence[float]) -> None:
        self.highs.changeColsBounds(len(columns), np.asarray(columns, dtype=np.int32),
                                    np.asarray(lower, dtype=np.float64), np.asarray(upper, dtype=np.float64))

    def solve(self) -> np.ndarray | None:
        """The optimal x, or ``None`` when the problem is unbounded; raises ``Unsolved`` otherwise."""
        status = self._highspy.HighsModelStatus
        self.solved += 1
        self.highs.run()
        found = self.highs.getModelStatus()
        if found == status.kUnbounded:
            return None
        if found != status.kOptimal:
            raise Unsolved(f"disclosure audit LP failed: {self.highs.modelStatusToString(found)}")
        return np.array(self.highs.getSolution().col_value)


def _floats(values: Sequence[float]) -> np.ndarray:
    return np.ascontiguousarray(values, dtype=np.float64)


def _column_wise(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, n: int,
                 m: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Compressed sparse columns (start, row index, value) with rows sorted in each column and repeated
    (row, column) entries added together, as SciPy's conversion gives them."""
    key = cols * max(m, 1) + rows
    order = np.argsort(key, kind="stable")
    key, vals = key[order], vals[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    summed = np.add.reduceat(vals, np.flatnonzero(first)) if len(key) else vals
    key = key[first]
    col_of, row_of = np.divmod(key, max(m, 1))
    start = np.zeros(n + 1, dtype=np.int32)
    np.add.at(start, col_of + 1, 1)
    return np.cumsum(start).astype(np.int32), row_of.astype(np.int32), summed.astype(np.float64)
