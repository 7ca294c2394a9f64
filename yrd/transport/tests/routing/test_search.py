"""The searches against references: networkx's Dijkstra for one criterion, brute-force enumeration of
every simple path for the Pareto front (with timetable waits and deadlines too)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.transport.routing.search import CRITERIA, best_path, pareto_front

from .graphs import brute_force_front, networkx_distance, rounded, seeds, simulate, small_graphs


@settings(max_examples=300, deadline=None)
@given(graph=small_graphs(max_nodes=25, max_edges=80), data=st.data(), criterion=st.sampled_from(sorted(CRITERIA)))
def test_single_criterion_answer_equals_networkx_dijkstra(graph, data, criterion):
    source = data.draw(st.integers(0, graph.n - 1))
    target = data.draw(st.integers(0, graph.n - 1))
    index = CRITERIA[criterion][0]
    found = best_path(graph, seeds(source), seeds(target), criterion)
    expected = networkx_distance(graph, source, target, index)
    if expected is None:
        assert found is None
    else:
        assert found.vector[index] == pytest.approx(expected, abs=1e-6)
        assert found.vector == pytest.approx(simulate(graph, list(found.edges), None), abs=1e-6)


@settings(max_examples=300, deadline=None)
@given(graph=small_graphs(), data=st.data())
def test_pareto_front_equals_brute_force_over_all_simple_paths(graph, data):
    source = data.draw(st.integers(0, graph.n - 1))
    target = data.draw(st.integers(0, graph.n - 1))
    found = pareto_front(graph, seeds(source), seeds(target))
    assert {rounded(f.vector) for f in found} == brute_force_front(graph, source, target)
    assert len(found) == len({rounded(f.vector) for f in found}), "one route per point of the front"


@settings(max_examples=200, deadline=None)
@given(
    graph=small_graphs(max_nodes=6, max_edges=12, with_timetables=True),
    data=st.data(),
    start=st.floats(0, 167.9),
)
def test_pareto_front_with_timetable_waits_equals_brute_force(graph, data, start):
    source = data.draw(st.integers(0, graph.n - 1))
    target = data.draw(st.integers(0, graph.n - 1))
    found = pareto_front(graph, seeds(source), seeds(target), start_week_hour=start)
    assert {rounded(f.vector) for f in found} == brute_force_front(graph, source, target, start)
    for f in found:
        assert rounded(simulate(graph, list(f.edges), start)) == rounded(f.vector)


@settings(max_examples=200, deadline=None)
@given(graph=small_graphs(), data=st.data(), deadline=st.floats(0, 300))
def test_a_deadline_keeps_exactly_the_front_of_the_routes_that_meet_it(graph, data, deadline):
    source = data.draw(st.integers(0, graph.n - 1))
    target = data.draw(st.integers(0, graph.n - 1))
    found = pareto_front(graph, seeds(source), seeds(target), deadline_hours=deadline)
    assert {rounded(f.vector) for f in found} == brute_force_front(graph, source, target, deadline=deadline)


@settings(max_examples=200, deadline=None)
@given(graph=small_graphs(max_nodes=6, max_edges=12, with_timetables=True), data=st.data(), start=st.floats(0, 167.9))
def test_fastest_with_timetables_is_the_earliest_arrival_of_the_front(graph, data, start):
    source = data.draw(st.integers(0, graph.n - 1))
    target = data.draw(st.integers(0, graph.n - 1))
    front = pareto_front(graph, seeds(source), seeds(target), start_week_hour=start)
    fastest = best_path(graph, seeds(source), seeds(target), "fastest", start_week_hour=start)
    if not front:
        assert fastest is None
    else:
        assert fastest.vector[1] == pytest.approx(min(f.vector[1] for f in front), abs=1e-6)
