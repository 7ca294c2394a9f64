"""Small random graphs for the property tests, and the brute-force and networkx references."""

from dataclasses import dataclass
from functools import cached_property

import networkx as nx
from hypothesis import strategies as st

from yrd.transport.routing.data import Timetable
from yrd.transport.routing.network import LINK, Edge
from yrd.transport.routing.parameters import Mode
from yrd.transport.routing.search import EPS, Seed


@dataclass
class SmallGraph:
    n: int
    edges: list[Edge]

    @cached_property
    def out_edges(self) -> list[list[int]]:
        out = [[] for _ in range(self.n)]
        for i, e in enumerate(self.edges):
            out[e.tail].append(i)
        return out


weights = st.floats(min_value=0.0, max_value=100.0, allow_nan=False).map(lambda v: round(v, 3))
timetables = st.none() | st.lists(st.floats(0, 167.9).map(lambda v: round(v, 2)), min_size=1, max_size=3).map(
    lambda hs: Timetable(tuple(sorted(set(hs))))
)


@st.composite
def small_graphs(draw, max_nodes=7, max_edges=16, with_timetables=False):
    n = draw(st.integers(2, max_nodes))
    count = draw(st.integers(0, max_edges))
    edges = []
    for _ in range(count):
        tail, head = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        if tail == head:
            continue
        timetable = draw(timetables) if with_timetables else None
        cost, hours, co2 = draw(weights), draw(weights), draw(weights)
        edges.append(Edge(tail, head, LINK, Mode.RAIL, hours, hours, cost, co2, f"e{len(edges)}", timetable))
    return SmallGraph(n, edges)


def simulate(graph: SmallGraph, path: list[int], start_week_hour: float | None) -> tuple[float, float, float]:
    cost = hours = co2 = 0.0
    for i in path:
        e = graph.edges[i]
        wait = e.timetable.wait(start_week_hour + hours) if e.timetable and start_week_hour is not None else 0.0
        cost, hours, co2 = cost + e.cost, hours + wait + e.hours, co2 + e.co2
    return cost, hours, co2


def brute_force_front(graph, source, target, start_week_hour=None, deadline=None) -> set[tuple[float, ...]]:
    """The non-dominated (cost, hours, CO2) vectors over every simple path, by enumeration."""
    multi = nx.MultiDiGraph()
    multi.add_nodes_from(range(graph.n))
    for i, e in enumerate(graph.edges):
        multi.add_edge(e.tail, e.head, key=i)
    vectors = [(0.0, 0.0, 0.0)] if source == target else []
    if source != target:
        for path in nx.all_simple_edge_paths(multi, source, target):
            vectors.append(simulate(graph, [key for _, _, key in path], start_week_hour))
    if deadline is not None:
        vectors = [v for v in vectors if v[1] <= deadline + EPS]
    return {rounded(v) for v in vectors if not any(dominates(w, v) and rounded(w) != rounded(v) for w in vectors)}


def dominates(a, b) -> bool:
    return all(x <= y + EPS for x, y in zip(a, b, strict=True))


def rounded(v) -> tuple[float, ...]:
    return tuple(round(x, 6) for x in v)


def networkx_distance(graph: SmallGraph, source: int, target: int, criterion_index: int) -> float | None:
    simple = nx.DiGraph()
    simple.add_nodes_from(range(graph.n))
    for e in graph.edges:
        w = (e.cost, e.hours, e.co2)[criterion_index]
        if not simple.has_edge(e.tail, e.head) or simple[e.tail][e.head]["w"] > w:
            simple.add_edge(e.tail, e.head, w=w)
    try:
        return nx.dijkstra_path_length(simple, source, target, weight="w")
    except nx.NetworkXNoPath:
        return None


def seeds(node: int) -> list[Seed]:
    return [Seed(node)]
