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
"""
from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field

import numpy as np

from snareport.disclosure.catalogue import Catalogue, Key, Relation
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
    return Result(s.primary, s.withheld - s.primary, time.perf_counter() - started, s.rounds, s.lps, s.unresolved)


class _Solver:
    def __init__(self, cat: Catalogue):
        self.cat = cat
        self.cells = cat.cells
        self.rels: list[Relation] = list(cat.relations.values())
        self.members = [(rel.total, *rel.parts) for rel in self.rels]
        self.costs: dict[Key, float] = {}
        self.rels_of: dict[Key, list[int]] = {}
        for i, rel in enumerate(self.rels):
            for k in (rel.total, *rel.parts):
                self.rels_of.setdefault(k, []).append(i)
        self.primary = {k for k, c in self.cells.items() if c.printed and c.sensitive}
        # what never changes while solving: cells nobody can read, and withheld-at-source sensitive ones
        self.never_known = {k for k, c in self.cells.items() if not c.printed or c.value is None}
        self.hidden_sensitive = {k for k, c in self.cells.items() if c.value is not None and not c.printed
                                 and c.sensitive}
        self.withheld: set[Key] = set()
        for k in self.primary:
            self._withhold(k)
        self.rounds = self.lps = 0
        self.unresolved: list[Key] = []
        self.highs = None            # the audit's solver, made when the first audit LP is
        # (cell, direction) pairs the audit has seen reach their target: withholding more cells only widens
        # what the attacker must allow (a point that reached a target still satisfies every relation, with
        # the newly withheld cells at their values), so a target once reached is never audited again
        self.reached: dict[bool, set[Key]] = {True: set(), False: set()}
        self.loaded = None           # the _LP whose model it holds

    # state -----------------------------------------------------------------------------------------
    def _withhold(self, key: Key) -> None:
        todo = [key]
        while todo:
            k = todo.pop()
            if k in self.withheld:
                continue
            self.withheld.add(k)
            todo += self.cells[k].linked

    def unknown(self, key: Key) -> bool:
        return key in self.withheld or key in self.never_known

    def audited(self, key: Key) -> bool:
        return (key in self.withheld and self.cells[key].value is not None) or key in self.hidden_sensitive

    def cost(self, key: Key) -> float:
        if key not in self.costs:
            self.costs[key] = self._cost(key)
        return self.costs[key]

    def _cost(self, key: Key) -> float:
        total = 0.0
        for k in (key, *self.cells[key].linked):
            c = self.cells[k]
            places = sum(WEIGHT["district" if loc.report else "area", loc.headline] for loc in c.locations)
            total += places * (1.0 + math.log10(1.0 + abs(c.value or 0.0)))
        if self.cells[key].value == 0:
            total *= ZERO_WEIGHT         # a withheld zero is a last resort: zeros are almost always shown
        return total

    def candidates(self, rel_ids: list[int]) -> list[Key]:
        """Published counts in these relations, roomiest (above the threshold) and cheapest first."""
        seen: dict[Key, None] = {}
        for i in rel_ids:
            rel = self.rels[i]
            for k in (rel.total, *rel.parts):
                c = self.cells[k]
                if not self.unknown(k) and c.value is not None:
                    seen[k] = None
        return sorted(seen, key=lambda k: (self.cells[k].value <= self.cells[k].threshold, self.cost(k), repr(k)))

    # rounds ----------------------------------------------------------------------------------------
    def run(self) -> None:
        self._singletons()
        pending = self._components(self.withheld | {k for k in self.cells if self.audited(k)})
        while pending:
            self.rounds += 1
            failing: list[tuple[Key, bool, frozenset]] = []
            comp_of = {k: frozen for frozen in map(frozenset, pending) for k in frozen}
            # independent components are audited together: one block-diagonal LP per push
            failing += [(k, up, comp_of[k]) for k, up in self._audit(pending)]
            log.debug("round %d: %d components, %d failing, %d LPs", self.rounds, len(pending), len(failing),
                      self.lps)
            if not failing:
                break
            added: set[Key] = set()
            for key, up, comp in failing:
                if any(k in comp for k in added):
                    continue            # this component changed this round: audit it again first
                picks = self._protect(key, comp, up) or {self._complement(key, added)} - {None}
                if not picks:
                    self.unresolved.append(key)
                for pick in picks:
                    added.add(pick)
                    self._withhold(pick)
            if not added:
                break
            self._singletons()
            touched = set(added) | {k for k, _, _ in failing}
            pending = [c for c in self._components(self.withheld | {k for k in self.cells if self.audited(k)})
                       if c & touched]
            if self.rounds > 200:
                self.unresolved += [k for k, _, _ in failing]
                break

    def _singletons(self) -> None:
        """No relation may leave exactly one audited unknown (it would be its total minus the rest)."""
        changed = True
        while changed:
            changed = False
            withheld, never_known = self.withheld, self.never_known
            for i, members in enumerate(self.members):
                unknown = [k for k in members if k in withheld or k in never_known]
                if len(unknown) == 1 and self.audited(unknown[0]):
                    pick = next(iter(self.candidates([i])), None)
                    if pick is not None:
                        self._withhold(pick)
                        changed = True

    def _protect(self, key: Key, comp: frozenset, up: bool) -> set[Key]:
        """The published cells to withhold so that ``key`` can reach its target: the cheapest change of
        published values (each weighted by its cost) that the relations allow with the target met."""
        rel_ids = sorted({i for k in comp for i in self.rels_of.get(k, [])})
        unknown = sorted(comp, key=repr)
        movable = sorted({m for i in rel_ids for m in (self.rels[i].total, *self.rels[i].parts)
                          if not self.unknown(m) and self.cells[m].value is not None},
                         key=repr)
        if not movable:
            return set()
        n, p = len(unknown), len(movable)
        ui, mi = {k: j for j, k in enumerate(unknown)}, {k: j for j, k in enumerate(movable)}
        rows, cols, vals, rhs = [], [], [], []
        for r, i in enumerate(rel_ids):
            rel, const = self.rels[i], 0.0
            for k, sign in ((rel.total, 1.0), *((q, -1.0) for q in rel.parts)):
                if k in ui:
                    rows.append(r), cols.append(ui[k]), vals.append(sign)
                else:
                    const -= sign * (self.cells[k].value or 0.0)
                    if k in mi:       # published value + up − down
                        rows += [r, r]
                        cols += [n + mi[k], n + p + mi[k]]
                        vals += [sign, -sign]
            rhs.append(const)
        lower, upper = [0.0] * (n + 2 * p), [INF] * (n + p) + [float(self.cells[m].value) for m in movable]
        j = ui[key]
        if up:
            lower[j] = max(lower[j], self._upper_target(key))
        else:
            upper[j] = 1.0
        weights = np.array([self.cost(m) for m in movable])
        c = np.concatenate([np.zeros(n), weights, weights])
        self.lps += 1
        try:
            x = Model(c, lower, upper, (rows, cols, vals), rhs, rhs).solve()
        except Unsolved:
            return set()
        if x is None:
            return set()
        moved = x[n:n + p] + x[n + p:]
        return {m for m, d in zip(movable, moved) if d > EPS}

    def _complement(self, key: Key, added: set[Key]) -> Key | None:
        """The cheapest published cell sharing a relation with ``key`` (widening to its neighbours)."""
        frontier, seen_rels, seen_cells = [key], set(), {key}
        for _ in range(4):
            rel_ids = [i for k in frontier for i in self.rels_of.get(k, []) if i not in seen_rels]
            seen_rels.update(rel_ids)
            options = [k for k in self.candidates(rel_ids) if k not in added]
            if options:
                return options[0]
            nxt = []
            for i in rel_ids:
                rel = self.rels[i]
                for k in (rel.total, *rel.parts):
                    if k not in seen_cells and self.unknown(k):
                        seen_cells.add(k)
                        nxt.append(k)
            frontier = nxt
            if not frontier:
                break
        return None

    def _components(self, keys: set[Key]) -> list[set[Key]]:
        parent: dict[Key, Key] = {}

        def find(k: Key) -> Key:
            while parent.setdefault(k, k) != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        unknown = self.withheld | self.never_known
        for members in self.members:
            inside = [k for k in members if k in unknown]
            if not inside:
                continue
            root = find(inside[0])
            for k in inside[1:]:
                other = find(k)
                if other != root:
                    parent[other] = root
        members: dict[Key, set[Key]] = {}
        for k in list(parent):
            members.setdefault(find(k), set()).add(k)
        out = []
        for root in {find(k) for k in keys if self.audited(k) and k in parent}:
            out.append(members[root])
        return out

    # the attacker's linear program -----------------------------------------------------------------
    def _audit(self, comps: list[set[Key]]) -> list[tuple[Key, bool]]:
        """Withheld cells the attacker narrows too far (see the module docstring).

        Each independent component has its own LP (one model per direction, changed in place): every
        target is pushed at once while that helps, and what is left is settled in smaller pushes.
        """
        bad: dict[bool, set[Key]] = {True: set(), False: set()}
        asked: dict[bool, set[Key]] = {True: set(), False: set()}
        for comp in sorted(comps, key=lambda c: min(map(repr, c))):
            audited = [k for k in comp if self.audited(k)]
            need = {True: {k: self._upper_target(k) for k in audited if k not in self.reached[True]},
                    False: {k: 1.0 for k in audited if self.cells[k].sensitive and k not in self.reached[False]}}
            if not need[True] and not need[False]:
                continue
            lp = _LP(self, comp)
            for up in (True, False):
                asked[up].update(need[up])
                left = lp.stall(need[up], up)
                if left:
                    bad[up] |= set(lp.certify(left, up))
            self.lps += lp.solved
        # a large withheld count (or a harm score) is wide enough when it can also move down by T − 1
        wide = {k: self.cells[k].value - self._room(k) for k in bad[True] if not self.cells[k].sensitive}
        if wide:
            lp = _LP(self, set().union(*(c for c in comps if c & set(wide))))
            bad[True] -= set(wide) - set(lp.certify(wide, maximise=False))
            self.lps += lp.solved
        for up in (True, False):
            self.reached[up] |= asked[up] - bad[up]
        return sorted([(k, True) for k in bad[True]] + [(k, False) for k in bad[False] - bad[True]],
                      key=lambda f: (not self.cells[f[0]].sensitive, repr(f[0])))

    def _room(self, key: Key) -> float:
        c = self.cells[key]
        return 1.0 if c.kind == "harm" else c.threshold - 1.0

    def _upper_target(self, key: Key) -> float:
        c = self.cells[key]
        if c.sensitive:
            return float(c.threshold)
        return c.value + self._room(key)


class _LP:
    """min/max of cells in one component subject to the relations, with published cells as constants.

    Columns: the component's unknown cells x (≥ 0); rows: the relations. A push gives the pushed cells a cost
    and bounds them by their targets (x ≤ target when maximising, x ≥ target when minimising), so none is
    pushed further than it needs. A point reached is a point of the unbounded problem (a certificate that
    every cell at its target can reach it); a cell pushed alone that stops short cannot reach its target,
    as max min(x, target) = min(max x, target). Every bound holds at the true values (a target is never
    on the wrong side of the cell's value), so every push is feasible. One model serves both directions.
    """

    def __init__(self, solver: _Solver, comp: set[Key]):
        self.solver = solver
        self.keys = sorted(comp, key=repr)
        self.index = {k: i for i, k in enumerate(self.keys)}
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.vals: list[float] = []
        rhs = []
        rel_ids = sorted({i for k in self.keys for i in solver.rels_of.get(k, [])})
        r = 0
        for i in rel_ids:
            rel = solver.rels[i]
            const, terms = 0.0, []
            for k, sign in ((rel.total, 1.0), *((p, -1.0) for p in rel.parts)):
                if k in self.index:
                    terms.append((self.index[k], sign))
                else:
                    const -= sign * (solver.cells[k].value or 0.0)
            if not terms:
                continue
            for j, sign in terms:
                self.rows.append(r), self.cols.append(j), self.vals.append(sign)
            rhs.append(const)
            r += 1
        self.n = len(self.keys)
        self.b = rhs
        self.model: Model | None = None
        self.pushed: list[int] = []
        self.solved = 0

    def _model(self) -> Model:
        """This component's model, loaded into the solver's HiGHS (replacing the last)."""
        if self.model is None or self.solver.loaded is not self:
            n = self.n
            self.model = Model(np.zeros(n), [0.0] * n, [INF] * n, (self.rows, self.cols, self.vals), self.b, self.b,
                               presolve=False, highs=self.solver.highs)
            self.solver.highs, self.solver.loaded = self.model.highs, self
            self.pushed = []
        return self.model

    def stall(self, targets: dict[Key, float], maximise: bool) -> dict[Key, float]:
        """Push every key at once until a push reaches no new target; the targets not yet reached."""
        left = dict(targets)
        while left:
            x = self._push(sorted(left, key=repr), left, maximise)
            done = [k for k, t in left.items() if x is None and maximise or x is not None and
                    (x[self.index[k]] >= t - EPS if maximise else x[self.index[k]] <= t + EPS)]
            for k in done:
                del left[k]
            if not done:
                break
        return left

    def certify(self, targets: dict[Key, float], maximise: bool) -> list[Key]:
        """Keys whose cell cannot reach its target (max ≥ target, or min ≤ target)."""
        left = dict(targets)

        def tick(x: np.ndarray | None) -> int:
            done = [k for k, t in left.items()
                    if x is None and maximise
                    or x is not None and (x[self.index[k]] >= t - EPS if maximise else x[self.index[k]] <= t + EPS)]
            for k in done:
                del left[k]
            return len(done)

        failing: list[Key] = []

        def settle(keys: list[Key]) -> None:
            """Push all ``keys`` at once while that helps; then each half on its own; then one by one."""
            keys = [k for k in keys if k in left]
            while keys and tick(self._push(keys, left, maximise)):
                keys = [k for k in keys if k in left]
            if len(keys) == 1:
                failing.append(keys[0])
                del left[keys[0]]
            elif keys:
                half = len(keys) // 2
                settle(keys[:half])
                settle(keys[half:])

        settle(sorted(left, key=repr))
        return sorted(failing, key=repr)

    def _push(self, keys: list[Key], targets: dict[Key, float], maximise: bool) -> np.ndarray | None:
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
