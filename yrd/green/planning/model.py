"""The least-cost build-out as a linear program (linopy), solved with HiGHS.

Decision variables, all continuous and non-negative unless said:
  new MW of each solar/wind resource; new MW and new MWh of each storage (independent);
  hourly output of plants and renewables; hourly charge, discharge and state of charge of storage;
  hourly flow on each link (free sign, within ± its limit); hourly unserved energy if a value of
  lost load is set.
Constraints, for every node and hour unless said:
  balance: plants + renewables + discharge − charge + flows in − flows out + unserved = demand;
  renewables: output ≤ availability × (existing + new) — the rest is curtailment;
  storage: charge ≤ power, discharge ≤ power, state of charge ≤ energy;
  state of charge: soc[t] = (1 − loss)^w soc[t−1] + w (η_c charge[t] − discharge[t] / η_d), cyclic
  over the year (hour 0 follows hour 8,759);
  policy: total emissions ≤ cap; renewable output ≥ share × demand (over the year).
Objective: annualised capital cost of what is built + w × Σ hourly operating cost (+ lost load).

The renewable-share row is written in average MW (Σ output / hours ≥ share × mean demand), so its
numbers are of the size of the balance rows' rather than 10^8 MWh.

Why it is lean: existing capacities are variable bounds, not constraints; solar/wind existing and
new share one output variable; storage is three hourly variables with one continuity row (a
store + charger + discharger network has four and an extra bus balance). Solved by HiGHS with
the method measured fastest for the system's shape (`method_for`): interior point without crossover
for separate nodes (the optimum is the same to ~1e-8; a vertex is not needed for a planning
answer), dual simplex once corridors couple the nodes; the model goes to HiGHS directly, not through
an LP file."""

import time
from dataclasses import dataclass

import linopy
import numpy as np
import pandas as pd
import xarray as xr

from yrd.green.accounting.i18n import _

from .errors import InfeasiblePlan
from .result import PlanResult, extract
from .system import System, validate

SOLVER_OPTIONS = {
    "primal_feasibility_tolerance": 1e-8,
    "dual_feasibility_tolerance": 1e-8,
    "threads": 1,
    "output_flag": False,  # solve(system, output_flag=True, log_to_console=True) shows HiGHS's log
    "log_to_console": False,
}


# Measured on these machines (HiGHS 1.16, CPU seconds of the solve alone; the cores are shared, so
# take them to ±30 %): 1 node × 8,760 h, IPX without crossover 6.7-14.4 s, dual simplex 15.7-18.5 s;
# 1 node × 4,380 h, simplex 1.9 s, IPX 6.6 s; 4 meshed nodes × 720 / 1,460 / 2,190 h, dual simplex
# 0.5 / 2.5 / 8.9 s, IPX 2.0 / 10.1 / 22.6 s. Simplex grows much faster with the length of one node's
# chain of hours; IPX's conjugate-gradient iterations suffer more from the coupling of nodes.
INTERIOR_POINT = {"solver": "ipm", "run_crossover": "off"}
DUAL_SIMPLEX = {"solver": "simplex", "simplex_strategy": 1}


def method_for(system: System) -> dict:
    """The HiGHS method that is fastest for this shape of system: interior point for independent
    nodes (a long chain of hours), dual simplex once transfer corridors couple the nodes."""
    return DUAL_SIMPLEX if system.links else INTERIOR_POINT


@dataclass
class Built:
    model: linopy.Model
    system: System
    seconds: float


def hourly(values: np.ndarray, index: pd.Index, name: str) -> xr.DataArray:
    return xr.DataArray(np.asarray(values, dtype=float), coords={name: index}, dims=[name])


def build(system: System) -> Built:
    validate(system)
    started = time.perf_counter()
    m = linopy.Model(force_dim_names=True)
    hours = pd.RangeIndex(system.hours, name="snapshot")
    supply = {node: [] for node in system.nodes}
    add_plants(m, system, hours, supply)
    add_renewables(m, system, hours, supply)
    add_storage(m, system, hours, supply)
    add_links(m, system, hours, supply)
    add_lost_load(m, system, hours, supply)
    add_balance(m, system, hours, supply)
    add_policy(m, system)
    m.add_objective(objective(m, system))
    return Built(m, system, time.perf_counter() - started)


def names(items, attribute: str = "name") -> pd.Index:
    return pd.Index([getattr(item, attribute) for item in items])


