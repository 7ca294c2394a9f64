"""Allocation at alliance scale: 500 warehouses x 50 items x 2,000 demand points.

    .venv/bin/python bench/allocation.py [--warehouses 500] [--items 50] [--requests 2000] [--seed 7]

Prints, from one run on one generated instance:
- the whole run (`allocate`: validation, networks, solves, lot picking, explanations) and the solver's
  own time inside it (OR-Tools `solve` calls only), and their ratio (target: at most 1.5);
- the optimality gap of the priority-weighted travel time against an independent LP solved by HiGHS
  (highspy), one variable per (lot, request) pair, delivering the same quantities (target: 0);
- the served total of each priority class against the lexicographic maximum the same LP finds
  (class 1 first, then class 2 with class 1 held at its maximum, ...) (target: equal);
- the peak resident memory of the process after the engine's run (before the reference LP) and
  before it (the generated instance);
- for "which solver runs where": the seconds of each kind of solve, and HiGHS's time for the same
  least-travel stage.

Exits 1 when a target is missed. Needs no database.
"""

import argparse
import math
import resource
import sys
import time
from pathlib import Path

import highspy
import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from yrd.emergency.allocation import Lot, Problem, Request, Warehouse, allocate  # noqa: E402

# The region's bounding box and a lorry's average road speed (road distance ~ 1.3 x great circle).
LAT, LON = (27.0, 35.2), (115.0, 122.5)
ROAD_FACTOR, KMH, LOADING_HOURS = 1.3, 60.0, 0.5


def instance(warehouses: int, items: int, requests: int, seed: int) -> Problem:
    rng = np.random.default_rng(seed)
    item_keys = [f"item-{i:02d}" for i in range(items)]
    expires = rng.random(items) < 0.6  # consumables; the rest is equipment
    w_at = _points(rng, warehouses)
    r_at = _points(rng, requests)
    travel = LOADING_HOURS + ROAD_FACTOR * _km(w_at, r_at) / KMH
    travel[rng.random(travel.shape) < 0.02] = math.inf  # roads cut
    wanted = rng.random((requests, items)) < 5 / items  # about five items per demand point
    demand = np.where(wanted, rng.integers(5, 300, (requests, items)), 0)
    # stock per item between half and one and a half times its demand, spread over 40 % of warehouses
    ratio = rng.uniform(0.5, 1.5, items)
    stocks = rng.random((warehouses, items)) < 0.4
    share = np.where(stocks, rng.random((warehouses, items)), 0)
    share /= np.maximum(share.sum(axis=0), 1e-12)
    stock = np.floor(share * demand.sum(axis=0) * ratio).astype(int)
    return Problem(
        warehouses=[Warehouse(f"W{w:03d}", _lots(rng, w, item_keys, stock[w], expires)) for w in range(warehouses)],
        requests=[
            Request(
                f"R{r:04d}",
                {item_keys[i]: int(demand[r, i]) for i in np.flatnonzero(wanted[r])},
                priority=int(rng.choice([1, 2, 3], p=[0.2, 0.4, 0.4])),
                needed_within_hours=float(rng.choice([6, 12, 24, 48, 72])),
            )
            for r in range(requests)
        ],
        travel_hours=travel,
    )


def _points(rng, n):
    return np.column_stack([rng.uniform(*LAT, n), rng.uniform(*LON, n)])


def _km(a, b):
    lat1, lon1 = np.radians(a[:, 0])[:, None], np.radians(a[:, 1])[:, None]
    lat2, lon2 = np.radians(b[:, 0])[None, :], np.radians(b[:, 1])[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(h))


def _lots(rng, w, item_keys, quantities, expires):
    lots = {}
    for i in np.flatnonzero(quantities):
        parts = rng.multinomial(quantities[i], np.ones(int(rng.integers(1, 4))) / 3)
        lots[item_keys[i]] = [
            Lot(f"W{w:03d}-{i:02d}-{n}", int(q), float(rng.uniform(-24, 24 * 720)) if expires[i] else None)
            for n, q in enumerate(parts)
            if q
        ]
    return lots


