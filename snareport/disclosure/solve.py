"""Catalogue → the cells to withhold: primary suppression, secondary suppression and the attacker's audit.

Primary: every printed count from 1 to its threshold. Secondary: complements chosen so that no
withheld cell can be worked out. The audit is the attacker's linear program (HiGHS, see ``highs``):
with every published cell a constant, every relation an equation and every cell ≥ 0 (a withheld cell may
be a zero: zeros are withheld only as a last resort, but a reader cannot rule it out), a withheld count from 1
to T must be able to be 1 and T; a
larger withheld count must be able to move up by T − 1 and must not be pinned into 2..T; a withheld
harm score must not be pinned. Failing cells get one more complement each round until the audit
holds. The relation graph splits into independent components, audited separately; each component's
audit keeps one model per direction and changes only its costs and bounds from one push to the next.

Cells are numbered in the order of their keys' ``repr`` (the order every LP lists its columns in) and the
relations are kept as arrays of those numbers, so the LPs' rows and the components are made with numpy
rather than cell by cell.
"""
from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from itertools import chain

import numpy as np

from snareport.disclosure.catalogue import Catalogue, Key
from snareport.disclosure.highs import INF, Model, Unsolved

EPS = 1e-6
ZERO_WEIGHT = 50.0
log = logging.getLogger(__name__)
# What withholding a cell costs, per place it is printed: the whole area's report is read most and its
# headlines least of all may go; a district's headlines come next.
WEIGHT = {("area", True): 200.0, ("area", False): 5.0, ("district", True): 20.0, ("district", False): 1.0}


@dataclass
class Result:
    primary: set[Key]
    secondary: set[Key]
    seconds: float
    rounds: int
    lps: int
    unresolved: list[Key] = field(default_factory=list)

    @property
    def withheld(self) -> set[Key]:
        return self.primary | self.secondary


def solve(cat: Catalogue) -> Result:
    started = time.perf_counter()
    s = _Solver(cat)
    s.run()
    s.loaded = None      # the solver and its last LP refer to each other: let go, so the catalogue is freed on return
    keys = s.keys
    primary = {keys[i] for i in np.flatnonzero(s.primary)}
    withheld = {keys[i] for i in np.flatnonzero(s.withheld)}
    return Result(primary, withheld - primary, time.perf_counter() - started, s.rounds, s.lps,
                  [keys[i] for i in s.unresolved])