def add_plants(m, system: System, hours, supply) -> None:
    if not system.plants:
        return
    index = names(system.plants).rename("plant")
    upper = np.array([p.capacity_mw * np.broadcast_to(p.availability, system.hours) for p in system.plants])
    bounds = xr.DataArray(upper, coords={"plant": index, "snapshot": hours})
    output = m.add_variables(lower=0, upper=bounds, name="plant_output")
    for plant in system.plants:
        supply[plant.node].append(output.sel(plant=plant.name))


def add_renewables(m, system: System, hours, supply) -> None:
    if not system.renewables:
        return
    index = names(system.renewables).rename("renewable")
    max_new = xr.DataArray([r.max_new_mw for r in system.renewables], coords={"renewable": index})
    new = m.add_variables(lower=0, upper=max_new, name="renewable_new_mw")
    profile = xr.DataArray(
        np.array([r.profile for r in system.renewables], dtype=float), coords={"renewable": index, "snapshot": hours}
    )
    existing = xr.DataArray([r.existing_mw for r in system.renewables], coords={"renewable": index})
    output = m.add_variables(lower=0, coords=[index, hours], name="renewable_output")
    m.add_constraints(output - profile * new <= profile * existing, name="renewable_available")
    for item in system.renewables:
        supply[item.node].append(output.sel(renewable=item.name))


def add_storage(m, system: System, hours, supply) -> None:
    if not system.storage:
        return
    index = names(system.storage).rename("storage")

    def per_storage(attribute: str) -> xr.DataArray:
        return xr.DataArray([getattr(s, attribute) for s in system.storage], coords={"storage": index})

    power = m.add_variables(lower=0, upper=per_storage("max_new_power_mw"), name="storage_new_mw")
    energy = m.add_variables(lower=0, upper=per_storage("max_new_energy_mwh"), name="storage_new_mwh")
    charge = m.add_variables(lower=0, coords=[index, hours], name="storage_charge")
    discharge = m.add_variables(lower=0, coords=[index, hours], name="storage_discharge")
    soc = m.add_variables(lower=0, coords=[index, hours], name="storage_soc")
    m.add_constraints(charge - power <= per_storage("existing_power_mw"), name="storage_charge_limit")
    m.add_constraints(discharge - power <= per_storage("existing_power_mw"), name="storage_discharge_limit")
    m.add_constraints(soc - energy <= per_storage("existing_energy_mwh"), name="storage_energy_limit")
    w = system.weight
    kept = (1 - per_storage("standing_loss")) ** w
    m.add_constraints(
        soc
        - kept * soc.roll(snapshot=1)
        - w * per_storage("efficiency_charge") * charge
        + (w / per_storage("efficiency_discharge")) * discharge
        == 0,
        name="storage_continuity",
    )
    for item in system.storage:
        supply[item.node].append(discharge.sel(storage=item.name) - charge.sel(storage=item.name))


def add_links(m, system: System, hours, supply) -> None:
    if not system.links:
        return
    index = names(system.links).rename("link")
    limit = xr.DataArray([link.capacity_mw for link in system.links], coords={"link": index})
    limit = limit.broadcast_like(xr.DataArray(np.zeros(system.hours), coords={"snapshot": hours}))
    flow = m.add_variables(lower=-limit, upper=limit, name="link_flow")
    for link in system.links:
        supply[link.node_to].append(flow.sel(link=link.name))
        supply[link.node_from].append(-1 * flow.sel(link=link.name))


def add_lost_load(m, system: System, hours, supply) -> None:
    if system.value_of_lost_load is None:
        return
    index = pd.Index(system.nodes, name="node")
    unserved = m.add_variables(lower=0, coords=[index, hours], name="unserved")
    for node in system.nodes:
        supply[node].append(unserved.sel(node=node))


def add_balance(m, system: System, hours, supply) -> None:
    rows = []
    for node in system.nodes:
        terms = [as_expression(term) for term in supply[node]]
        if not terms:
            raise InfeasiblePlan(f"Node {node} has no supply at all: nothing can meet its demand.")
        rows.append(linopy.merge(terms, cls=linopy.LinearExpression) if len(terms) > 1 else terms[0])
    expression = linopy.merge(rows, dim="node", cls=linopy.LinearExpression).assign_coords(node=list(system.nodes))
    demand = xr.DataArray(
        np.array([system.demand[node] for node in system.nodes], dtype=float),
        coords={"node": list(system.nodes), "snapshot": hours},
    )
    m.add_constraints(expression == demand, name="balance")


def as_expression(term) -> linopy.LinearExpression:
    """A per-hour term of one component, without the component's scalar coordinate (so terms of
    different components can be stacked into one node's balance)."""
    expression = term.to_linexpr() if isinstance(term, linopy.Variable) else term
    scalar = [name for name in expression.coords if name not in expression.dims and name != "snapshot"]
    return expression.drop_vars(scalar) if scalar else expression


