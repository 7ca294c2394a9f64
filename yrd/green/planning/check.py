"""Hour-by-hour audit of a solved plan against its system: every constraint the model states,
recomputed from the reported numbers. Used by the tests (and usable after any solve) so that a
plan is trusted because it was checked, not because the solver said so."""

import numpy as np

from .result import PlanResult
from .system import System


def violations(system: System, result: PlanResult, tolerance: float = 1e-4) -> list[str]:
    """Human-readable list of every constraint broken by more than `tolerance` (MW, MWh or relative)."""
    found: list[str] = []
    found += balance_violations(system, result, tolerance)
    found += capacity_violations(system, result, tolerance)
    found += storage_violations(system, result, tolerance)
    found += policy_violations(system, result, tolerance)
    return found


def worst(name: str, excess: np.ndarray, tolerance: float) -> list[str]:
    if excess.size and excess.max() > tolerance:
        return [f"{name}: exceeded by {excess.max():.6g} at hour {int(excess.argmax())}"]
    return []


def balance_violations(system: System, result: PlanResult, tolerance: float) -> list[str]:
    found = []
    for node in system.nodes:
        net = np.zeros(system.hours)
        for plant in system.plants:
            net += result.plant_output[plant.name] if plant.node == node else 0
        for item in system.renewables:
            net += result.renewable_output[item.name] if item.node == node else 0
        for item in system.storage:
            if item.node == node:
                net += result.storage_discharge[item.name] - result.storage_charge[item.name]
        for link in system.links:
            net += result.link_flow[link.name] * ((link.node_to == node) - (link.node_from == node))
        if node in result.unserved:
            net += result.unserved[node]
        found += worst(f"energy balance at {node}", np.abs(net - np.asarray(system.demand[node])), tolerance)
    return found


def capacity_violations(system: System, result: PlanResult, tolerance: float) -> list[str]:
    found = []
    for plant in system.plants:
        limit = plant.capacity_mw * np.broadcast_to(plant.availability, system.hours)
        found += worst(f"{plant.name} output above capacity", result.plant_output[plant.name] - limit, tolerance)
        found += worst(f"{plant.name} output negative", -result.plant_output[plant.name], tolerance)
    for item in system.renewables:
        new = result.renewable_new_mw[item.name]
        available = np.asarray(item.profile) * (item.existing_mw + new)
        found += worst(
            f"{item.name} output above availability", result.renewable_output[item.name] - available, tolerance
        )
        found += worst(f"{item.name} new capacity above its limit", np.array([new - item.max_new_mw]), tolerance)
    for link in system.links:
        found += worst(
            f"{link.name} flow above its limit", np.abs(result.link_flow[link.name]) - link.capacity_mw, tolerance
        )
    return found


def storage_violations(system: System, result: PlanResult, tolerance: float) -> list[str]:
    found = []
    w = system.weight
    for item in system.storage:
        power = item.existing_power_mw + result.storage_new_mw[item.name]
        energy = item.existing_energy_mwh + result.storage_new_mwh[item.name]
        charge, discharge, soc = (
            result.storage_charge[item.name],
            result.storage_discharge[item.name],
            result.storage_soc[item.name],
        )
        found += worst(f"{item.name} charge above power", charge - power, tolerance)
        found += worst(f"{item.name} discharge above power", discharge - power, tolerance)
        found += worst(f"{item.name} state of charge above energy", soc - energy, tolerance)
        found += worst(f"{item.name} negative quantity", -np.minimum.reduce([charge, discharge, soc]), tolerance)
        before = np.roll(soc, 1)  # hour 0 follows the last hour: the year is cyclic
        expected = (1 - item.standing_loss) ** w * before + w * (
            item.efficiency_charge * charge - discharge / item.efficiency_discharge
        )
        found += worst(f"{item.name} state-of-charge continuity", np.abs(soc - expected), tolerance)
    return found


def policy_violations(system: System, result: PlanResult, tolerance: float) -> list[str]:
    found = []
    cap = system.policy.carbon_cap_t
    if cap is not None and result.emissions_t > cap * (1 + tolerance) + tolerance:
        found.append(f"emissions {result.emissions_t:.6g} t above the cap {cap:.6g} t")
    share = system.policy.renewable_share
    if share is not None and result.renewable_share < share - tolerance:
        found.append(f"renewable share {result.renewable_share:.6g} below the floor {share:.6g}")
    return found
