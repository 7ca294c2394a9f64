"""How much of one item each request receives: strict priority, and a fair share of any shortfall.

Classes are served in order (1 = life-saving first). Within a class, every request is first offered
the same fraction t of its need, as large as the stock within reach allows (shortfall proportional
to need); the requests that cannot receive more than t - the ones whose reachable warehouses are
then empty - keep it, and the others share what is left the same way, and so on (lexicographic
max-min of the fill ratio, "progressive filling"). This also serves the largest possible total of
the class: the quantities requests can receive form a polymatroid, whose lexicographically fairest
point is a maximal one.

The largest t is found exactly, with Newton's method on minimum cuts (a parametric max-flow): at a
candidate t, either every request of the class can have t of its need, or the minimum cut names a set
of requests whose warehouses cannot give them that, and the t at which that cut becomes just enough
is the next candidate. Every t is a fraction num/den of integers, so the max-flows run on integers
scaled by den, exactly. The requests behind the last cut are exactly filled at t: their shares
t * need are rounded to whole units with the largest-remainder rule (their total is a whole number);
which of them gets the odd unit does not change what the others can receive, because the set is
tight. So every request ends within one unit of its exact fair share.
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .flows import MaxFlow, SolverClock, min_cost_flow_solve
from .network import ItemNetwork


@dataclass
class Sharing:
    served: np.ndarray  # int64 per request node
    share: np.ndarray  # exact fair fill ratio (as a float) the request was given; 1.0 when fully served
    levels: int  # how many shortage levels were shared out


def share_item(network: ItemNetwork, clock: SolverClock) -> Sharing:
    demand = network.demand
    share = np.ones(len(demand))
    graph = MaxFlow(network, clock)
    if graph.solve(1, demand) == demand.sum():
        return Sharing(demand.copy(), share, 0)
    served = np.zeros(len(demand), dtype=np.int64)
    fixed = ~_reachable(network) | (demand == 0)
    share[fixed & (demand > 0)] = 0.0
    levels = 0
    for priority in np.unique(network.priority):
        open_ = ~fixed & (network.priority == priority)
        while open_.any():
            ratio, tight = _largest_common_ratio(graph, demand, served, fixed, open_)
            if tight is None:  # everyone open can have all of their need
                served[open_] = demand[open_]
                fixed |= open_
                break
            served[tight] = _whole_shares(graph, network, clock, served, fixed, tight, ratio)
            share[tight] = float(ratio)
            fixed |= tight
            open_ &= ~tight
            levels += 1
    return Sharing(served, share, levels)


def _reachable(network: ItemNetwork) -> np.ndarray:
    reachable = np.zeros(network.request_nodes, dtype=bool)
    reachable[network.route_request] = True
    return reachable


def _largest_common_ratio(
    graph: MaxFlow, demand: np.ndarray, served: np.ndarray, fixed: np.ndarray, open_: np.ndarray
) -> tuple[Fraction, np.ndarray | None]:
    """The largest t <= 1 such that every open request can have t of its need while the fixed ones
    keep what they were given; and the open requests that cannot have more (None when t = 1)."""
    fixed_total, open_demand = int(served[fixed].sum()), int(demand[open_].sum())
    stock = graph.network.stock_quantity
    ratio, tight = Fraction(1), None
    while True:
        num, den = ratio.numerator, ratio.denominator
        capacity = np.where(fixed, served * den, np.where(open_, demand * num, 0))
        if graph.solve(den, capacity) == fixed_total * den + open_demand * num:
            return ratio, tight
        stock_side, request_side = graph.source_side()
        # The cut's capacity is a + b*t: stock nodes cut off from the source, plus the sink arcs of
        # requests left on the source side. It meets the demand line fixed_total + open_demand*t here:
        a = int(stock[~stock_side].sum()) + int(served[fixed & request_side].sum())
        b = int(demand[open_ & request_side].sum())
        ratio = Fraction(a - fixed_total, open_demand - b)
        tight = open_ & ~request_side


def _whole_shares(
    graph: MaxFlow,
    network: ItemNetwork,
    clock: SolverClock,
    served: np.ndarray,
    fixed: np.ndarray,
    tight: np.ndarray,
    ratio: Fraction,
) -> np.ndarray:
    """Whole-unit quantities for the tight requests: floor of the exact share, plus one unit for those
    with the largest remainders (ties: earlier in the run's request order)."""
    num, den = ratio.numerator, ratio.denominator
    exact = network.demand[tight] * num
    floor, remainder = exact // den, exact % den
    extra_units = int(exact.sum() // den - floor.sum())
    order = np.lexsort((np.arange(len(remainder)), -remainder))
    bonus = np.zeros(len(floor), dtype=np.int64)
    bonus[order[:extra_units]] = 1
    capacity = np.where(fixed, served, 0)
    capacity[tight] = floor + bonus
    if graph.solve(1, capacity) == capacity.sum():
        return floor + bonus
    return _whole_shares_by_cost(network, clock, capacity, tight, floor, remainder, order)


def _whole_shares_by_cost(
    network: ItemNetwork,
    clock: SolverClock,
    capacity: np.ndarray,
    tight: np.ndarray,
    floor: np.ndarray,
    remainder: np.ndarray,
    order: np.ndarray,
) -> np.ndarray:
    """When the plain largest remainders do not fit together: a min-cost max-flow that must give
    every fixed request its quantity and every tight one its floor, and hands out the odd units
    preferring larger remainders."""
    capacity[tight] = floor
    preference = np.empty(len(order), dtype=np.int64)
    preference[order] = np.arange(len(order), 0, -1)
    odd = remainder > 0  # only a share with a remainder may be rounded up
    tight_nodes = np.flatnonzero(tight)[odd]
    must = len(order) + 1
    _, served = min_cost_flow_solve(
        network,
        clock,
        sink_capacity=capacity,
        sink_cost=np.full(len(capacity), -must, np.int64),
        route_cost=np.zeros(len(network.route_stock), np.int64),
        extra_sink=(tight_nodes, np.ones(len(tight_nodes), np.int64), -preference[odd]),
        exact=False,
        purpose="whole shares",
    )
    return served[tight]