def emissions(m, system: System):
    if not system.plants:
        return None
    rate = xr.DataArray(
        [system.carrier(p.carrier).co2_t_per_mwh for p in system.plants],
        coords={"plant": names(system.plants).rename("plant")},
    )
    if not np.any(rate.values):
        return None
    return (system.weight * rate * m.variables["plant_output"]).sum()


def add_policy(m, system: System) -> None:
    policy = system.policy
    if policy.carbon_cap_t is not None:
        emitted = emissions(m, system)
        if emitted is not None:
            scale = max(policy.carbon_cap_t, 1.0)
            m.add_constraints(emitted / scale <= policy.carbon_cap_t / scale, name="carbon_cap")
    if policy.renewable_share is not None:
        renewable = renewable_output(m, system)
        total = system.weight * float(sum(np.sum(system.demand[n]) for n in system.nodes))
        if renewable is None:
            if policy.renewable_share * total > 0:
                raise InfeasiblePlan("A renewable share is required but the system has no renewable source.")
            return
        # written in average MW over the period, so the row's numbers are of the size of the balance rows' numbers
        average = total / (system.weight * system.hours)
        m.add_constraints(renewable / system.hours >= policy.renewable_share * average, name="renewable_share")


def renewable_output(m, system: System):
    parts = []
    if system.renewables:
        parts.append(m.variables["renewable_output"].sum())
    green = [p.name for p in system.plants if system.carrier(p.carrier).renewable]
    if green:
        parts.append(m.variables["plant_output"].sel(plant=green).sum())
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts[0] + parts[1]


def objective(m, system: System):
    w = system.weight
    terms = []
    if system.renewables:
        index = {"renewable": names(system.renewables).rename("renewable")}
        capital = xr.DataArray([r.capital_cost for r in system.renewables], coords=index)
        running = xr.DataArray([r.marginal_cost for r in system.renewables], coords=index)
        terms += [
            (capital * m.variables["renewable_new_mw"]).sum(),
            (w * running * m.variables["renewable_output"]).sum(),
        ]
    if system.storage:
        index = {"storage": names(system.storage).rename("storage")}
        power_cost = xr.DataArray([s.power_cost for s in system.storage], coords=index)
        energy_cost = xr.DataArray([s.energy_cost for s in system.storage], coords=index)
        terms += [
            (power_cost * m.variables["storage_new_mw"]).sum(),
            (energy_cost * m.variables["storage_new_mwh"]).sum(),
        ]
    if system.plants:
        running = xr.DataArray(
            [p.marginal_cost for p in system.plants], coords={"plant": names(system.plants).rename("plant")}
        )
        terms.append((w * running * m.variables["plant_output"]).sum())
    if system.value_of_lost_load is not None:
        terms.append((w * system.value_of_lost_load * m.variables["unserved"]).sum())
    return linopy.merge(terms, cls=linopy.LinearExpression)


def solve(system: System, **options) -> PlanResult:
    """Build and solve; raises PlanningInputError for bad input and InfeasiblePlan when no plan exists.
    `options` are HiGHS options on top of SOLVER_OPTIONS."""
    return solve_built(build(system), **options)


def solve_built(built: Built, **options) -> PlanResult:
    """Interior point first; if HiGHS does not certify that point optimal (IPX can stall on badly
    scaled systems, e.g. a huge value of lost load), the same model is solved again by dual simplex."""
    started = time.perf_counter()
    chosen = {**SOLVER_OPTIONS, **method_for(built.system), **options}
    method = "interior point" if chosen["solver"] == "ipm" else "dual simplex"
    status, condition = run_highs(built.model, chosen)
    if condition not in ("optimal", "infeasible") and chosen["solver"] == "ipm" and "solver" not in options:
        method = "dual simplex (interior point did not certify optimality)"
        status, condition = run_highs(built.model, {**SOLVER_OPTIONS, **DUAL_SIMPLEX})
    solve_seconds = time.perf_counter() - started
    if status != "ok" or condition != "optimal":
        raise InfeasiblePlan(
            _(
                "The solver found no plan (%(condition)s): demand cannot be met within the capacities, transfer "
                "limits and policy given. Allow more new capacity, relax the cap or share, or set a value of lost load."
            )
            % {"condition": condition}
        )
    result = extract(built.model, built.system, build_seconds=built.seconds, solve_seconds=solve_seconds)
    result.method = method
    return result


def run_highs(model: linopy.Model, options: dict) -> tuple[str, str]:
    status, condition = model.solve(solver_name="highs", io_api="direct", **options)
    return status, str(condition)
