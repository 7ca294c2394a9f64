"""allocate(problem) -> Allocation: stock from warehouses to open requests.

The answer, item by item (nothing couples two items, so each is its own network, see network.py):
1. how much each request receives: strict priority between classes, and any shortfall within a class
   shared in proportion to need, then lexicographic max-min (sharing.py, OR-Tools max-flow);
2. from where: among all ways to ship exactly those quantities, one of least priority-weighted travel
   time, sum of weight(class) x hours x units (OR-Tools min-cost flow);
3. which lots: first expiry, first out, never a lot that expires before it arrives (picking.py);
4. why: each line's travel time, rank among the warehouses that could deliver in time, stock left
   and the deadline; and every request short of an item, with the cause.

A warehouse that cannot reach a request by its needed-by time is never used for it; lots already
expired at the time of the run are held back and listed.

Solvers: every stage is a network flow problem, so OR-Tools runs all of them. Measured on the
alliance-scale bench (bench/allocation.py, bench/README.md): HiGHS takes 4-5x longer on the
least-travel stage and hundreds of times longer on priority as a sequence of LPs. HiGHS is the
independent reference of the bench and the tests. A constraint coupling items (a shared loading
capacity, say) would need the LP.
"""

import time
from dataclasses import dataclass

import numpy as np

from .flows import SolverClock, min_cost_flow_solve
from .network import Holding, ItemNetwork, build_item_network
from .picking import pick_lots
from .problem import Problem, validate
from .result import Allocation, HeldBack, ItemStats, Line, Reason, ShortCause, Shortfall
from .sharing import share_item

COST_LIMIT = 2**62


@dataclass(frozen=True)
class _Run:
    problem: Problem
    travel: np.ndarray  # (warehouses, requests), hours
    in_time: np.ndarray  # travel <= needed-by, per pair
    priority: np.ndarray
    weight: np.ndarray  # priority weight per request
    needed_within: np.ndarray
    demand: dict[str, tuple[np.ndarray, np.ndarray]]  # item -> (request indices, quantities)
    holdings: dict[str, list[Holding]]
    held_back: tuple[HeldBack, ...]


def allocate(problem: Problem) -> Allocation:
    started = time.perf_counter()
    validate(problem)
    run = _compile(problem)
    clock = SolverClock()
    lines: list[Line] = []
    shortfalls: list[Shortfall] = []
    stats: list[ItemStats] = []
    objective = 0.0
    for item in sorted(run.demand):
        requests, quantities = run.demand[item]
        network = build_item_network(
            item, run.holdings.get(item, []), requests, quantities, run.priority[requests], run.travel, run.in_time
        )
        sharing = share_item(network, clock)
        flow = _least_travel(network, sharing.served, run.weight, clock)
        objective += float((run.weight[network.requests[network.route_request]] * network.route_hours * flow).sum())
        lines += _lines(run, network, flow)
        shortfalls += _shortfalls(run, network, sharing.served, sharing.share)
        stats.append(ItemStats(item, len(network.route_stock), sharing.levels))
    order = {request.key: index for index, request in enumerate(problem.requests)}
    lines.sort(key=lambda line: (order[line.request], line.item, line.reason.rank, line.warehouse))
    shortfalls.sort(key=lambda short: (order[short.request], short.item))
    return Allocation(
        lines=tuple(lines),
        shortfalls=tuple(shortfalls),
        held_back=run.held_back,
        objective=objective,
        solver_seconds=clock.seconds,
        total_seconds=time.perf_counter() - started,
        max_flow_solves=clock.max_flow_solves,
        min_cost_flow_solves=clock.min_cost_flow_solves,
        solver_seconds_by_kind=dict(clock.by_kind),
        items=tuple(stats),
    )


def _compile(problem: Problem) -> _Run:
    travel = np.asarray(problem.travel_hours, dtype=float).reshape(len(problem.warehouses), len(problem.requests))
    needed_within = np.array([r.needed_within_hours for r in problem.requests], dtype=float)
    priority = np.array([r.priority for r in problem.requests], dtype=np.int64)
    weight = np.array([problem.priority_weights[p] for p in priority], dtype=float)
    holdings, held_back = _holdings(problem)
    return _Run(
        problem=problem,
        travel=travel,
        in_time=travel <= needed_within[None, :],
        priority=priority,
        weight=weight,
        needed_within=needed_within,
        demand=_demand(problem),
        holdings=holdings,
        held_back=tuple(held_back),
    )


def _demand(problem: Problem) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    rows: dict[str, tuple[list[int], list[int]]] = {}
    for index, request in enumerate(problem.requests):
        for item, quantity in request.needs.items():
            if quantity > 0:
                indices, quantities = rows.setdefault(item, ([], []))
                indices.append(index)
                quantities.append(quantity)
    return {item: (np.array(i, dtype=np.int64), np.array(q, dtype=np.int64)) for item, (i, q) in rows.items()}


