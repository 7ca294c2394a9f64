"""Compute placement: its constraints hold, and its optimum equals an independent solve — the same
problem as a min-cost flow (networkx's network simplex, integer data), which has an integral optimum."""

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.industry.analysis.placement import (
    LATENCY_KM,
    Centre,
    Demand,
    PlacementError,
    distance_km,
    place,
    reachable,
    unit_costs,
)

SITES = [(31.23, 121.47), (31.30, 120.58), (31.33, 118.38), (30.27, 120.16), (31.82, 117.23), (32.06, 118.80)]


@st.composite
def problems(draw):
    centres = [
        Centre(i, *SITES[draw(st.integers(0, len(SITES) - 1))], spare_mw=float(draw(st.integers(0, 60))),
               pue=draw(st.sampled_from([1.2, 1.25, 1.3, 1.5])),
               price_cny_kwh=draw(st.sampled_from([0.45, 0.55, 0.65])),
               green_share=draw(st.sampled_from([0.0, 0.3, 0.6])),
               grid_t_per_mwh=draw(st.sampled_from([0.5153, 0.6782])))
        for i in range(draw(st.integers(1, 4)))
    ]  # fmt: skip
    demands = [
        Demand(f"city{i}", *SITES[draw(st.integers(0, len(SITES) - 1))], mw=float(draw(st.integers(1, 40))),
               latency=draw(st.sampled_from(list(LATENCY_KM))))
        for i in range(draw(st.integers(1, 4)))
    ]  # fmt: skip
    return demands, centres, float(draw(st.sampled_from([0, 50, 200])))


def min_cost_flow(demands, centres, carbon_price):
    graph = nx.DiGraph()
    total = sum(int(d.mw) for d in demands)
    graph.add_node("sink", demand=total)
    for d, demand in enumerate(demands):
        graph.add_node(("d", d), demand=-int(demand.mw))
        for c, centre in enumerate(centres):
            if reachable(demand, centre):
                graph.add_edge(("d", d), ("c", c), weight=round(unit_costs(centre, carbon_price)[0]))
    for c, centre in enumerate(centres):
        graph.add_edge(("c", c), "sink", capacity=int(centre.spare_mw), weight=0)
    return nx.network_simplex(graph)[0]


@given(problems())
@settings(max_examples=80, deadline=None)
def test_the_optimum_equals_a_min_cost_flow_and_the_constraints_hold(problem):
    demands, centres, carbon_price = problem
    try:
        answer = place(demands, centres, carbon_price)
    except PlacementError:
        with pytest.raises((nx.NetworkXUnfeasible, nx.NetworkXError)):
            min_cost_flow(demands, centres, carbon_price)
        return
    by_id = {c.id: c for c in centres}
    for demand in demands:
        placed = [(centre, mw) for city, centre, mw in answer.assignments if city == demand.city]
        assert sum(mw for _c, mw in placed) == pytest.approx(demand.mw)
        assert all(reachable(demand, by_id[c]) for c, _mw in placed)
    for centre in centres:
        used = sum(mw for _city, c, mw in answer.assignments if c == centre.id)
        assert used <= centre.spare_mw + 1e-6
    total_mw = sum(d.mw for d in demands)
    assert answer.cost_cny == pytest.approx(min_cost_flow(demands, centres, carbon_price), abs=total_mw)


def test_demand_goes_to_the_cheapest_centre_until_it_is_full_and_that_capacity_binds():
    cheap = Centre(1, 31.33, 118.38, spare_mw=10, pue=1.2, price_cny_kwh=0.45, green_share=0.5, grid_t_per_mwh=0.6782)
    dear = Centre(2, 31.23, 121.47, spare_mw=100, pue=1.5, price_cny_kwh=0.65, green_share=0.0, grid_t_per_mwh=0.5849)
    answer = place([Demand("310000", 31.23, 121.47, 25, "batch")], [cheap, dear], 100)
    assert sorted((c, mw) for _city, c, mw in answer.assignments) == [(1, pytest.approx(10)), (2, pytest.approx(15))]
    assert answer.binding == [1]
    hours = 8760
    carbon = 10 * hours * 1.2 * 0.5 * 0.6782 + 15 * hours * 1.5 * 0.5849
    assert answer.carbon_t == pytest.approx(carbon)


def test_realtime_demand_stays_within_200_km_and_unreachable_demand_is_named():
    shanghai = Centre(1, 31.23, 121.47, spare_mw=100, pue=1.3, price_cny_kwh=0.6, green_share=0, grid_t_per_mwh=0.58)
    assert distance_km(31.82, 117.23, 31.23, 121.47) > 200
    with pytest.raises(PlacementError) as caught:
        place([Demand("340100", 31.82, 117.23, 5, "realtime")], [shanghai], 0)
    assert caught.value.field == "demands[0]"


def test_impossible_inputs_are_refused():
    centre = Centre(1, 31.23, 121.47, spare_mw=100, pue=1.3, price_cny_kwh=0.6, green_share=0, grid_t_per_mwh=0.58)
    for demands, price, field in [
        ([Demand("x", 31.2, 121.4, 0, "batch")], 0, "demands[0].mw"),
        ([Demand("x", 31.2, 121.4, 5, "warp")], 0, "demands[0].latency"),
        ([Demand("x", 31.2, 121.4, 5, "batch")], -1, "carbon_price"),
    ]:
        with pytest.raises(PlacementError) as caught:
            place(demands, [centre], price)
        assert caught.value.field == field