class _Solver:
    """The solver's state, with cells as numbers: ``keys[i]`` is cell ``i``."""

    def __init__(self, cat: Catalogue):
        self.cat = cat
        self.keys: list[Key] = sorted(cat.cells, key=repr)
        number = {k: i for i, k in enumerate(self.keys)}
        cells = [cat.cells[k] for k in self.keys]
        self.n_cells = len(cells)
        self.value = np.array([0.0 if c.value is None else c.value for c in cells], dtype=np.float64)
        has_value = np.array([c.value is not None for c in cells], dtype=bool)
        printed = np.array([bool(c.locations) for c in cells], dtype=bool)
        self.threshold = [c.threshold for c in cells]
        counts = np.array([c.kind == "count" for c in cells], dtype=bool)
        # Cell.sensitive for every cell at once (numpy rounds halves to even, as round() does)
        self.sensitive = counts & has_value & (np.round(self.value) >= 1) & (np.round(self.value) <= self.threshold)
        self.linked = {i: [number[k] for k in c.linked] for i, c in enumerate(cells) if c.linked}
        # the relations: cell numbers of every member (total first), with +1 for the total and −1 for a part
        rels = list(cat.relations.values())
        sizes = np.fromiter((1 + len(rel.parts) for rel in rels), dtype=np.int64, count=len(rels))
        self.n_rels = len(rels)
        self.start = np.zeros(self.n_rels + 1, dtype=np.int64)
        np.cumsum(sizes, out=self.start[1:])
        self.member = np.fromiter(map(number.__getitem__, chain.from_iterable((rel.total, *rel.parts) for rel in rels)),
                                  dtype=np.int64, count=int(self.start[-1]))
        self.sign = np.full(len(self.member), -1.0)
        self.sign[self.start[:-1]] = 1.0
        self.rel_of_entry = np.repeat(np.arange(self.n_rels, dtype=np.int64), sizes)
        # the relations of each cell (in order): entries sorted by cell
        self.by_cell = np.argsort(self.member, kind="stable")
        self.cell_start = np.searchsorted(self.member[self.by_cell], np.arange(self.n_cells + 1))
        self.costs = np.full(self.n_cells, np.nan)     # each cell's cost, worked out when first asked for
        self.has_value = has_value
        self.primary = printed & self.sensitive
        # what never changes while solving: cells nobody can read, and withheld-at-source sensitive ones
        self.never_known = ~printed | ~has_value
        self.hidden_sensitive = has_value & ~printed & self.sensitive
        self.withheld = np.zeros(self.n_cells, dtype=bool)
        for k in np.flatnonzero(self.primary).tolist():
            self._withhold(k)
        self.rounds = self.lps = 0
        self.unresolved: list[int] = []
        self.highs = None            # the audit's solver, made when the first audit LP is
        # (cell, direction) pairs the audit has seen reach their target: withholding more cells only widens
        # what the attacker must allow (a point that reached a target still satisfies every relation, with
        # the newly withheld cells at their values), so a target once reached is never audited again
        self.reached: dict[bool, set[int]] = {True: set(), False: set()}
        self.loaded: _LP | None = None   # the _LP whose model it holds

    # state -----------------------------------------------------------------------------------------
    def _withhold(self, key: int) -> None:
        todo = [key]
        while todo:
            k = todo.pop()
            if self.withheld[k]:
                continue
            self.withheld[k] = True
            todo += self.linked.get(k, [])

    def members(self, rel: int) -> list[int]:
        """The cells of relation ``rel``, its total first."""
        return self.member[self.start[rel]:self.start[rel + 1]].tolist()

    def rels_of(self, key: int) -> list[int]:
        """The relations cell ``key`` is in, in order."""
        return self.rel_of_entry[self.by_cell[self.cell_start[key]:self.cell_start[key + 1]]].tolist()

    def unknown(self, key: int) -> bool:
        return bool(self.withheld[key] or self.never_known[key])

    def audited_cells(self) -> np.ndarray:
        """A mask of the cells the audit protects: withheld with a value, or sensitive and never printed."""
        return (self.withheld & self.has_value) | self.hidden_sensitive

    def cost_of(self, keys: np.ndarray) -> np.ndarray:
        """The costs of cells ``keys`` (an array)."""
        costs = self.costs[keys]
        for i in np.flatnonzero(np.isnan(costs)).tolist():
            costs[i] = self.costs[keys[i]] = self._cost(self.keys[keys[i]])
        return costs

    def _cost(self, key: Key) -> float:
        cells = self.cat.cells
        total = 0.0
        for k in (key, *cells[key].linked):
            c = cells[k]
            places = sum(WEIGHT["district" if loc.report else "area", loc.headline] for loc in c.locations)
            total += places * (1.0 + math.log10(1.0 + abs(c.value or 0.0)))
        if cells[key].value == 0:
            total *= ZERO_WEIGHT         # a withheld zero is a last resort: zeros are almost always shown
        return total

    def candidates(self, rel_ids: list[int]) -> list[int]:
        """Published counts in these relations, roomiest (above the threshold) and cheapest first."""
        seen: dict[int, None] = {}
        withheld, never_known = self.withheld, self.never_known
        for i in rel_ids:
            for k in self.members(i):
                if not (withheld[k] or never_known[k]):     # published, so it has a value
                    seen[k] = None
        value, threshold = self.value, self.threshold
        cost = dict(zip(seen, self.cost_of(np.array(list(seen), dtype=np.int64)).tolist()))
        return sorted(seen, key=lambda k: (value[k] <= threshold[k], cost[k], k))

    # rounds ----------------------------------------------------------------------------------------
    def run(self) -> None:
        self._singletons()
        pending = self._components()
        while pending:
            self.rounds += 1
            comp_of = np.full(self.n_cells, -1, dtype=np.int64)
            for ci, comp in enumerate(pending):
                comp_of[comp] = ci
            # independent components are audited together: one block-diagonal LP per push
            failing = self._audit(pending)
            log.debug("round %d: %d components, %d failing, %d LPs", self.rounds, len(pending), len(failing),
                      self.lps)
            if not failing:
                break
            added: set[int] = set()
            for key, up in failing:
                comp = pending[comp_of[key]]
                picks = self._protect(key, comp, up) or {self._complement(key, added)} - {None}
                if not picks:
                    self.unresolved.append(key)
                for pick in picks:
                    added.add(pick)
                    self._withhold(pick)
            if not added:
                break
            self._singletons()
            touched = np.zeros(self.n_cells, dtype=bool)
            touched[list(added | {k for k, _ in failing})] = True
            pending = [c for c in self._components() if touched[c].any()]
            if self.rounds > 200:
                self.unresolved += [k for k, _ in failing]
                break

    def _singletons(self) -> None:
        """No relation may leave exactly one audited unknown (it would be its total minus the rest).

        The relations are read in order, each with the cells withheld before it: a relation found with one
        unknown gets its complement before the next relation is looked at."""
        starts = self.start[:-1]
        changed = True
        while changed:
            changed = False
            i = 0
            while i < self.n_rels:
                unknown = (self.withheld | self.never_known)[self.member]
                count = np.add.reduceat(unknown.astype(np.int64), starts)
                only = np.maximum.reduceat(np.where(unknown, self.member, -1), starts)
                lone = (count == 1) & self.audited_cells()[only]
                lone[:i] = False
                found = np.flatnonzero(lone)
                if not len(found):
                    break
                i = int(found[0])
                pick = next(iter(self.candidates([i])), None)
                if pick is not None:
                    self._withhold(pick)
                    changed = True
                i += 1

    def _protect(self, key: int, comp: np.ndarray, up: bool) -> set[int]:
        """The published cells to withhold so that ``key`` can reach its target: the cheapest change of
        published values (each weighted by its cost) that the relations allow with the target met."""
        rows = _Rows(self, comp)
        known = ~rows.inside
        published = known & ~(self.withheld | self.never_known)[rows.cells]
        movable = np.unique(rows.cells[published])
        if not len(movable):
            return set()
        n, p = len(comp), len(movable)
        at = np.searchsorted(movable, rows.cells[published])
        sign = rows.sign[published]
        r = rows.row[published]
        triples = (np.concatenate([rows.row[rows.inside], r, r]),
                   np.concatenate([rows.column[rows.inside], n + at, n + p + at]),
                   np.concatenate([rows.sign[rows.inside], sign, -sign]))
        lower = np.zeros(n + 2 * p)
        upper = np.concatenate([np.full(n + p, INF), self.value[movable]])
        j = int(np.searchsorted(comp, key))
        if up:
            lower[j] = max(lower[j], self._upper_target(key))
        else:
            upper[j] = 1.0
        weights = self.cost_of(movable)
        c = np.concatenate([np.zeros(n), weights, weights])
        self.lps += 1
        try:
            x = Model(c, lower, upper, triples, rows.rhs, rows.rhs).solve()
        except Unsolved:
            return set()
        if x is None:
            return set()
        moved = x[n:n + p] + x[n + p:]
        return set(movable[moved > EPS].tolist())

    def _complement(self, key: int, added: set[int]) -> int | None:
        """The cheapest published cell sharing a relation with ``key`` (widening to its neighbours)."""
        frontier, seen_rels, seen_cells = [key], set(), {key}
        for _ in range(4):
            rel_ids = [i for k in frontier for i in self.rels_of(k) if i not in seen_rels]
            seen_rels.update(rel_ids)
            options = [k for k in self.candidates(rel_ids) if k not in added]
            if options:
                return options[0]
            nxt = []
            for i in rel_ids:
                for k in self.members(i):
                    if k not in seen_cells and self.unknown(k):
                        seen_cells.add(k)
                        nxt.append(k)
            frontier = nxt
            if not frontier:
                break
        return None

    def _components(self) -> list[np.ndarray]:
        """The groups of unknown cells tied by relations (unknowns in one relation are in one group) that
        hold an audited cell, each as its cells' numbers in order."""
        inside = (self.withheld | self.never_known)[self.member]
        cells, rels = self.member[inside], self.rel_of_entry[inside]
        if not len(cells):
            return []
        rel_first = np.flatnonzero(np.r_[True, rels[1:] != rels[:-1]])     # entries are in relation order
        by_cell = np.argsort(cells, kind="stable")
        sorted_cells = cells[by_cell]
        cell_first = np.flatnonzero(np.r_[True, sorted_cells[1:] != sorted_cells[:-1]])
        present = sorted_cells[cell_first]
        label = np.arange(self.n_cells, dtype=np.int64)
        while True:       # every cell takes the smallest label among the relations it is in, until none moves
            low = np.repeat(np.minimum.reduceat(label[cells], rel_first), np.diff(np.r_[rel_first, len(cells)]))
            new = label.copy()
            new[present] = np.minimum(label[present], np.minimum.reduceat(low[by_cell], cell_first))
            new = new[new]
            if np.array_equal(new, label):
                break
            label = new
        audited = self.audited_cells()
        roots = np.unique(label[present[audited[present]]])
        groups = label[present]
        order = np.argsort(groups, kind="stable")
        groups, members = groups[order], present[order]
        first = np.searchsorted(groups, roots)
        last = np.searchsorted(groups, roots, side="right")
        return [members[a:b] for a, b in zip(first.tolist(), last.tolist())]

    # the attacker's linear program -----------------------------------------------------------------
    def _audit(self, comps: list[np.ndarray]) -> list[tuple[int, bool]]:
        """Withheld cells the attacker narrows too far (see the module docstring).

        Each independent component has its own LP (one model for both directions, changed in place): every
        target is pushed at once while that helps, and what is left is settled in smaller pushes. A large
        withheld count (or a harm score) that cannot move up by T − 1 is wide enough when it can move down
        by T − 1: asked of the same model.
        """
        bad: dict[bool, set[int]] = {True: set(), False: set()}
        asked: dict[bool, set[int]] = {True: set(), False: set()}
        audited_mask = self.audited_cells()
        for comp in sorted(comps, key=lambda c: int(c[0])):
            audited = comp[audited_mask[comp]].tolist()
            need = {True: {k: self._upper_target(k) for k in audited if k not in self.reached[True]},
                    False: {k: 1.0 for k in audited if self.sensitive[k] and k not in self.reached[False]}}
            if not need[True] and not need[False]:
                continue
            lp = _LP(self, comp)
            failing: dict[bool, set[int]] = {}
            for up in (True, False):
                asked[up].update(need[up])
                left = lp.stall(need[up], up)
                # the keys left were just pushed together without reaching a target: certify splits them first
                failing[up] = set(lp.certify(left, up, tried=True)) if left else set()
            wide = {k: self.value[k] - self._room(k) for k in failing[True] if not self.sensitive[k]}
            if wide:
                failing[True] -= set(wide) - set(lp.certify(wide, maximise=False))
            bad[True] |= failing[True]
            bad[False] |= failing[False]
            self.lps += lp.solved
        for up in (True, False):
            self.reached[up] |= asked[up] - bad[up]
        return sorted([(k, True) for k in bad[True]] + [(k, False) for k in bad[False] - bad[True]],
                      key=lambda f: (not self.sensitive[f[0]], f[0]))

    def _room(self, key: int) -> float:
        return 1.0 if self.cat.cells[self.keys[key]].kind == "harm" else self.threshold[key] - 1.0

    def _upper_target(self, key: int) -> float:
        if self.sensitive[key]:
            return float(self.threshold[key])
        return float(self.value[key]) + self._room(key)


