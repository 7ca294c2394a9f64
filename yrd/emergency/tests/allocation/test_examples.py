"""Small allocations a coordinator can check by hand, one behaviour each."""

import math

import numpy as np
import pytest

from yrd.emergency.allocation import Lot, Problem, ProblemError, Request, ShortCause, Warehouse, allocate

from . import invariants

INF = math.inf


def stock(key, item="tent", *quantities, expires=None):
    return Warehouse(key, {item: [Lot(f"{key}-{n}", q, expires) for n, q in enumerate(quantities)]})


def need(key, quantity, *, item="tent", priority=1, within=24.0):
    return Request(key, {item: quantity}, priority, within)


def solve(warehouses, requests, travel):
    problem = Problem(warehouses, requests, np.array(travel, dtype=float).reshape(len(warehouses), len(requests)))
    answer = allocate(problem)
    assert invariants.all_violations(problem, answer) == []
    return answer


def served(answer):
    result = {}
    for line in answer.lines:
        result[line.request] = result.get(line.request, 0) + line.quantity
    return result


def test_a_shortage_is_shared_in_proportion_to_need_with_the_odd_unit_to_the_largest_remainder():
    answer = solve([stock("W", "tent", 10)], [need("A", 10), need("B", 20), need("C", 30)], [[1, 1, 1]])
    assert served(answer) == {"A": 2, "B": 3, "C": 5}  # exact shares 1.67, 3.33, 5
    assert {s.request: s.short for s in answer.shortfalls} == {"A": 8, "B": 17, "C": 25}
    assert all(s.cause == ShortCause.SHARED and s.fair_share == pytest.approx(1 / 6) for s in answer.shortfalls)


def test_a_request_that_cannot_reach_its_proportional_share_keeps_what_it_can_and_the_rest_goes_on():
    # A is reachable only from W1 (4 units); B from both. Proportional would give both 70 %.
    answer = solve(
        [stock("W1", "tent", 4), stock("W2", "tent", 10)], [need("A", 10), need("B", 10)], [[1, 1], [INF, 1]]
    )
    assert served(answer) == {"A": 4, "B": 10}


def test_shares_are_whole_units_even_when_the_largest_remainders_compete_for_one_warehouse():
    # Four requests of one unit, two warehouses of one unit each serving two requests apiece: every
    # exact share is 1/2; the two odd units must come from different warehouses.
    answer = solve(
        [stock("W1", "tent", 1), stock("W2", "tent", 1)],
        [need("A", 1), need("B", 1), need("C", 1), need("D", 1)],
        [[1, 1, INF, INF], [INF, INF, 1, 1]],
    )
    assert sorted(line.warehouse for line in answer.lines) == ["W1", "W2"]
    assert sum(served(answer).values()) == 2


def test_a_life_saving_request_is_served_before_a_nearer_routine_one():
    answer = solve([stock("W", "tent", 5)], [need("routine", 5, priority=3), need("life", 5, priority=1)], [[1, 6]])
    assert served(answer) == {"life": 5}
    assert answer.shortfalls[0].request == "routine"


def test_the_more_urgent_class_gets_the_nearer_warehouse_when_both_can_be_served():
    answer = solve(
        [stock("near", "tent", 5), stock("far", "tent", 5)],
        [need("life", 5, priority=1), need("routine", 5, priority=3)],
        [[1, 1], [3, 3]],
    )
    assert {(line.request, line.warehouse) for line in answer.lines} == {("life", "near"), ("routine", "far")}
    assert answer.objective == 9 * 1 * 5 + 1 * 3 * 5


def test_a_warehouse_that_arrives_after_the_needed_by_time_is_not_used():
    answer = solve([stock("far", "tent", 50)], [need("A", 5, within=4)], [[6]])
    assert answer.lines == ()
    assert answer.shortfalls[0].cause == ShortCause.NOT_IN_TIME


def test_an_item_nobody_holds_is_reported_as_no_stock():
    answer = solve([stock("W", "water", 50)], [need("A", 5)], [[1]])
    assert answer.shortfalls[0].cause == ShortCause.NO_STOCK


def test_an_unreachable_warehouse_is_never_used():
    answer = solve([stock("cut-off", "tent", 50), stock("open", "tent", 2)], [need("A", 5)], [[INF], [3]])
    assert served(answer) == {"A": 2}


def test_zero_stock_and_zero_needs_give_no_lines_and_no_shortfalls_for_the_zero_needs():
    answer = solve([stock("W", "tent", 0)], [need("A", 0), need("B", 3)], [[1, 1]])
    assert answer.lines == ()
    assert [(s.request, s.short) for s in answer.shortfalls] == [("B", 3)]


