"""Property: on random small systems the platform's optimum equals PyPSA's (the field's reference
model, optional extra) within 1e-6 relative, and the platform's plan keeps every constraint."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pypsa")

from yrd.green.planning.check import violations  # noqa: E402
from yrd.green.planning.model import solve  # noqa: E402
from yrd.green.planning.system import Link, Plant, Policy, Renewable, Storage, System  # noqa: E402

from . import pypsa_reference  # noqa: E402
from .systems import CARRIERS, solar_shape, two_provinces, wind_shape  # noqa: E402

NODES = ("310000", "320000", "330000", "340000")


@st.composite
def systems(draw) -> System:
    hours = draw(st.sampled_from([24, 48, 72]))
    count = draw(st.integers(1, 3))
    nodes = NODES[:count]
    scale = hours / 8760
    money = st.floats(1e4, 1e6)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    demand = {n: draw(st.floats(50, 200)) * (1 + 0.3 * rng.random(hours)) for n in nodes}
    plants, renewables, storage = [], [], []
    for i, node in enumerate(nodes):
        plants.append(Plant(f"{node}-coal", node, "coal", draw(st.floats(0, 150)), draw(st.floats(100, 500))))
        plants.append(Plant(f"{node}-gas", node, "gas", draw(st.floats(0, 80)), draw(st.floats(400, 900))))
        renewables.append(
            Renewable(
                f"{node}-solar",
                node,
                "solar",
                solar_shape(hours),
                draw(st.floats(0, 50)),
                capital_cost=draw(money) * scale,
            )
        )
        wind = wind_shape(hours, phase=i)
        renewables.append(
            Renewable(
                f"{node}-wind",
                node,
                "wind",
                wind,
                0.0,
                max_new_mw=draw(st.floats(100, 1e4)),
                capital_cost=draw(money) * scale,
            )
        )
        storage.append(
            Storage(
                f"{node}-battery",
                node,
                draw(st.floats(0.8, 1.0)),
                draw(st.floats(0.8, 1.0)),
                power_cost=draw(money) * scale,
                energy_cost=draw(money) * scale / 4,
                existing_power_mw=draw(st.sampled_from([0.0, 10.0])),
                existing_energy_mwh=draw(st.sampled_from([0.0, 40.0])),
                standing_loss=draw(st.sampled_from([0.0, 0.001])),
            )
        )
    links = tuple(Link(f"{a}-{b}", a, b, draw(st.floats(0, 60))) for a, b in zip(nodes, nodes[1:], strict=False))
    policy = draw(
        st.sampled_from([Policy(), Policy(renewable_share=0.3), Policy(renewable_share=0.6), Policy(carbon_cap_t=1e3)])
    )
    return System(
        nodes,
        demand,
        CARRIERS,
        tuple(plants),
        tuple(renewables),
        tuple(storage),
        links,
        policy,
        hours=hours,
        value_of_lost_load=2e4,
    )


def assert_same_optimum(system: System) -> None:
    ours = solve(system)
    _, theirs = pypsa_reference.solve(system)
    assert ours.objective == pytest.approx(theirs, rel=1e-6)
    assert violations(system, ours, tolerance=1e-4) == []


def test_it_matches_pypsa_on_two_provinces_with_a_renewable_floor():
    assert_same_optimum(two_provinces())


def test_it_matches_pypsa_under_a_carbon_cap():
    assert_same_optimum(two_provinces(policy=Policy(carbon_cap_t=2000.0)))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(systems())
def test_it_matches_pypsa_on_random_systems(system):
    assert_same_optimum(system)
