"""The big-graph engine and the benchmark graph generator."""

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components, dijkstra

from yrd.transport.routing.engine import RoadEngine
from yrd.transport.routing.generator import HIGHWAY_EXIT_SPACING, road_like_graph


@pytest.fixture(scope="module")
def graph():
    return road_like_graph(40_000, seed=3)


def csr(graph):
    return sp.csr_matrix((graph.seconds, graph.heads, graph.indptr), shape=(graph.n_nodes,) * 2)


def test_the_generator_is_deterministic_by_seed():
    a, b, c = road_like_graph(2_500, seed=1), road_like_graph(2_500, seed=1), road_like_graph(2_500, seed=2)
    assert np.array_equal(a.heads, b.heads) and np.array_equal(a.seconds, b.seconds)
    assert not np.array_equal(a.seconds, c.seconds)


def test_the_generated_road_network_is_connected_two_way_and_about_four_edges_per_node(graph):
    assert connected_components(csr(graph), directed=True, connection="strong")[0] == 1
    assert 3.6 <= graph.n_edges / graph.n_nodes <= 4.2
    matrix = csr(graph)
    assert (matrix != matrix.T).nnz == 0


def test_generated_edges_join_grid_neighbours_or_highway_exits(graph):
    side = int(round(graph.n_nodes**0.5))
    tails = graph.tails()
    rows_a, cols_a = np.divmod(tails, side)
    rows_b, cols_b = np.divmod(graph.heads, side)
    steps = np.abs(rows_a - rows_b) + np.abs(cols_a - cols_b)
    assert set(np.unique(steps)) <= {1, HIGHWAY_EXIT_SPACING}
    highway = steps == HIGHWAY_EXIT_SPACING
    local = steps == 1
    assert graph.seconds[highway].mean() / HIGHWAY_EXIT_SPACING < graph.seconds[local].mean() / 2


def test_the_engine_answers_what_dijkstra_answers(graph):
    engine = RoadEngine.from_road_graph(graph)
    rng = np.random.default_rng(0)
    origins, destinations = rng.integers(0, graph.n_nodes, 5), rng.integers(0, graph.n_nodes, 30)
    exact = dijkstra(csr(graph), indices=origins)[:, destinations]
    tolerance = 0.0005 * 2 * graph.n_nodes**0.5 * 2  # ≤ 0.5 ms rounding per edge on paths of ≲ 4√n edges
    for i, o in enumerate(origins):
        for j, d in enumerate(destinations[:5]):
            assert engine.seconds(o, d) == pytest.approx(exact[i, j], abs=tolerance)
    assert np.allclose(engine.matrix(origins, destinations), exact, atol=tolerance)
    assert np.allclose(engine.matrix(destinations, origins), exact.T, atol=tolerance)


def test_the_engine_says_none_and_inf_when_unreachable():
    tails, heads = np.array([0, 1]), np.array([1, 0])
    engine = RoadEngine(tails, heads, np.array([2.0, 2.0]), np.array([0.0, 1.0, 5.0]), np.array([0.0, 0.0, 5.0]))
    assert engine.seconds(0, 1) == 2.0
    assert engine.seconds(0, 2) is None
    assert engine.matrix([0, 2], [1])[1, 0] == np.inf


def test_the_engine_refuses_negative_or_missing_travel_times():
    with pytest.raises(ValueError, match="non-negative"):
        RoadEngine(np.array([0]), np.array([1]), np.array([-1.0]), np.zeros(2), np.zeros(2))
