"""OR-Tools max-flow and min-cost-flow over an item network, with the solver's own time counted apart.

`SolverClock` adds up the seconds spent inside the solvers' `solve` calls only, so a run can report how
much of its time is the solver and how much is ours (building networks, picking lots, explaining).
"""

import time
from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from .network import SINK, SOURCE, ItemNetwork


@dataclass
class SolverClock:
    seconds: float = 0.0
    max_flow_solves: int = 0
    min_cost_flow_solves: int = 0
    by_kind: dict[str, float] = field(default_factory=dict)  # seconds per kind of solve

    def solved(self, kind: str, started: float) -> None:
        elapsed = time.perf_counter() - started
        self.seconds += elapsed
        self.by_kind[kind] = self.by_kind.get(kind, 0.0) + elapsed
        if kind.startswith("max_flow"):
            self.max_flow_solves += 1
        else:
            self.min_cost_flow_solves += 1


class SolverFailed(RuntimeError):
    pass


class MaxFlow:
    """The item network with adjustable capacities. Stock and sink capacities are given in integers
    scaled by a common factor, so that a fractional share t = num/den becomes exact integers."""

    def __init__(self, network: ItemNetwork, clock: SolverClock):
        self.network = network
        self.clock = clock
        self.solver = max_flow.SimpleMaxFlow()
        tails, heads = network.arcs()
        self.solver.add_arcs_with_capacity(tails, heads, np.zeros(len(tails), dtype=np.int64))
        self.supply, chain, route, self.sink = network.arc_slices()
        self.unbounded = np.arange(chain.start, route.stop, dtype=np.int32)
        self.supply_arcs = np.arange(self.supply.start, self.supply.stop, dtype=np.int32)
        self.sink_arcs = np.arange(self.sink.start, self.sink.stop, dtype=np.int32)

    def solve(self, scale: int, sink_capacity: np.ndarray) -> int:
        stock = self.network.stock_quantity * scale
        self.solver.set_arcs_capacity(self.supply_arcs, stock)
        self.solver.set_arcs_capacity(self.unbounded, np.full(len(self.unbounded), int(stock.sum()) + 1, np.int64))
        self.solver.set_arcs_capacity(self.sink_arcs, sink_capacity.astype(np.int64))
        started = time.perf_counter()
        status = self.solver.solve(SOURCE, SINK)
        self.clock.solved("max_flow", started)
        if status != self.solver.OPTIMAL:
            raise SolverFailed(f"max flow for item {self.network.item!r}: {status}")
        return self.solver.optimal_flow()

    def source_side(self) -> tuple[np.ndarray, np.ndarray]:
        """After an unsaturated solve: which stock nodes and request nodes lie on the source side of
        the minimum cut nearest the source."""
        nodes = np.zeros(self.network.node_count, dtype=bool)
        nodes[self.solver.get_source_side_min_cut()] = True
        first_request = 2 + self.network.stock_nodes
        return nodes[2:first_request], nodes[first_request:]

    def sink_flows(self) -> np.ndarray:
        return self.solver.flows(self.sink_arcs)


def min_cost_flow_solve(
    network: ItemNetwork,
    clock: SolverClock,
    *,
    sink_capacity: np.ndarray,
    route_cost: np.ndarray,
    sink_cost: np.ndarray | None = None,
    extra_sink: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    exact: bool = True,
    purpose: str = "least travel",
) -> tuple[np.ndarray, np.ndarray]:
    """Flows on the route arcs and the sink arcs (plus `extra_sink` arcs: request node, capacity, cost,
    added after the sink arcs and counted into their request's sink flow).

    exact: the flow must equal the sum of `sink_capacity` (it is known to be feasible); otherwise
    a maximum flow of minimum cost is found (the sink arcs' costs then decide who is served)."""
    tails, heads = network.arcs()
    supply, chain, route, sink = network.arc_slices()
    capacity = np.zeros(len(tails), dtype=np.int64)
    capacity[supply] = network.stock_quantity
    capacity[chain] = capacity[route] = int(network.stock_quantity.sum()) + 1
    capacity[sink] = sink_capacity
    cost = np.zeros(len(tails), dtype=np.int64)
    cost[route] = route_cost
    if sink_cost is not None:
        cost[sink] = sink_cost
    if extra_sink is not None:
        nodes, extra_capacity, extra_cost = extra_sink
        tails = np.concatenate([tails, 2 + network.stock_nodes + nodes]).astype(np.int32)
        heads = np.concatenate([heads, np.full(len(nodes), SINK)]).astype(np.int32)
        capacity = np.concatenate([capacity, extra_capacity.astype(np.int64)])
        cost = np.concatenate([cost, extra_cost.astype(np.int64)])
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacity, cost)
    total = int(sink_capacity.sum() if exact else network.stock_quantity.sum())
    solver.set_nodes_supplies(np.array([SOURCE, SINK], np.int32), np.array([total, -total], np.int64))
    started = time.perf_counter()
    status = solver.solve() if exact else solver.solve_max_flow_with_min_cost()
    clock.solved(f"min_cost_flow ({purpose})", started)
    if status != solver.OPTIMAL:
        raise SolverFailed(f"min-cost flow for item {network.item!r}: {status}")
    flows = solver.flows(arcs)
    served = flows[sink].copy()
    if extra_sink is not None:
        np.add.at(served, extra_sink[0], flows[sink.stop :])
    return flows[route], served