def _holdings(problem: Problem) -> tuple[dict[str, list[Holding]], list[HeldBack]]:
    holdings: dict[str, list[Holding]] = {}
    held_back: list[HeldBack] = []
    for index, warehouse in enumerate(problem.warehouses):
        for item, lots in warehouse.lots.items():
            usable = []
            for lot in lots:
                if lot.quantity and lot.expires_in_hours is not None and lot.expires_in_hours <= 0:
                    held_back.append(HeldBack(warehouse.key, item, lot.key, lot.quantity, lot.expires_in_hours))
                elif lot.quantity:
                    usable.append(lot)
            if usable:
                holdings.setdefault(item, []).append(Holding.of(index, usable))
    return holdings, held_back


def _least_travel(network: ItemNetwork, served: np.ndarray, weight: np.ndarray, clock: SolverClock) -> np.ndarray:
    """Units on each route arc: exactly `served` per request, at least priority-weighted travel time."""
    if served.sum() == 0:
        return np.zeros(len(network.route_stock), dtype=np.int64)
    unit_cost = weight[network.requests[network.route_request]] * network.route_hours
    scale = _cost_scale(float(unit_cost.max(initial=0.0)), int(served.sum()), network.node_count)
    flow, _ = min_cost_flow_solve(
        network, clock, sink_capacity=served, route_cost=np.rint(unit_cost * scale).astype(np.int64)
    )
    return flow


def _cost_scale(max_unit_cost: float, total_flow: int, nodes: int) -> float:
    """As fine a resolution of travel time as the solver's 64-bit arithmetic allows (it multiplies costs
    by the node count internally, and the total cost must fit too), capped at a micro-hour-weight."""
    if max_unit_cost == 0:
        return 1.0
    return min(1e9, COST_LIMIT / (max_unit_cost * max(total_flow, nodes * (nodes + 1))))


def _lines(run: _Run, network: ItemNetwork, flow: np.ndarray) -> list[Line]:
    used = np.flatnonzero(flow > 0)
    if not len(used):
        return []
    rank, alternatives = (values.tolist() for values in _ranks(network, used))
    holding_of_arc = network.stock_holding[network.route_stock[used]]
    request_of_arc = network.requests[network.route_request[used]]
    hours, quantities = network.route_hours[used].tolist(), flow[used].tolist()
    request_keys = [run.problem.requests[r].key for r in request_of_arc.tolist()]
    needed_within = run.needed_within[request_of_arc].tolist()
    shipped = np.bincount(holding_of_arc, weights=flow[used], minlength=len(network.holdings)).astype(np.int64)
    by_holding = np.argsort(holding_of_arc, kind="stable")
    lines = []
    for group in np.split(by_holding, np.flatnonzero(np.diff(holding_of_arc[by_holding])) + 1):
        group = group.tolist()
        index = int(holding_of_arc[group[0]])
        holding = network.holdings[index]
        warehouse = run.problem.warehouses[holding.warehouse].key
        stock_left = holding.quantity - int(shipped[index])
        picks = pick_lots(holding.lots, [(hours[k], quantities[k]) for k in group])
        for k, line_picks in zip(group, picks, strict=True):
            reason = Reason(hours[k], rank[k], alternatives[k], stock_left, needed_within[k])
            lines.append(Line(warehouse, request_keys[k], network.item, quantities[k], line_picks, reason))
    return lines


def _ranks(network: ItemNetwork, used: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each used route arc: 1 + how many route arcs into the same request are strictly shorter, and
    how many route arcs that request has (one per warehouse that can deliver in time)."""
    times, code = np.unique(network.route_hours, return_inverse=True)  # exact order of travel times
    key = network.route_request * len(times) + code  # sorts by request, then travel time
    ordered = np.sort(key)
    first_of_request = np.searchsorted(ordered, network.route_request[used] * len(times))
    rank = np.searchsorted(ordered, key[used]) - first_of_request + 1
    per_request = np.bincount(network.route_request, minlength=network.request_nodes)
    return rank, per_request[network.route_request[used]]


def _shortfalls(run: _Run, network: ItemNetwork, served: np.ndarray, share: np.ndarray) -> list[Shortfall]:
    reachable = np.zeros(network.request_nodes, dtype=bool)
    reachable[network.route_request] = True
    stocked = np.array([h.warehouse for h in network.holdings], dtype=np.int64)
    shortfalls = []
    for node in np.flatnonzero(served < network.demand):
        request = int(network.requests[node])
        if reachable[node]:
            cause = ShortCause.SHARED
        elif np.isfinite(run.travel[stocked, request]).any():
            cause = ShortCause.NOT_IN_TIME
        else:
            cause = ShortCause.NO_STOCK
        shortfalls.append(
            Shortfall(
                request=run.problem.requests[request].key,
                item=network.item,
                priority=int(network.priority[node]),
                needed=int(network.demand[node]),
                allocated=int(served[node]),
                cause=cause,
                fair_share=float(share[node]),
            )
        )
    return shortfalls
