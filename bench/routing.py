"""Routing speed and memory, each figure against a reference measured in the same run (issue 9,
"Correctness and scale").

    .venv/bin/python bench/routing.py [--nodes 1000000] [--pairs 100] [--reference-pairs 8] [--seed 1]

Regional network (41 cities, 24 hubs, the planner other modules call):
- single-criterion query p50 (target ≤ 1 ms) against networkx Dijkstra on the same graph;
- Pareto query p50 / p95 (target p50 ≤ 20 ms) against the same networkx Dijkstra;
- a 200 × 2,000 travel-time matrix of random points against networkx single-source Dijkstra per origin.

Road-like graph (`routing.generator`, default 1 M nodes, ~3.9 M directed edges), each engine in its own
process so that its peak memory is its own:
- the chosen engine (RoutingKit CCH): precomputation time, peak RSS (target ≤ 2 GiB), point-to-point p50
  against networkx's bidirectional Dijkstra (target ≥ 20× faster), the 200 × 2,000 matrix against
  scipy's Dijkstra from each origin (sampled origins, scaled to 200);
- answers checked against networkx's on every reference pair.

Exits 1 when a target is missed.
"""

import argparse
import multiprocessing
import resource
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MATRIX_ORIGINS, MATRIX_DESTINATIONS = 200, 2000


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values, q) -> float:
    return float(np.percentile(np.asarray(values) * 1000, q))