class _Rows:
    """The relations that hold a component's cells, as LP rows: one entry per member of each (in order),
    ``inside`` when the member is one of the component's cells (then ``column`` is its place among them),
    and ``rhs``: minus the signed sum of the members outside the component at their values."""

    def __init__(self, solver: _Solver, comp: np.ndarray):
        in_comp = np.zeros(solver.n_cells, dtype=bool)
        in_comp[comp] = True
        used = np.zeros(solver.n_rels, dtype=bool)
        used[solver.rel_of_entry[in_comp[solver.member]]] = True
        entries = np.flatnonzero(used[solver.rel_of_entry])
        self.cells = solver.member[entries]
        self.sign = solver.sign[entries]
        self.row = (np.cumsum(used) - 1)[solver.rel_of_entry[entries]]
        self.inside = in_comp[self.cells]
        self.column = np.searchsorted(comp, self.cells)
        # each row's constant: 0 minus each member outside the component, in the relation's order
        # (bincount adds its weights one after another, so the floats are those of a loop over the members)
        out = ~self.inside
        self.rhs = np.bincount(self.row[out], weights=-(self.sign[out] * solver.value[self.cells[out]]),
                               minlength=int(used.sum()))


class _LP:
    """min/max of cells in one component subject to the relations, with published cells as constants.

    Columns: the component's unknown cells x (≥ 0); rows: the relations. A push gives the pushed cells a cost
    and bounds them by their targets (x ≤ target when maximising, x ≥ target when minimising), so none is
    pushed further than it needs. A point reached is a point of the unbounded problem (a certificate that
    every cell at its target can reach it); a cell pushed alone that stops short cannot reach its target,
    as max min(x, target) = min(max x, target). Every bound holds at the true values (a target is never
    on the wrong side of the cell's value), so every push is feasible. One model serves both directions.
    """

    def __init__(self, solver: _Solver, comp: np.ndarray):
        self.solver = solver
        self.index = {k: i for i, k in enumerate(comp.tolist())}
        rows = _Rows(solver, comp)
        self.triples = (rows.row[rows.inside], rows.column[rows.inside], rows.sign[rows.inside])
        self.n = len(comp)
        self.b = rows.rhs
        self.model: Model | None = None
        self.pushed: list[int] = []
        self.solved = 0

    def _model(self) -> Model:
        """This component's model, loaded into the solver's HiGHS (replacing the last)."""
        if self.model is None or self.solver.loaded is not self:
            n = self.n
            self.model = Model(np.zeros(n), [0.0] * n, [INF] * n, self.triples, self.b, self.b,
                               presolve=False, highs=self.solver.highs)
            self.solver.highs, self.solver.loaded = self.model.highs, self
            self.pushed = []
        return self.model

    def stall(self, targets: dict[int, float], maximise: bool) -> dict[int, float]:
        """Push every key at once until a push reaches no new target; the targets not yet reached."""
        left = dict(targets)
        while left:
            x = self._push(sorted(left), left, maximise)
            done = [k for k, t in left.items() if x is None and maximise or x is not None and
                    (x[self.index[k]] >= t - EPS if maximise else x[self.index[k]] <= t + EPS)]
            for k in done:
                del left[k]
            if not done:
                break
        return left

    def certify(self, targets: dict[int, float], maximise: bool, tried: bool = False) -> list[int]:
        """Keys whose cell cannot reach its target (max ≥ target, or min ≤ target). ``tried``: the last push
        pushed exactly these keys and reached none of them (so they are split at once)."""
        left = dict(targets)

        def tick(x: np.ndarray | None) -> int:
            done = [k for k, t in left.items()
                    if x is None and maximise
                    or x is not None and (x[self.index[k]] >= t - EPS if maximise else x[self.index[k]] <= t + EPS)]
            for k in done:
                del left[k]
            return len(done)

        failing: list[int] = []
        # push all of a group's keys at once while that helps; then each half on its own; then one by one
        # (a stack of groups, first half first: no recursive closure, which would keep this LP, its solver
        # and the whole catalogue alive until the cyclic garbage collector ran)
        groups: list[tuple[list[int], bool]] = [(sorted(left), tried)]
        while groups:
            keys, pushed = groups.pop()
            keys = [k for k in keys if k in left]
            while keys and not pushed and tick(self._push(keys, left, maximise)):
                keys = [k for k in keys if k in left]
            if len(keys) == 1:
                failing.append(keys[0])
                del left[keys[0]]
            elif keys:
                half = len(keys) // 2
                groups += [(keys[half:], False), (keys[:half], False)]
        return sorted(failing)

    def _push(self, keys: list[int], targets: dict[int, float], maximise: bool) -> np.ndarray | None:
        """One LP pushing every key towards its target at once (bounded by it, so none is pushed further):
        maximising Σ x over the keys with x ≤ target; minimising Σ x with x ≥ target. ``None``: unbounded."""
        model = self._model()
        if self.pushed:      # the last push's cells: unbounded above again, and out of the objective
            model.set_costs(self.pushed, [0.0] * len(self.pushed))
            model.set_bounds(self.pushed, [0.0] * len(self.pushed), [INF] * len(self.pushed))
        idx = [self.index[k] for k in keys]
        goals = [float(targets[k]) for k in keys]
        model.set_costs(idx, [-1.0 if maximise else 1.0] * len(idx))
        if maximise:
            model.set_bounds(idx, [0.0] * len(idx), goals)
        else:
            model.set_bounds(idx, goals, [INF] * len(idx))
        self.pushed = idx
        self.solved += 1
        return model.solve()