class ReferenceLP:
    """One item's LP straight from the statement: a column per usable (lot, request) pair."""

    def __init__(self, problem: Problem, item: str):
        self.problem = problem
        owner, quantity, expiry = [], [], []
        for w, warehouse in enumerate(problem.warehouses):
            for lot in warehouse.lots.get(item, ()):
                owner.append(w)
                quantity.append(lot.quantity)
                expiry.append(math.inf if lot.expires_in_hours is None else lot.expires_in_hours)
        self.requests = np.array([r for r, q in enumerate(problem.requests) if q.needs.get(item, 0) > 0])
        self.demand = np.array([problem.requests[r].needs[item] for r in self.requests], dtype=float)
        self.lot_quantity = np.array(quantity, dtype=float)
        deadline = np.array([problem.requests[r].needed_within_hours for r in self.requests])
        hours = problem.travel_hours[np.ix_(owner, self.requests)] if owner else np.zeros((0, len(self.requests)))
        expiry = np.array(expiry)
        usable = (hours <= deadline[None, :]) & (expiry[:, None] > hours) & (expiry[:, None] > 0)
        self.lot, self.request = np.nonzero(usable)
        weights = np.array([problem.priority_weights[problem.requests[r].priority] for r in self.requests])
        self.cost = weights[self.request] * hours[self.lot, self.request]
        self.priority = np.array([problem.requests[r].priority for r in self.requests])

    def least_travel(self, served: np.ndarray) -> tuple[float, float]:
        """Optimum and HiGHS run seconds, delivering exactly `served` per request."""
        return self._solve(self.cost, served, served)

    def class_maxima(self) -> tuple[dict[int, float], float]:
        """The most each class can receive, classes in order, and HiGHS run seconds."""
        best: dict[int, float] = {}
        total_seconds = 0.0
        for priority in sorted(set(self.priority)):
            in_class = (self.priority[self.request] == priority).astype(float)
            value, seconds = self._solve(-in_class, np.zeros(len(self.demand)), self.demand, best)
            best[priority] = -value
            total_seconds += seconds
        return best, total_seconds

    def _solve(self, cost, served_low, served_high, class_floor=None):
        n_lots, n_requests, n_cols = len(self.lot_quantity), len(self.demand), len(self.lot)
        if n_cols == 0:
            return 0.0, 0.0
        columns = np.arange(n_cols)
        rows = [self.lot, n_lots + self.request]
        cols = [columns, columns]
        lower = [np.zeros(n_lots), np.asarray(served_low, dtype=float)]
        upper = [self.lot_quantity, np.asarray(served_high, dtype=float)]
        for extra, (priority, floor) in enumerate((class_floor or {}).items()):  # classes above at their best
            in_class = np.flatnonzero(self.priority[self.request] == priority)
            rows.append(np.full(len(in_class), n_lots + n_requests + extra))
            cols.append(in_class)
            lower.append(np.array([floor - 1e-7]))
            upper.append(np.array([highspy.kHighsInf]))
        row_index, col_index = np.concatenate(rows), np.concatenate(cols)
        n_rows = n_lots + n_requests + len(class_floor or {})
        matrix = sparse.csc_matrix((np.ones(len(row_index)), (row_index, col_index)), shape=(n_rows, n_cols))
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = n_cols, n_rows
        lp.col_cost_ = np.asarray(cost, dtype=float)
        lp.col_lower_ = np.zeros(n_cols)
        lp.col_upper_ = np.full(n_cols, highspy.kHighsInf)
        lp.row_lower_ = np.concatenate(lower)
        lp.row_upper_ = np.concatenate(upper)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr
        lp.a_matrix_.index_ = matrix.indices
        lp.a_matrix_.value_ = matrix.data
        solver = highspy.Highs()
        solver.setOptionValue("output_flag", False)
        solver.passModel(lp)
        started = time.perf_counter()
        solver.run()
        seconds = time.perf_counter() - started
        status = solver.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"reference LP: {solver.modelStatusToString(status)}")
        return solver.getInfo().objective_function_value, seconds


