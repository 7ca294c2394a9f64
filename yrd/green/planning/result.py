"""What a solved plan reports: capacities built, costs, curtailment, hourly dispatch and state of
charge, flows, emissions and renewable share — as numpy arrays and plain numbers, no solver objects,
so a result can be summarised, charted and checked constraint by constraint (`check.py`)."""

from dataclasses import dataclass, field

import linopy
import numpy as np

from .system import System


@dataclass
class PlanResult:
    objective: float  # CNY per year
    build_seconds: float
    solve_seconds: float
    renewable_new_mw: dict[str, float]
    storage_new_mw: dict[str, float]
    storage_new_mwh: dict[str, float]
    plant_output: dict[str, np.ndarray] = field(repr=False)
    renewable_output: dict[str, np.ndarray] = field(repr=False)
    renewable_available: dict[str, np.ndarray] = field(repr=False)
    storage_charge: dict[str, np.ndarray] = field(repr=False)
    storage_discharge: dict[str, np.ndarray] = field(repr=False)
    storage_soc: dict[str, np.ndarray] = field(repr=False)
    link_flow: dict[str, np.ndarray] = field(repr=False)
    unserved: dict[str, np.ndarray] = field(repr=False)
    costs: dict[str, float] = field(default_factory=dict)
    emissions_t: float = 0.0
    renewable_share: float = 0.0
    method: str = ""

    def curtailment_mwh(self, weight: float = 1.0) -> dict[str, float]:
        return {
            name: float(weight * np.sum(self.renewable_available[name] - output))
            for name, output in self.renewable_output.items()
        }

    def summary(self, system: System) -> dict:
        return {
            "objective_cny": self.objective,
            "costs_cny": self.costs,
            "renewable_new_mw": self.renewable_new_mw,
            "storage_new_mw": self.storage_new_mw,
            "storage_new_mwh": self.storage_new_mwh,
            "curtailment_mwh": self.curtailment_mwh(system.weight),
            "emissions_t": self.emissions_t,
            "renewable_share": self.renewable_share,
            "unserved_mwh": {n: float(system.weight * v.sum()) for n, v in self.unserved.items()},
            "method": self.method,
            "build_seconds": self.build_seconds,
            "solve_seconds": self.solve_seconds,
        }


def values(model: linopy.Model, name: str, dimension: str) -> dict:
    if name not in model.variables:
        return {}
    solution = model.variables[name].solution
    return {str(key): solution.sel({dimension: key}).values for key in solution.coords[dimension].values}


def scalars(model: linopy.Model, name: str, dimension: str) -> dict[str, float]:
    return {key: float(value) for key, value in values(model, name, dimension).items()}


def extract(model: linopy.Model, system: System, *, build_seconds: float, solve_seconds: float) -> PlanResult:
    renewable_new = scalars(model, "renewable_new_mw", "renewable")
    result = PlanResult(
        objective=float(model.objective.value),
        build_seconds=build_seconds,
        solve_seconds=solve_seconds,
        renewable_new_mw=renewable_new,
        storage_new_mw=scalars(model, "storage_new_mw", "storage"),
        storage_new_mwh=scalars(model, "storage_new_mwh", "storage"),
        plant_output=values(model, "plant_output", "plant"),
        renewable_output=values(model, "renewable_output", "renewable"),
        renewable_available={
            r.name: np.asarray(r.profile, dtype=float) * (r.existing_mw + renewable_new[r.name])
            for r in system.renewables
        },
        storage_charge=values(model, "storage_charge", "storage"),
        storage_discharge=values(model, "storage_discharge", "storage"),
        storage_soc=values(model, "storage_soc", "storage"),
        link_flow=values(model, "link_flow", "link"),
        unserved=values(model, "unserved", "node"),
    )
    result.costs = cost_breakdown(system, result)
    result.emissions_t = system.weight * sum(
        system.carrier(p.carrier).co2_t_per_mwh * float(result.plant_output[p.name].sum()) for p in system.plants
    )
    result.renewable_share = renewable_share(system, result)
    return result


def cost_breakdown(system: System, result: PlanResult) -> dict[str, float]:
    w = system.weight
    return {
        "renewable_capital": sum(r.capital_cost * result.renewable_new_mw[r.name] for r in system.renewables),
        "storage_power_capital": sum(s.power_cost * result.storage_new_mw[s.name] for s in system.storage),
        "storage_energy_capital": sum(s.energy_cost * result.storage_new_mwh[s.name] for s in system.storage),
        "plant_operation": w * sum(p.marginal_cost * float(result.plant_output[p.name].sum()) for p in system.plants),
        "renewable_operation": w
        * sum(r.marginal_cost * float(result.renewable_output[r.name].sum()) for r in system.renewables),
        "lost_load": w * (system.value_of_lost_load or 0.0) * sum(float(v.sum()) for v in result.unserved.values()),
    }


def renewable_share(system: System, result: PlanResult) -> float:
    demand = sum(float(np.sum(system.demand[n])) for n in system.nodes)
    green = sum(float(v.sum()) for v in result.renewable_output.values())
    green += sum(float(result.plant_output[p.name].sum()) for p in system.plants if system.carrier(p.carrier).renewable)
    return green / demand if demand else 0.0
