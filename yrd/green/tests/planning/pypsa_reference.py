"""The same system as a PyPSA network: the field's reference model, used only by the tests and the
benchmark (PyPSA is the optional `yrd[pypsa]` extra; import this module only where pypsa exists).

Mapping: a plant or the existing part of a solar/wind resource is a fixed Generator; the new part is
an extendable Generator with the same profile; storage is a Store (energy, cyclic) on its own bus
with a charger Link (grid → store, η_c) and a discharger Link (store → grid, η_d), the charger
carrying the power cost and tied to the discharger by p_nom(charger) = η_d · p_nom(discharger), so
the grid-side power rating is one number as in the platform's model; interprovincial corridors are
lossless Links usable both ways; the carbon cap is a GlobalConstraint on carrier emissions; the
renewable share and the power tie are extra constraints."""

import numpy as np
import pandas as pd
import pypsa

from yrd.green.planning.system import System


def network(system: System) -> pypsa.Network:
    n = pypsa.Network()
    n.set_snapshots(pd.RangeIndex(system.hours))
    n.snapshot_weightings = n.snapshot_weightings.astype(float) * 0 + system.weight
    for carrier in system.carriers:
        n.add("Carrier", carrier.name, co2_emissions=carrier.co2_t_per_mwh)
    n.add("Carrier", ["storage", "AC", "DC"])
    n.add("Bus", list(system.nodes), carrier="AC")
    n.add(
        "Load",
        [f"{node} load" for node in system.nodes],
        bus=list(system.nodes),
        p_set=pd.DataFrame({f"{node} load": np.asarray(system.demand[node], dtype=float) for node in system.nodes}),
    )
    for plant in system.plants:
        n.add(
            "Generator",
            plant.name,
            bus=plant.node,
            carrier=plant.carrier,
            p_nom=plant.capacity_mw,
            p_max_pu=availability(plant.availability, system.hours),
            marginal_cost=plant.marginal_cost,
        )
    for item in system.renewables:
        add_renewable(n, item)
    for item in system.storage:
        add_storage(n, item)
    for link in system.links:
        n.add(
            "Link",
            link.name,
            bus0=link.node_from,
            bus1=link.node_to,
            p_nom=link.capacity_mw,
            p_min_pu=-1.0,
            carrier="DC",
        )
    if system.value_of_lost_load is not None:
        for node in system.nodes:
            n.add("Generator", f"{node} lost load", bus=node, p_nom=1e7, marginal_cost=system.value_of_lost_load)
    if system.policy.carbon_cap_t is not None:
        n.add(
            "GlobalConstraint",
            "carbon_cap",
            type="primary_energy",
            carrier_attribute="co2_emissions",
            sense="<=",
            constant=system.policy.carbon_cap_t,
        )
    return n


def availability(value, hours: int):
    return float(value) if np.ndim(value) == 0 else pd.Series(np.asarray(value, dtype=float), index=range(hours))


def add_renewable(n: pypsa.Network, item) -> None:
    profile = pd.Series(np.asarray(item.profile, dtype=float), index=n.snapshots)
    if item.existing_mw:
        n.add(
            "Generator",
            f"{item.name} existing",
            bus=item.node,
            carrier=item.carrier,
            p_nom=item.existing_mw,
            p_max_pu=profile,
            marginal_cost=item.marginal_cost,
        )
    n.add(
        "Generator",
        f"{item.name} new",
        bus=item.node,
        carrier=item.carrier,
        p_nom_extendable=True,
        p_nom_max=item.max_new_mw,
        p_max_pu=profile,
        capital_cost=item.capital_cost,
        marginal_cost=item.marginal_cost,
    )


def add_storage(n: pypsa.Network, item) -> None:
    bus = f"{item.name} store"
    n.add("Bus", bus, carrier="storage")
    n.add(
        "Store",
        item.name,
        bus=bus,
        e_nom_extendable=True,
        e_nom_min=item.existing_energy_mwh,
        e_nom_max=item.existing_energy_mwh + item.max_new_energy_mwh,
        e_cyclic=True,
        capital_cost=item.energy_cost,
        standing_loss=item.standing_loss,
    )
    n.add(
        "Link",
        f"{item.name} charger",
        bus0=item.node,
        bus1=bus,
        carrier="storage",
        efficiency=item.efficiency_charge,
        p_nom_extendable=True,
        p_nom_min=item.existing_power_mw,
        p_nom_max=item.existing_power_mw + item.max_new_power_mw,
        capital_cost=item.power_cost,
    )
    n.add(
        "Link",
        f"{item.name} discharger",
        bus0=bus,
        bus1=item.node,
        carrier="storage",
        efficiency=item.efficiency_discharge,
        p_nom_extendable=True,
    )


def extra_constraints(system: System):
    def add(n: pypsa.Network, snapshots) -> None:
        m = n.model
        link_p_nom = m.variables["Link-p_nom"]
        for item in system.storage:
            m.add_constraints(
                link_p_nom.sel(name=f"{item.name} charger", drop=True)
                - item.efficiency_discharge * link_p_nom.sel(name=f"{item.name} discharger", drop=True)
                == 0,
                name=f"{item.name} power tie",
            )
        share = system.policy.renewable_share
        if share is not None:
            green = [g for g in n.generators.index if system_carrier_renewable(system, n.generators.carrier[g])]
            output = m.variables["Generator-p"].sel(name=green).sum() if green else None
            total = system.weight * float(sum(np.sum(system.demand[node]) for node in system.nodes))
            if output is not None:
                m.add_constraints(system.weight * output >= share * total, name="renewable_share")

    return add


def system_carrier_renewable(system: System, carrier: str) -> bool:
    return any(c.name == carrier and c.renewable for c in system.carriers)


def existing_capital_constant(system: System) -> float:
    """What PyPSA's objective counts on top of the platform's: capital cost of the existing energy
    and power of storage (the platform counts only what is new; existing capacity is sunk)."""
    return sum(s.energy_cost * s.existing_energy_mwh + s.power_cost * s.existing_power_mw for s in system.storage)


def solve(system: System, **solver_options) -> tuple[pypsa.Network, float]:
    """Optimise with PyPSA; returns the network and its objective on the platform's basis."""
    n = network(system)
    status, condition = n.optimize(
        solver_name="highs",
        extra_functionality=extra_constraints(system),
        include_objective_constant=False,
        **solver_options,
    )
    if status != "ok":
        raise RuntimeError(f"PyPSA found no optimum: {condition}")
    return n, float(n.objective) - existing_capital_constant(system)
