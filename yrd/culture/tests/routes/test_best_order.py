"""The route order is optimal: equal to a brute force over every order for up to 8 stops, on random
matrices (asymmetric, as travel times are) and on real places by straight-line distance."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.culture.routes import SCALE, RouteRefused, best_order, straight_line_km


def path_cost(cost, order):
    return sum(cost[a][b] for a, b in zip(order, order[1:], strict=False))


def brute_force(cost, start=None):
    scaled = [[round(c * SCALE) for c in row] for row in cost]
    orders = [p for p in itertools.permutations(range(len(cost))) if start is None or p[0] == start]
    return min(path_cost(scaled, p) for p in orders)


@st.composite
def matrices(draw, max_n=8):
    n = draw(st.integers(1, max_n))
    values = st.floats(0, 500, allow_nan=False).map(lambda x: round(x, 2))
    return [[0.0 if i == j else draw(values) for j in range(n)] for i in range(n)]


@settings(max_examples=60, deadline=None)
@given(cost=matrices())
def test_the_order_costs_no_more_than_any_other_order(cost):
    found = best_order(cost)
    assert sorted(found.order) == list(range(len(cost)))
    scaled = [[round(c * SCALE) for c in row] for row in cost]
    assert path_cost(scaled, found.order) == brute_force(cost)
    assert found.total == pytest.approx(path_cost(cost, found.order))


@settings(max_examples=30, deadline=None)
@given(cost=matrices(), data=st.data())
def test_a_fixed_first_stop_is_kept_and_the_rest_ordered_best(cost, data):
    start = data.draw(st.integers(0, len(cost) - 1))
    found = best_order(cost, start=start)
    assert found.order[0] == start
    scaled = [[round(c * SCALE) for c in row] for row in cost]
    assert path_cost(scaled, found.order) == brute_force(cost, start)


def test_the_water_towns_are_visited_along_the_shortest_line():
    towns = {
        "wuzhen": (120.4876, 30.7447),
        "nanxun": (120.4247, 30.8735),
        "xitang": (120.8886, 30.9437),
        "zhouzhuang": (120.8497, 31.1163),
        "tongli": (120.7226, 31.1607),
        "luzhi": (120.8518, 31.2660),
    }
    names = list(towns)
    cost = straight_line_km(list(towns.values()))
    found = best_order(cost)
    visited = [names[i] for i in found.order]
    # north to south through Suzhou, then west through Jiaxing to Huzhou (either direction)
    assert visited in (
        ["nanxun", "wuzhen", "xitang", "zhouzhuang", "tongli", "luzhi"],
        ["luzhi", "tongli", "zhouzhuang", "xitang", "wuzhen", "nanxun"],
    )
    assert found.total == pytest.approx(min(path_cost(cost, p) for p in itertools.permutations(range(6))))


def test_twelve_stops_are_solved_and_thirteen_refused():
    points = [(120.0 + 0.1 * (i % 4), 30.5 + 0.13 * (i // 4)) for i in range(13)]
    assert len(best_order(straight_line_km(points[:12])).order) == 12
    with pytest.raises(RouteRefused, match="at most 12 stops"):
        best_order(straight_line_km(points))


def test_unreachable_pairs_are_refused():
    with pytest.raises(RouteRefused, match="cannot be reached"):
        best_order([[0, math.inf], [1, 0]])
