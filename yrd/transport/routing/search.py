"""Searches over a graph of `Edge`s (any object with ``edges`` and ``out_edges``): the multi-criteria
label-setting search for the Pareto front over (cost, time, CO2), and a lexicographic Dijkstra for one
criterion.

Label setting (Martins): labels are popped in lexicographic order of (cost, hours, CO2); a popped label that
no label already settled at its node weakly dominates is settled there and extended along the allowed
edges. Every criterion is non-negative and waiting for a departure is FIFO (arriving earlier never makes you
leave later), so a label settled is never dominated by one popped later, and the labels reaching the
targets, cleaned of dominated ones, are exactly the Pareto front over all paths. Pruning: a label
dominated by a route already found at a target is dropped (its remaining legs can only add), and so is a
label past the deadline.

Time is hours since the requested departure; `start_week_hour` is where that departure falls in the week
(Monday 00:00 = 0), which is what a `Timetable` needs to find the next departure. With no start, timetables
are ignored (static travel times).
"""

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Vector = tuple[float, float, float]  # (cost per tonne, hours, kg CO2e per tonne)
EPS = 1e-9
MAX_LABELS = 500_000  # a guard: the regional network needs a few thousand


@dataclass(frozen=True)
class Seed:
    """A start or end of the search: a node and the cost of the access leg to or from it."""

    node: int
    cost: float = 0.0
    hours: float = 0.0
    co2: float = 0.0
    anchor: int = 0  # which of the place's anchors this is


@dataclass(frozen=True)
class Found:
    """A path found: its criteria (target access included), its edges in order, and its two anchors."""

    vector: Vector
    edges: tuple[int, ...]
    waits: tuple[float, ...]  # hours waited before each edge
    source_anchor: int
    target_anchor: int


class LabelLimitExceeded(RuntimeError):
    pass


def _weakly_dominated(bag: list[Vector], c: float, t: float, g: float) -> bool:
    for bc, bt, bg in bag:
        if bc <= c + EPS and bt <= t + EPS and bg <= g + EPS:
            return True
    return False


class _Labels:
    """Labels in parallel lists: the cheapest structure for millions of appends in CPython."""

    def __init__(self):
        self.node, self.parent, self.edge, self.wait, self.anchor = [], [], [], [], []

    def add(self, node: int, parent: int, edge: int, wait: float, anchor: int) -> int:
        self.node.append(node)
        self.parent.append(parent)
        self.edge.append(edge)
        self.wait.append(wait)
        self.anchor.append(anchor)
        return len(self.node) - 1

    def path(self, i: int) -> tuple[tuple[int, ...], tuple[float, ...], int]:
        edges, waits = [], []
        while self.parent[i] >= 0:
            edges.append(self.edge[i])
            waits.append(self.wait[i])
            i = self.parent[i]
        return tuple(reversed(edges)), tuple(reversed(waits)), self.anchor[i]


def _wait(edge, start_week_hour: float | None, t: float) -> float:
    if edge.timetable is None or start_week_hour is None:
        return 0.0
    return edge.timetable.wait(start_week_hour + t)