def served_by_item(problem: Problem, answer) -> dict[str, dict[int, int]]:
    index = {request.key: r for r, request in enumerate(problem.requests)}
    result: dict[str, dict[int, int]] = {}
    for line in answer.lines:
        per = result.setdefault(line.item, {})
        per[index[line.request]] = per.get(index[line.request], 0) + line.quantity
    return result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouses", type=int, default=500)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    problem = instance(args.warehouses, args.items, args.requests, args.seed)
    before = peak_rss_mb()
    answer = allocate(problem)
    after = peak_rss_mb()
    needs = sum(len(r.needs) for r in problem.requests)
    print(
        f"instance     {args.warehouses} warehouses x {args.items} items x {args.requests} demand points "
        f"({needs:,} request lines, {sum(s.route_arcs for s in answer.items):,} route arcs)"
    )
    ratio = answer.total_seconds / answer.solver_seconds
    print(f"total        {answer.total_seconds:8.2f} s  (allocate: validate, networks, solves, picking, explaining)")
    print(
        f"solver       {answer.solver_seconds:8.2f} s  (OR-Tools solve calls: {answer.max_flow_solves} max-flow, "
        f"{answer.min_cost_flow_solves} min-cost-flow)"
    )
    for kind, seconds in sorted(answer.solver_seconds_by_kind.items()):
        print(f"  {kind:32s} {seconds:8.2f} s")
    print(f"ratio        {ratio:8.2f}x  (target <= 1.5x): {'OK' if ratio <= 1.5 else 'MISSED'}")
    short = sum(s.short for s in answer.shortfalls)
    print(
        f"answer       {len(answer.lines):,} lines, {len(answer.shortfalls):,} request lines short "
        f"({short:,} units), {sum(s.shortage_levels for s in answer.items)} shortage levels shared, "
        f"{len(answer.held_back)} expired lots held back"
    )
    print(f"memory       peak RSS {after:,.0f} MB after the run ({before:,.0f} MB with the instance alone)")

    served = served_by_item(problem, answer)
    optimum, highs_seconds, highs_priority_seconds, class_errors = 0.0, 0.0, 0.0, []
    for item in sorted({item for r in problem.requests for item in r.needs}):
        reference = ReferenceLP(problem, item)
        got = np.array([served.get(item, {}).get(r, 0) for r in reference.requests], dtype=float)
        value, seconds = reference.least_travel(got)
        optimum += value
        highs_seconds += seconds
        maxima, seconds = reference.class_maxima()
        highs_priority_seconds += seconds
        for priority, best in maxima.items():
            total = got[reference.priority == priority].sum()
            if abs(total - best) > 1e-6:
                class_errors.append(f"{item} class {priority}: served {total:.0f}, LP maximum {best:.3f}")
    gap = (answer.objective - optimum) / optimum if optimum else 0.0
    print(f"objective    {answer.objective:,.4f} weighted unit-hours; independent LP {optimum:,.4f}")
    print(f"gap          {gap:.2e}  (target 0, i.e. below 1e-9): {'OK' if abs(gap) <= 1e-9 else 'MISSED'}")
    print(
        f"priority     served per class equals the LP's lexicographic maximum for every item: "
        f"{'OK' if not class_errors else 'MISSED ' + '; '.join(class_errors[:5])}"
    )
    cost_flow = answer.solver_seconds_by_kind.get("min_cost_flow (least travel)", 0.0)
    sharing = answer.solver_seconds - cost_flow
    print(
        f"solvers      least-travel stage: OR-Tools min-cost flow {cost_flow:.2f} s, "
        f"HiGHS LP {highs_seconds:.2f} s ({highs_seconds / cost_flow:.1f}x)"
    )
    print(
        f"             priority + fair sharing: OR-Tools max-flow (+ min-cost flow for whole units) {sharing:.2f} s; "
        f"HiGHS LPs for the class maxima alone (no fairness) {highs_priority_seconds:.2f} s "
        f"({highs_priority_seconds / sharing:.0f}x)"
    )
    return 0 if ratio <= 1.5 and abs(gap) <= 1e-9 and not class_errors else 1


if __name__ == "__main__":
    sys.exit(main())
