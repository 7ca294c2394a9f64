"""A multi-stop heritage route: the order of visiting chosen sites that minimises the total travel.

`best_order(cost)` solves the open path exactly (any first and last stop, or a fixed first stop)
with OR-Tools CP-SAT: one node per stop plus a depot joined to every stop at zero cost, a circuit
through all of them (`AddCircuit`), the sum of the arcs used minimised. Costs are scaled to whole
units (seconds or metres) before solving, so "exact" means optimal for the rounded matrix; the
brute force in the tests compares on the same matrix. Up to MAX_STOPS stops.

`travel_costs(points)` gives the matrix: minutes over the transport module's network when that
module is installed and reaches every pair, straight-line kilometres otherwise (the basis is
returned with the matrix and shown on the page, so nobody reads kilometres as minutes).
"""

from __future__ import annotations

import importlib
import math
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext as _
from ortools.sat.python import cp_model

from yrd.culture import geo

MAX_STOPS = 12
SCALE = 60  # minutes -> seconds, kilometres -> 1/60 km: whole numbers for the solver
NETWORK, STRAIGHT = "network", "straight_line"


class RouteRefused(ValueError):
    def __init__(self, message: str, field: str = "stops"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Ordered:
    order: list[int]  # indices into the stops, in visiting order
    total: float  # in the matrix's unit
    legs: list[float]


def best_order(cost: list[list[float]], start: int | None = None) -> Ordered:
    n = len(cost)
    if n > MAX_STOPS:
        raise RouteRefused(_("A route has at most %(n)d stops.") % {"n": MAX_STOPS})
    if n == 0:
        raise RouteRefused(_("Choose at least one site."))
    if any(len(row) != n or any(not math.isfinite(c) or c < 0 for c in row) for row in cost):
        raise RouteRefused(_("Some sites cannot be reached from each other."))
    if start is not None and not 0 <= start < n:
        raise RouteRefused(_("The first stop must be one of the chosen sites."), "start")
    order = [0] if n == 1 else _solve(_scaled(cost), start)
    legs = [cost[a][b] for a, b in zip(order, order[1:], strict=False)]
    return Ordered(order, sum(legs), legs)


def _scaled(cost):
    return [[round(c * SCALE) for c in row] for row in cost]


def _solve(cost: list[list[int]], start: int | None) -> list[int]:
    n, depot = len(cost), len(cost)
    model = cp_model.CpModel()
    arcs, chosen = [], {}
    for i in range(n):
        for j in range(n):
            if i != j:
                chosen[i, j] = model.NewBoolVar(f"x{i}_{j}")
                arcs.append((i, j, chosen[i, j]))
        leave = model.NewBoolVar(f"first{i}")
        if start is not None and i != start:
            model.Add(leave == 0)
        arcs += [(depot, i, leave), (i, depot, model.NewBoolVar(f"last{i}"))]
    model.AddCircuit(arcs)
    model.Minimize(sum(cost[i][j] * var for (i, j), var in chosen.items()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    status = solver.Solve(model)
    if status != cp_model.OPTIMAL:
        raise RouteRefused(_("No route could be found."))
    successor = {i: j for (i, j), var in chosen.items() if solver.Value(var)}
    first = next(i for i in range(n) if i not in successor.values())
    order = [first]
    while order[-1] in successor:
        order.append(successor[order[-1]])
    return order


def straight_line_km(points: list[tuple[float, float]]) -> list[list[float]]:
    return [[0.0 if a == b else geo.haversine_km(a, b) for b in points] for a in points]


def network_minutes(points: list[tuple[float, float]]) -> list[list[float]] | None:
    """Minutes between the points over the transport network; None when that module is not
    installed, is switched off for routes, or does not reach every pair."""
    if not getattr(settings, "CULTURE_ROUTES_OVER_NETWORK", True) or not apps.is_installed("yrd.transport"):
        return None
    transport = importlib.import_module("yrd.transport.interface")  # optional: the module may be absent
    try:
        hours = transport.travel_time_matrix([(lat, lon) for lon, lat in points], [(lat, lon) for lon, lat in points])
    except transport.RoutingError:
        return None
    minutes = [[0.0 if i == j else float(hours[i][j]) * 60 for j in range(len(points))] for i in range(len(points))]
    return minutes if all(math.isfinite(c) for row in minutes for c in row) else None


def travel_costs(points: list[tuple[float, float]]) -> tuple[list[list[float]], str]:
    minutes = network_minutes(points)
    return (minutes, NETWORK) if minutes is not None else (straight_line_km(points), STRAIGHT)
