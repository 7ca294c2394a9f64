"""Bad input is refused before any model is built, with the input named and the reason given."""

from dataclasses import replace

import numpy as np
import pytest

from yrd.green.planning.errors import InfeasiblePlan, PlanningInputError
from yrd.green.planning.model import solve
from yrd.green.planning.system import Policy, Storage, validate

from .systems import two_provinces


def errors_of(system) -> dict[str, list[str]]:
    with pytest.raises(PlanningInputError) as raised:
        validate(system)
    return raised.value.errors


def test_it_refuses_a_demand_profile_of_the_wrong_length():
    system = two_provinces(hours=8760)
    system = replace(system, demand={**system.demand, "320000": np.ones(8759)})
    assert errors_of(system)["demand.320000"] == ["Has 8759 values; it must have 8,760, one per hour."]


def test_it_refuses_a_solar_profile_of_the_wrong_length():
    system = two_provinces()
    short = replace(system.renewables[0], profile=np.ones(24))
    errors = errors_of(replace(system, renewables=(short, system.renewables[1])))
    assert errors["js-solar.profile"] == ["Has 24 values; it must have 48, one per hour."]


def test_it_refuses_negative_demand_and_names_the_hour():
    system = two_provinces()
    demand = np.array(system.demand["340000"])
    demand[7] = -5
    errors = errors_of(replace(system, demand={**system.demand, "340000": demand}))
    assert errors["demand.340000"] == ["Has negative values (lowest -5 at hour 7)."]


def test_it_refuses_availability_above_one():
    system = two_provinces()
    too_sunny = replace(system.renewables[0], profile=system.renewables[0].profile * 2)
    assert (
        "Has values above 1"
        in errors_of(replace(system, renewables=(too_sunny, system.renewables[1])))["js-solar.profile"][0]
    )


def test_it_refuses_absurd_capacities_and_costs():
    system = two_provinces()
    plant = replace(system.plants[0], capacity_mw=5e9, marginal_cost=-1)
    errors = errors_of(replace(system, plants=(plant, system.plants[1])))
    assert errors["js-coal.capacity_mw"] == ["5e+09 is implausibly large (limit 1e+06); check the unit."]
    assert errors["js-coal.marginal_cost"] == ["Cannot be negative (got -1)."]


def test_it_refuses_an_efficiency_above_one():
    system = two_provinces()
    battery = Storage("js-battery", "320000", 1.2, 0.95, power_cost=1, energy_cost=1)
    errors = errors_of(replace(system, storage=(battery,)))
    assert errors["js-battery.efficiency_charge"] == ["An efficiency is above 0 and at most 1 (got 1.2)."]


def test_it_refuses_a_share_above_one_and_unknown_nodes():
    system = two_provinces(policy=Policy(renewable_share=1.5))
    link = replace(system.links[0], node_to="990000")
    errors = errors_of(replace(system, links=(link,)))
    assert "policy.renewable_share" in errors and errors["js-ah.node"] == ["Unknown node '990000'."]


def test_it_says_so_when_no_plan_can_meet_demand():
    system = two_provinces(policy=Policy())
    no_new = tuple(replace(r, max_new_mw=0) for r in system.renewables)
    no_storage = tuple(replace(s, max_new_power_mw=0, max_new_energy_mwh=0) for s in system.storage)
    with pytest.raises(InfeasiblePlan) as raised:
        solve(
            replace(system, renewables=no_new, storage=no_storage, demand={k: v * 3 for k, v in system.demand.items()})
        )
    assert "demand cannot be met" in str(raised.value)


def test_lost_load_makes_a_short_system_solvable_at_a_price():
    system = two_provinces(policy=Policy())
    no_new = tuple(replace(r, max_new_mw=0) for r in system.renewables)
    short = replace(
        system, renewables=no_new, demand={k: v * 3 for k, v in system.demand.items()}, value_of_lost_load=1e5
    )
    result = solve(short)
    assert sum(v.sum() for v in result.unserved.values()) > 0
    assert result.costs["lost_load"] > 0
