"""Small systems for the planning tests: a few days, one to three provinces, made-up but plausible
numbers (CNY, MW, MWh). Capital costs are scaled to the modelled hours so that a short horizon
makes the same trade-offs a year would."""

import numpy as np

from yrd.green.planning.system import Carrier, Link, Plant, Policy, Renewable, Storage, System

CARRIERS = (
    Carrier("coal", 0.85),
    Carrier("gas", 0.38),
    Carrier("solar", renewable=True),
    Carrier("wind", renewable=True),
)


def solar_shape(hours: int) -> np.ndarray:
    hour = np.arange(hours) % 24
    return np.clip(np.sin((hour - 6) / 12 * np.pi), 0, None) * 0.8


def wind_shape(hours: int, phase: float = 0.0) -> np.ndarray:
    return 0.35 + 0.25 * np.sin(np.arange(hours) / 9.0 + phase)


def two_provinces(hours: int = 48, policy: Policy | None = None, **changes) -> System:
    policy = policy or Policy(renewable_share=0.5)
    scale = hours / 8760
    h = np.arange(hours)
    system = System(
        nodes=("320000", "340000"),
        demand={"320000": 100 + 30 * np.sin(h / 24 * 2 * np.pi), "340000": 80 + 10 * np.cos(h / 24 * 2 * np.pi)},
        carriers=CARRIERS,
        plants=(Plant("js-coal", "320000", "coal", 80, 300), Plant("ah-gas", "340000", "gas", 60, 600)),
        renewables=(
            Renewable("js-solar", "320000", "solar", solar_shape(hours), 10, capital_cost=3e5 * scale),
            Renewable("ah-wind", "340000", "wind", wind_shape(hours), 0, capital_cost=6e5 * scale),
        ),
        storage=(Storage("js-battery", "320000", 0.95, 0.95, power_cost=6e4 * scale, energy_cost=8e4 * scale),),
        links=(Link("js-ah", "320000", "340000", 30),),
        policy=policy,
        hours=hours,
    )
    return replace_system(system, **changes)


def replace_system(system: System, **changes) -> System:
    from dataclasses import replace

    return replace(system, **changes)
