"""On random problems, the engine's answer meets every constraint, shares shortfalls as an independent
LP says it should, and its objective equals the independent LP optimum for what it delivers."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.emergency.allocation import Lot, Problem, Request, Warehouse, allocate

from . import invariants, reference
from .strategies import problems

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(problems())
def test_every_constraint_holds(problem):
    answer = allocate(problem)
    assert invariants.all_violations(problem, answer) == []


@SETTINGS
@given(problems())
def test_each_request_gets_its_exact_fair_share_to_within_one_unit(problem):
    answer = allocate(problem)
    got = invariants.served(problem, answer)
    fair = reference.fair_served(problem)
    off = {key: (got.get(key, 0), share) for key, share in fair.items() if abs(got.get(key, 0) - share) >= 1 - 1e-6}
    assert off == {}


@SETTINGS
@given(problems())
def test_each_class_receives_the_most_it_can_after_the_classes_above_it(problem):
    answer = allocate(problem)
    got = invariants.served(problem, answer)
    fair = reference.fair_served(problem)
    totals, best = {}, {}
    for (r, item), share in fair.items():
        key = (problem.requests[r].priority, item)
        totals[key] = totals.get(key, 0) + got.get((r, item), 0)
        best[key] = best.get(key, 0.0) + share
    assert all(math.isclose(totals[k], best[k], abs_tol=1e-6) for k in best), (totals, best)


@SETTINGS
@given(problems())
def test_objective_equals_the_independent_lp_optimum(problem):
    answer = allocate(problem)
    optimum = reference.least_travel(problem, invariants.served(problem, answer))
    recomputed = sum(
        problem.priority_weights[problem.requests[[r.key for r in problem.requests].index(line.request)].priority]
        * line.reason.travel_hours
        * line.quantity
        for line in answer.lines
    )
    assert math.isclose(answer.objective, recomputed, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(answer.objective, optimum, rel_tol=1e-7, abs_tol=1e-6)


@settings(max_examples=60, deadline=None)
@given(problems(max_warehouses=3, max_requests=4), st.sampled_from([1, 1000, 10**6]), st.sampled_from([1.0, 97.3]))
def test_large_quantities_and_long_journeys_keep_every_constraint_and_the_optimum(problem, times, hours):
    big = Problem(
        [
            Warehouse(
                w.key,
                {
                    item: [Lot(lot.key, lot.quantity * times, lot.expires_in_hours) for lot in lots]
                    for item, lots in w.lots.items()
                },
            )
            for w in problem.warehouses
        ],
        [
            Request(r.key, {i: q * times for i, q in r.needs.items()}, r.priority, r.needed_within_hours * hours)
            for r in problem.requests
        ],
        problem.travel_hours * hours,
        {1: 1000.0, 2: 30.0, 3: 1.0},
    )
    answer = allocate(big)
    assert invariants.all_violations(big, answer) == []
    optimum = reference.least_travel(big, invariants.served(big, answer))
    assert math.isclose(answer.objective, optimum, rel_tol=1e-7, abs_tol=1e-6)