def test_no_warehouses_or_no_requests_is_an_empty_answer():
    assert solve([], [need("A", 3)], []).shortfalls[0].cause == ShortCause.NO_STOCK
    assert solve([stock("W", "tent", 3)], [], []).lines == ()


def test_equally_near_warehouses_share_the_first_rank_and_the_answer_does_not_change_between_runs():
    warehouses = [stock("W1", "tent", 3), stock("W2", "tent", 3), stock("W3", "tent", 9)]
    answers = [solve(warehouses, [need("A", 5)], [[2], [2], [5]]) for _ in range(3)]
    assert answers[0].lines == answers[1].lines == answers[2].lines
    assert {line.warehouse: line.reason.rank for line in answers[0].lines} == {"W1": 1, "W2": 1}
    assert all(line.reason.alternatives == 3 for line in answers[0].lines)


def test_a_line_explains_its_travel_time_rank_stock_left_and_deadline():
    answer = solve([stock("near", "tent", 2), stock("far", "tent", 10)], [need("A", 5, within=8)], [[1], [3]])
    far = next(line for line in answer.lines if line.warehouse == "far")
    assert (far.quantity, far.reason.travel_hours, far.reason.rank, far.reason.alternatives) == (3, 3.0, 2, 2)
    assert (far.reason.stock_left, far.reason.needed_within_hours, far.reason.slack_hours) == (7, 8.0, 5.0)


def test_lots_are_picked_first_expiry_first_out():
    warehouse = Warehouse("W", {"water": [Lot("late", 10, 900.0), Lot("soon", 4, 100.0), Lot("never", 10, None)]})
    answer = solve([warehouse], [need("A", 6, item="water")], [[2]])
    assert [(p.lot, p.quantity) for p in answer.lines[0].picks] == [("soon", 4), ("late", 2)]


def test_a_lot_that_expires_before_it_arrives_is_not_sent_but_can_serve_a_nearer_request():
    warehouse = Warehouse("W", {"water": [Lot("short", 5, 3.0), Lot("long", 2, 500.0)]})
    answer = solve([warehouse], [need("far", 5, item="water"), need("near", 5, item="water")], [[3, 1]])
    picks = {line.request: [(p.lot, p.quantity) for p in line.picks] for line in answer.lines}
    assert picks == {"far": [("long", 2)], "near": [("short", 5)]}


def test_an_expired_lot_is_held_back_and_listed():
    warehouse = Warehouse("W", {"water": [Lot("old", 5, -2.0), Lot("good", 1, 50.0)]})
    answer = solve([warehouse], [need("A", 5, item="water")], [[1]])
    assert [(h.lot, h.quantity) for h in answer.held_back] == [("old", 5)]
    assert served(answer) == {"A": 1}


def test_solver_time_is_measured_apart_from_the_whole_run():
    answer = solve([stock("W", "tent", 10)], [need("A", 10), need("B", 20)], [[1, 2]])
    assert 0 < answer.solver_seconds <= answer.total_seconds
    assert answer.max_flow_solves >= 1 and answer.min_cost_flow_solves == 1


def test_bad_input_is_refused_with_every_fault_named():
    problem = Problem(
        [Warehouse("W", {"tent": [Lot("x", -3), Lot("y", 2.5)]}), Warehouse("W", {})],
        [Request("A", {"tent": 10**12}, priority=7, needed_within_hours=math.nan)],
        np.array([[1.0], [math.nan]]),
    )
    with pytest.raises(ProblemError) as raised:
        allocate(problem)
    errors = raised.value.errors
    assert "warehouse 'W' appears twice" in errors
    assert any("travel_hours contains NaN" in e for e in errors)
    assert any("lot 'x': quantity -3 is outside" in e for e in errors)
    assert any("lot 'y': quantity must be a whole number" in e for e in errors)
    assert any("priority 7 has no weight" in e for e in errors)
    assert any("needed_within_hours must be a finite number" in e for e in errors)
    assert any("1000000000000 is outside" in e for e in errors)


def test_a_travel_matrix_of_the_wrong_shape_is_refused():
    with pytest.raises(ProblemError, match="expected \\(1, 2\\)"):
        allocate(Problem([stock("W", "tent", 1)], [need("A", 1), need("B", 1)], np.ones((2, 1))))


def test_quantities_too_large_to_share_exactly_are_refused_with_advice():
    with pytest.raises(ProblemError, match="count it in a larger unit"):
        allocate(Problem([stock("W", "tent", 10**9)] * 1, [need(f"R{n}", 10**9) for n in range(3)], np.ones((1, 3))))