def pareto_front(
    graph,
    sources: Sequence[Seed],
    targets: Sequence[Seed],
    allowed: np.ndarray | None = None,
    start_week_hour: float | None = None,
    deadline_hours: float | None = None,
) -> list[Found]:
    edges, out = graph.edges, graph.out_edges
    deadline = float("inf") if deadline_hours is None else deadline_hours + EPS
    ends: dict[int, list[Seed]] = {}
    for seed in targets:
        ends.setdefault(seed.node, []).append(seed)
    labels = _Labels()
    heap: list[tuple[float, float, float, int]] = []
    for seed in sources:
        heapq.heappush(heap, (seed.cost, seed.hours, seed.co2, labels.add(seed.node, -1, -1, 0.0, seed.anchor)))
    settled: dict[int, list[Vector]] = {}
    finals: list[tuple[Vector, int, int]] = []  # (vector, label, target anchor)
    final_vectors: list[Vector] = []
    while heap:
        c, t, g, i = heapq.heappop(heap)
        v = labels.node[i]
        bag = settled.setdefault(v, [])
        if _weakly_dominated(bag, c, t, g) or _weakly_dominated(final_vectors, c, t, g):
            continue
        bag.append((c, t, g))
        for end in ends.get(v, ()):
            fc, ft, fg = c + end.cost, t + end.hours, g + end.co2
            if ft <= deadline and not _weakly_dominated(final_vectors, fc, ft, fg):
                finals = [f for f in finals if not _dominates((fc, ft, fg), f[0])] + [((fc, ft, fg), i, end.anchor)]
                final_vectors = [f[0] for f in finals]
        for ei in out[v]:
            if allowed is not None and not allowed[ei]:
                continue
            e = edges[ei]
            w = _wait(e, start_week_hour, t)
            nc, nt, ng = c + e.cost, t + w + e.hours, g + e.co2
            if nt > deadline:
                continue
            if _weakly_dominated(settled.get(e.head, ()), nc, nt, ng) or _weakly_dominated(final_vectors, nc, nt, ng):
                continue
            heapq.heappush(heap, (nc, nt, ng, labels.add(e.head, i, ei, w, -1)))
            if len(labels.node) > MAX_LABELS:
                raise LabelLimitExceeded(f"more than {MAX_LABELS} labels")
    return [_found(labels, vector, i, anchor) for vector, i, anchor in sorted(finals)]


def _dominates(a: Vector, b: Vector) -> bool:
    return all(x <= y + EPS for x, y in zip(a, b, strict=True))


def _found(labels: _Labels, vector: Vector, i: int, target_anchor: int) -> Found:
    edges, waits, source_anchor = labels.path(i)
    return Found(vector, edges, waits, source_anchor, target_anchor)


CRITERIA = {"cheapest": (0, 1, 2), "fastest": (1, 0, 2), "greenest": (2, 0, 1)}


def best_path(
    graph,
    sources: Sequence[Seed],
    targets: Sequence[Seed],
    criterion: str,
    allowed: np.ndarray | None = None,
    start_week_hour: float | None = None,
) -> Found | None:
    """Lexicographic Dijkstra: the first criterion of `CRITERIA[criterion]` is minimised exactly; the others
    break ties (exactly without timetables; with them, a later arrival that catches the same departure is
    not revisited, so a tie on time may keep the dearer route)."""
    order = CRITERIA[criterion]
    edges, out = graph.edges, graph.out_edges
    ends: dict[int, list[Seed]] = {}
    for seed in targets:
        ends.setdefault(seed.node, []).append(seed)
    labels = _Labels()
    heap: list[tuple[tuple[float, ...], Vector, int]] = []
    for seed in sources:
        vec = (seed.cost, seed.hours, seed.co2)
        heapq.heappush(heap, (_key(vec, order), vec, labels.add(seed.node, -1, -1, 0.0, seed.anchor)))
    done: set[int] = set()
    best: tuple[tuple[float, ...], Vector, int, int] | None = None
    while heap:
        key, (c, t, g), i = heapq.heappop(heap)
        if best is not None and key >= best[0]:
            break
        v = labels.node[i]
        if v in done:
            continue
        done.add(v)
        for end in ends.get(v, ()):
            vec = (c + end.cost, t + end.hours, g + end.co2)
            if best is None or _key(vec, order) < best[0]:
                best = (_key(vec, order), vec, i, end.anchor)
        for ei in out[v]:
            if allowed is not None and not allowed[ei]:
                continue
            e = edges[ei]
            if e.head in done:
                continue
            w = _wait(e, start_week_hour, t)
            vec = (c + e.cost, t + w + e.hours, g + e.co2)
            heapq.heappush(heap, (_key(vec, order), vec, labels.add(e.head, i, ei, w, -1)))
    if best is None:
        return None
    return _found(labels, best[1], best[2], best[3])


def _key(vec: Vector, order: tuple[int, int, int]) -> tuple[float, float, float]:
    return (vec[order[0]], vec[order[1]], vec[order[2]])