def timed(fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - started


# -- regional network -------------------------------------------------------------------------------


def regional(pairs: int, seed: int) -> dict:
    import networkx as nx

    from yrd.transport.routing import Cargo, Planner, RouteRequest
    from yrd.transport.routing.data import read_reference
    from yrd.transport.routing.network import Network

    network, build = timed(lambda: Network(read_reference()))
    planner = Planner(network)
    rng = np.random.default_rng(seed)
    cities = list(network.cities)
    od = [tuple(rng.choice(cities, 2, replace=False)) for _ in range(pairs)]
    departure = datetime(2026, 3, 2, 8, tzinfo=UTC)

    def plan(o, d, objective):
        return planner.plan(RouteRequest(o, d, Cargo(tonnes=100), departure, objective=objective))

    for o, d in od[:5]:
        plan(o, d, "pareto")  # warm caches (edge masks)
    single = [timed(plan, o, d, "cheapest")[1] for o, d in od]
    pareto_runs = [timed(plan, o, d, "pareto") for o, d in od]
    front_sizes = [len(p.routes) for p, _ in pareto_runs]

    reference = nx.DiGraph()
    for e in network.edges:
        if not reference.has_edge(e.tail, e.head) or reference[e.tail][e.head]["w"] > e.cost:
            reference.add_edge(e.tail, e.head, w=e.cost)
    city_node = {c: network.resolve(c, "x")[1][0].node for c in cities}
    nx_single = [timed(nx.dijkstra_path_length, reference, city_node[o], city_node[d], "w")[1] for o, d in od]

    origins, destinations = _points(network, rng, MATRIX_ORIGINS), _points(network, rng, MATRIX_DESTINATIONS)
    planner.travel_time_matrix(origins[:2], destinations[:2])  # builds the all-pairs table once
    matrix, matrix_s = timed(planner.travel_time_matrix, origins, destinations)
    sample = 10
    _, nx_matrix_s = timed(_networkx_matrix, network, origins[:sample], destinations)
    return {
        "build_s": build,
        "nodes": len(network.nodes),
        "edges": len(network.edges),
        "single_p50": percentile(single, 50),
        "pareto_p50": percentile([s for _, s in pareto_runs], 50),
        "pareto_p95": percentile([s for _, s in pareto_runs], 95),
        "front_median": statistics.median(front_sizes),
        "front_max": max(front_sizes),
        "nx_single_p50": percentile(nx_single, 50),
        "matrix_s": matrix_s,
        "matrix_reachable": float(np.isfinite(matrix).mean()),
        "nx_matrix_s": nx_matrix_s * MATRIX_ORIGINS / sample,
    }


def _points(network, rng, n) -> list[tuple[float, float]]:
    """Random places within half a degree of a random city: warehouses and demand points of the region."""
    cities = list(network.cities.values())
    chosen = rng.integers(0, len(cities), n)
    jitter = rng.uniform(-0.5, 0.5, size=(n, 2))
    return [(cities[c].lat + dy, cities[c].lon + dx) for c, (dy, dx) in zip(chosen, jitter, strict=True)]


def _networkx_matrix(network, origins, destinations):
    """The reference: anchors of each place, then networkx single-source Dijkstra per origin anchor."""
    import networkx as nx

    graph = nx.DiGraph()
    for e in network.edges:
        if not graph.has_edge(e.tail, e.head) or graph[e.tail][e.head]["w"] > e.hours:
            graph.add_edge(e.tail, e.head, w=e.hours)
    ends = [network.resolve(p, "d")[1] for p in destinations]
    table = np.full((len(origins), len(destinations)), np.inf)
    for i, origin in enumerate(origins):
        for a in network.resolve(origin, "o")[1]:
            reach = nx.single_source_dijkstra_path_length(graph, a.node, weight="w")
            for j, anchors in enumerate(ends):
                for b in anchors:
                    if b.node in reach:
                        table[i, j] = min(table[i, j], a.hours + reach[b.node] + b.hours)
    return table


# -- the big road-like graph, one engine per process -------------------------------------------------


def _graph_and_pairs(nodes, seed, count):
    from yrd.transport.routing.generator import road_like_graph

    graph = road_like_graph(nodes, seed)
    rng = np.random.default_rng(seed + 100)
    return graph, rng.integers(0, graph.n_nodes, size=(count, 2))


def child_cch(nodes, seed, pairs, reference_pairs) -> dict:
    from yrd.transport.routing.engine import RoadEngine

    (graph, od), generate_s = timed(_graph_and_pairs, nodes, seed, pairs)
    graph_mib = peak_mib()
    engine, precompute_s = timed(RoadEngine.from_road_graph, graph)
    answers, times = [], []
    for a, b in od:
        value, seconds = timed(engine.seconds, a, b)
        answers.append(value)
        times.append(seconds)
    rng = np.random.default_rng(seed + 200)
    origins = rng.integers(0, graph.n_nodes, MATRIX_ORIGINS)
    destinations = rng.integers(0, graph.n_nodes, MATRIX_DESTINATIONS)
    matrix, matrix_s = timed(engine.matrix, origins, destinations)
    return {
        "nodes": graph.n_nodes,
        "edges": graph.n_edges,
        "generate_s": generate_s,
        "graph_mib": graph_mib,
        "precompute_s": precompute_s,
        "p2p_p50": percentile(times, 50),
        "p2p_p95": percentile(times, 95),
        "answers": answers[:reference_pairs],
        "matrix_s": matrix_s,
        "matrix_row0": matrix[0, :50].tolist(),
        "peak_mib": peak_mib(),
    }


def child_networkx(nodes, seed, pairs, reference_pairs) -> dict:
    import networkx as nx

    (graph, od), _ = timed(_graph_and_pairs, nodes, seed, pairs)
    tails = graph.tails()

    def build():
        g = nx.DiGraph()
        g.add_weighted_edges_from(zip(tails.tolist(), graph.heads.tolist(), graph.seconds.tolist(), strict=True))
        return g

    g, build_s = timed(build)
    answers, times = [], []
    for a, b in od[:reference_pairs]:
        value, seconds = timed(lambda s, t: nx.bidirectional_dijkstra(g, int(s), int(t))[0], a, b)
        answers.append(value)
        times.append(seconds)
    return {"build_s": build_s, "p2p_p50": percentile(times, 50), "answers": answers, "peak_mib": peak_mib()}


def child_scipy(nodes, seed, pairs, reference_pairs) -> dict:
    import scipy.sparse as sp
    from scipy.sparse.csgraph import dijkstra

    (graph, _), _ = timed(_graph_and_pairs, nodes, seed, pairs)
    matrix = sp.csr_matrix((graph.seconds, graph.heads, graph.indptr), shape=(graph.n_nodes,) * 2)
    rng = np.random.default_rng(seed + 200)
    origins = rng.integers(0, graph.n_nodes, MATRIX_ORIGINS)
    destinations = rng.integers(0, graph.n_nodes, MATRIX_DESTINATIONS)
    sample = 4
    rows, seconds = timed(lambda: dijkstra(matrix, indices=origins[:sample])[:, destinations])
    return {"matrix_s": seconds * MATRIX_ORIGINS / sample, "row0": rows[0, :50].tolist(), "peak_mib": peak_mib()}


def in_child(fn, *args) -> dict:
    with multiprocessing.get_context("spawn").Pool(1, maxtasksperchild=1) as pool:
        return pool.apply(fn, args)


# -- report -------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--reference-pairs", type=int, default=8)
    parser.add_argument("--regional-pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    misses = []

    r = regional(args.regional_pairs, args.seed)
    print(f"Regional network: {r['nodes']} nodes, {r['edges']} edges, built in {r['build_s'] * 1000:.0f} ms")
    ratio = r["single_p50"] / r["nx_single_p50"]
    print(
        f"  single-criterion p50  {r['single_p50']:8.3f} ms   networkx Dijkstra p50 {r['nx_single_p50']:.3f} ms"
        f"   ratio {ratio:.2f}x   (target p50 <= 1 ms)"
    )
    print(
        f"  Pareto p50 / p95      {r['pareto_p50']:8.3f} / {r['pareto_p95']:.3f} ms   "
        f"{r['pareto_p50'] / r['nx_single_p50']:.1f}x a networkx Dijkstra   "
        f"front size median {r['front_median']:.0f}, max {r['front_max']}   (target p50 <= 20 ms)"
    )
    print(
        f"  matrix {MATRIX_ORIGINS} x {MATRIX_DESTINATIONS} points  {r['matrix_s'] * 1000:8.1f} ms   "
        f"networkx per origin {r['nx_matrix_s']:.1f} s   {r['nx_matrix_s'] / r['matrix_s']:.0f}x faster   "
        f"({r['matrix_reachable']:.0%} of pairs reachable)"
    )
    if r["single_p50"] > 1.0:
        misses.append("regional single-criterion p50 > 1 ms")
    if r["pareto_p50"] > 20.0:
        misses.append("regional Pareto p50 > 20 ms")

    job = (args.nodes, args.seed, args.pairs, args.reference_pairs)
    cch = in_child(child_cch, *job)
    ref = in_child(child_networkx, *job)
    sci = in_child(child_scipy, *job)
    print(
        f"Road-like graph: {cch['nodes']:,} nodes, {cch['edges']:,} directed edges, "
        f"generated in {cch['generate_s']:.1f} s"
    )
    speedup = ref["p2p_p50"] / cch["p2p_p50"]
    print(
        f"  CCH (routingkit-cch)  precompute {cch['precompute_s']:.1f} s   peak RSS {cch['peak_mib']:.0f} MiB"
        f" (graph alone {cch['graph_mib']:.0f} MiB)   (target <= 2048 MiB)"
    )
    print(
        f"  point-to-point p50    {cch['p2p_p50']:8.3f} ms (p95 {cch['p2p_p95']:.3f})   networkx bidirectional "
        f"Dijkstra p50 {ref['p2p_p50']:.1f} ms (graph build {ref['build_s']:.1f} s, peak RSS {ref['peak_mib']:.0f} "
        f"MiB)   {speedup:.0f}x faster   (target >= 20x)"
    )
    print(
        f"  matrix {MATRIX_ORIGINS} x {MATRIX_DESTINATIONS}      {cch['matrix_s']:8.2f} s   scipy Dijkstra per origin "
        f"{sci['matrix_s']:.1f} s (scaled from 4 origins, peak RSS {sci['peak_mib']:.0f} MiB)   "
        f"{sci['matrix_s'] / cch['matrix_s']:.1f}x faster"
    )
    worst = max(abs(a - b) for a, b in zip(cch["answers"], ref["answers"], strict=False))
    worst_row = float(np.nanmax(np.abs(np.array(cch["matrix_row0"]) - np.array(sci["row0"]))))
    print(f"  answers agree with networkx within {worst:.3f} s and with scipy within {worst_row:.3f} s (ms rounding)")
    if speedup < 20:
        misses.append("point-to-point < 20x networkx")
    if cch["peak_mib"] > 2048:
        misses.append("peak memory > 2 GiB")
    if worst > 1.0 or worst_row > 1.0:
        misses.append("answers disagree with the references")
    print("targets: " + ("all met" if not misses else "MISSED: " + "; ".join(misses)))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
