"""A solved plan keeps every constraint hour by hour, and its reported costs add up."""

from dataclasses import replace

import numpy as np
import pytest

from yrd.green.planning.check import violations
from yrd.green.planning.model import solve
from yrd.green.planning.system import Policy

from .systems import two_provinces


@pytest.fixture(scope="module")
def plan():
    system = two_provinces()
    return system, solve(system)


def test_every_constraint_holds_hour_by_hour(plan):
    system, result = plan
    assert violations(system, result, tolerance=1e-5) == []


def test_the_costs_add_up_to_the_objective(plan):
    _, result = plan
    assert sum(result.costs.values()) == pytest.approx(result.objective, rel=1e-7)


def test_curtailment_is_never_negative(plan):
    system, result = plan
    for name, output in result.renewable_output.items():
        assert np.all(result.renewable_available[name] - output >= -1e-6)


def test_the_renewable_floor_is_met(plan):
    _, result = plan
    assert result.renewable_share >= 0.5 - 1e-6


def test_a_tighter_carbon_cap_lowers_emissions_and_raises_cost():
    def cheap_coal(cap):
        system = two_provinces(policy=Policy(carbon_cap_t=cap))
        return replace(system, plants=(replace(system.plants[0], marginal_cost=20.0), system.plants[1]))

    loose = solve(cheap_coal(None))
    assert loose.emissions_t > 0
    tight = solve(cheap_coal(loose.emissions_t * 0.5))
    assert tight.emissions_t <= loose.emissions_t * 0.5 * (1 + 1e-6)
    assert tight.objective > loose.objective


def test_storage_energy_and_power_are_chosen_separately():
    _, result = solve_both_ways()
    ratios = {round(result.storage_new_mwh[k] / result.storage_new_mw[k], 3) for k in result.storage_new_mw}
    assert ratios  # a ratio exists, and it is the optimiser's, not a fixed duration
    assert all(ratio > 0 for ratio in ratios)


def solve_both_ways():
    system = two_provinces(policy=Policy(renewable_share=0.8))
    return system, solve(system)
