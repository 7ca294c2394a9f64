"""An independent reference for the allocation engine: linear programmes solved by scipy's linprog
(HiGHS), written straight from the problem statement and sharing no code with the engine.

One variable per (lot, request) pair the lot may serve: the request needs the lot's item, the
warehouse reaches it by its needed-by time, and the lot is still good on arrival. No flow network,
no bands, no decomposition beyond what the statement says.

- `fair_served`: the exact (fractional) fair quantities: classes in priority order; within a class,
  progressive filling: the largest common fill ratio t by LP, then each open request tested by LP
  for whether it can exceed t, and those that cannot are frozen at t.
- `least_travel`: the least priority-weighted travel time that delivers given quantities, one LP
  over all items at once.
"""

import math
from collections import defaultdict

import numpy as np
from scipy.optimize import linprog

from yrd.emergency.allocation import Problem

TOLERANCE = 1e-7


def pairs(problem: Problem) -> list[tuple[int, str, int, int]]:
    """(warehouse index, item, lot index, request index) of every usable pairing."""
    result = []
    for w, warehouse in enumerate(problem.warehouses):
        for item, lots in warehouse.lots.items():
            for lot_index, lot in enumerate(lots):
                expiry = math.inf if lot.expires_in_hours is None else lot.expires_in_hours
                if lot.quantity <= 0 or expiry <= 0:
                    continue
                for r, request in enumerate(problem.requests):
                    hours = float(problem.travel_hours[w, r])
                    if (
                        request.needs.get(item, 0) > 0
                        and math.isfinite(hours)
                        and hours <= request.needed_within_hours
                        and expiry > hours
                    ):
                        result.append((w, item, lot_index, r))
    return result


def fair_served(problem: Problem) -> dict[tuple[int, str], float]:
    """(request index, item) -> exact fair quantity, for every positive need."""
    everything = pairs(problem)
    result = {}
    items = {item for request in problem.requests for item, q in request.needs.items() if q > 0}
    for item in sorted(items):
        result.update(_fair_item(problem, [p for p in everything if p[1] == item], item))
    return result


def _fair_item(problem, item_pairs, item):
    need = {r: q.needs[item] for r, q in enumerate(problem.requests) if q.needs.get(item, 0) > 0}
    fixed: dict[int, float] = {}
    for priority in sorted({problem.requests[r].priority for r in need}):
        open_ = {r for r in need if problem.requests[r].priority == priority}
        while open_:
            ratio = _largest_ratio(problem, item_pairs, need, fixed, open_)
            if ratio >= 1 - TOLERANCE:
                fixed.update({r: float(need[r]) for r in open_})
                break
            stuck = {r for r in open_ if not _can_exceed(problem, item_pairs, need, fixed, open_, ratio, r)}
            assert stuck, "progressive filling made no progress"
            fixed.update({r: ratio * need[r] for r in stuck})
            open_ -= stuck
    return {(r, item): value for r, value in fixed.items()}


def _flow_constraints(problem, item_pairs, need, fixed, open_, extra_columns):
    """Rows over the pair variables (+ extra columns at the end): lot capacity, fixed requests at
    their value, open requests at most their need, every other request nothing."""
    n = len(item_pairs) + extra_columns
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    by_lot, by_request = defaultdict(list), defaultdict(list)
    for column, (w, _item, lot_index, r) in enumerate(item_pairs):
        by_lot[(w, lot_index)].append(column)
        by_request[r].append(column)
    for (w, lot_index), columns in by_lot.items():
        row = np.zeros(n)
        row[columns] = 1
        a_ub.append(row)
        b_ub.append(problem.warehouses[w].lots[item_pairs[columns[0]][1]][lot_index].quantity)
    for r in need:
        row = np.zeros(n)
        row[by_request[r]] = 1
        if r in fixed:
            a_eq.append(row)
            b_eq.append(fixed[r])
        elif r in open_:
            a_ub.append(row)
            b_ub.append(need[r])
        else:
            a_eq.append(row)
            b_eq.append(0.0)
    return a_ub, b_ub, a_eq, b_eq, by_request


def _solve(c, a_ub, b_ub, a_eq, b_eq, bounds):
    result = linprog(
        c,
        A_ub=np.array(a_ub) if a_ub else None,
        b_ub=np.array(b_ub) if b_ub else None,
        A_eq=np.array(a_eq) if a_eq else None,
        b_eq=np.array(b_eq) if b_eq else None,
        bounds=bounds,
        method="highs",
    )
    assert result.status == 0, result.message
    return result


def _largest_ratio(problem, item_pairs, need, fixed, open_):
    a_ub, b_ub, a_eq, b_eq, by_request = _flow_constraints(problem, item_pairs, need, fixed, open_, 1)
    n = len(item_pairs) + 1
    for r in open_:  # need * t - served <= 0
        row = np.zeros(n)
        row[by_request[r]] = -1
        row[-1] = need[r]
        a_ub.append(row)
        b_ub.append(0.0)
    c = np.zeros(n)
    c[-1] = -1
    result = _solve(c, a_ub, b_ub, a_eq, b_eq, [(0, None)] * len(item_pairs) + [(0, 1)])
    return float(result.x[-1])


def _can_exceed(problem, item_pairs, need, fixed, open_, ratio, request):
    if not item_pairs:
        return False
    a_ub, b_ub, a_eq, b_eq, by_request = _flow_constraints(problem, item_pairs, need, fixed, open_, 0)
    n = len(item_pairs)
    for r in open_:
        row = np.zeros(n)
        row[by_request[r]] = -1
        a_ub.append(row)
        b_ub.append(-ratio * need[r] + TOLERANCE)
    c = np.zeros(n)
    c[by_request[request]] = -1
    result = _solve(c, a_ub, b_ub, a_eq, b_eq, [(0, None)] * n)
    return -result.fun > ratio * need[request] + 1e-6


def least_travel(problem: Problem, served: dict[tuple[int, str], int]) -> float:
    """Least sum of weight x hours x units over all items at once, delivering exactly `served`."""
    everything = pairs(problem)
    if not everything:
        return 0.0
    n = len(everything)
    cost = np.array(
        [
            problem.priority_weights[problem.requests[r].priority] * problem.travel_hours[w, r]
            for w, _, _, r in everything
        ]
    )
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    by_lot, by_need = defaultdict(list), defaultdict(list)
    for column, (w, item, lot_index, r) in enumerate(everything):
        by_lot[(w, item, lot_index)].append(column)
        by_need[(r, item)].append(column)
    for (w, item, lot_index), columns in by_lot.items():
        row = np.zeros(n)
        row[columns] = 1
        a_ub.append(row)
        b_ub.append(problem.warehouses[w].lots[item][lot_index].quantity)
    assert all(key in by_need for key, units in served.items() if units), "served without any usable pairing"
    for key, columns in by_need.items():
        row = np.zeros(n)
        row[columns] = 1
        a_eq.append(row)
        b_eq.append(served.get(key, 0))
    return float(_solve(cost, a_ub, b_ub, a_eq, b_eq, [(0, None)] * n).fun)
