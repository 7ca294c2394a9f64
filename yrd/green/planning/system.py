"""What a planning study is about: nodes (provinces), hourly demand, existing plants, solar and wind
that may be built on top of what exists, storage whose power (MW) and energy (MWh) are chosen
independently, interprovincial transfer limits, and a carbon cap or a renewable-share floor.

All money is CNY; capital costs are already annualised (`annualised_cost` turns an overnight cost,
a lifetime and a discount rate into one); operating costs are per MWh. Every hourly series has
exactly `hours` values (8,760 for a year study). `validate()` reports every problem at once, each
keyed by the input it concerns; the model is never built from bad input."""

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from yrd.green.accounting.i18n import _

from .errors import PlanningInputError

HOURS_PER_YEAR = 8760

# Beyond these a figure is a typing error, not a study: the region's peak load is ~400 GW, so
# 10^6 MW is far past anything one node can need; costs above 10^9 CNY per MW-year or per MWh have
# no technology behind them.
ABSURD_MW = 1e6
ABSURD_MWH = 1e8
ABSURD_COST = 1e9
ABSURD_CO2_T_PER_MWH = 2.0  # the worst lignite units emit about 1.2 t/MWh


@dataclass(frozen=True)
class Carrier:
    name: str
    co2_t_per_mwh: float = 0.0
    renewable: bool = False


@dataclass(frozen=True)
class Plant:
    """An existing plant: fixed capacity, dispatchable between 0 and capacity × availability."""

    name: str
    node: str
    carrier: str
    capacity_mw: float
    marginal_cost: float  # CNY/MWh
    availability: float | np.ndarray = 1.0  # per unit, scalar or hourly


@dataclass(frozen=True)
class Renewable:
    """Solar or wind at a node: what exists plus what the plan may add, with one availability profile."""

    name: str
    node: str
    carrier: str
    profile: np.ndarray  # per-unit availability, hourly
    existing_mw: float = 0.0
    max_new_mw: float = float("inf")
    capital_cost: float = 0.0  # CNY per new MW per year
    marginal_cost: float = 0.0  # CNY/MWh


@dataclass(frozen=True)
class Storage:
    """A storage technology at a node; new power and new energy capacity are separate choices."""

    name: str
    node: str
    efficiency_charge: float
    efficiency_discharge: float
    power_cost: float  # CNY per new MW per year
    energy_cost: float  # CNY per new MWh per year
    existing_power_mw: float = 0.0
    existing_energy_mwh: float = 0.0
    max_new_power_mw: float = float("inf")
    max_new_energy_mwh: float = float("inf")
    standing_loss: float = 0.0  # fraction of the stored energy lost per hour


@dataclass(frozen=True)
class Link:
    """An interprovincial transfer corridor, usable both ways up to its limit, without losses."""

    name: str
    node_from: str
    node_to: str
    capacity_mw: float


@dataclass(frozen=True)
class Policy:
    carbon_cap_t: float | None = None  # tCO2 over the modelled period (a year)
    renewable_share: float | None = None  # minimum share of demand served by renewable output


@dataclass(frozen=True)
class System:
    nodes: tuple[str, ...]
    demand: Mapping[str, np.ndarray]  # MW, hourly, per node
    carriers: tuple[Carrier, ...]
    plants: tuple[Plant, ...] = ()
    renewables: tuple[Renewable, ...] = ()
    storage: tuple[Storage, ...] = ()
    links: tuple[Link, ...] = ()
    policy: Policy = field(default_factory=Policy)
    hours: int = HOURS_PER_YEAR
    value_of_lost_load: float | None = None  # CNY/MWh; None: demand must be met in full

    @property
    def weight(self) -> float:
        """Hours of the year each modelled hour stands for (1 for a full year)."""
        return HOURS_PER_YEAR / self.hours

    def carrier(self, name: str) -> Carrier:
        return next(c for c in self.carriers if c.name == name)


def annuity_factor(rate: float, years: float) -> float:
    return 1 / years if rate == 0 else rate / (1 - (1 + rate) ** -years)


def annualised_cost(overnight: float, *, lifetime_years: float, discount_rate: float, fixed_om: float = 0.0) -> float:
    """CNY per unit per year: the overnight cost spread over the lifetime at the discount rate, plus fixed O&M."""
    return overnight * annuity_factor(discount_rate, lifetime_years) + fixed_om


class Checks:
    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def number(self, name: str, value: float, *, upper: float, allow_inf: bool = False) -> None:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            self.add(name, _("Enter a number."))
        elif value < 0:
            self.add(name, _("Cannot be negative (got %(value)s).") % {"value": f"{value:g}"})
        elif np.isinf(value):
            if not allow_inf:
                self.add(name, _("Must be finite."))
        elif value > upper:
            self.add(
                name,
                _("%(value)s is implausibly large (limit %(limit)s); check the unit.")
                % {"value": f"{value:g}", "limit": f"{upper:g}"},
            )

    def series(self, name: str, values, hours: int, *, upper: float) -> None:
        array = np.asarray(values, dtype=float)
        if array.ndim != 1 or array.shape[0] != hours:
            count = array.shape[0] if array.ndim == 1 else f"an array of shape {array.shape}"
            self.add(
                name,
                _("Has %(count)s values; it must have %(hours)s, one per hour.")
                % {"count": count, "hours": f"{hours:,}"},
            )
            return
        if not np.all(np.isfinite(array)):
            self.add(name, _("Has %(count)s missing or infinite values.") % {"count": int(np.sum(~np.isfinite(array)))})
        elif array.min() < 0:
            self.add(
                name,
                _("Has negative values (lowest %(value)s at hour %(hour)s).")
                % {"value": f"{array.min():g}", "hour": int(array.argmin())},
            )
        elif array.max() > upper:
            self.add(
                name,
                _("Has values above %(limit)s (highest %(value)s at hour %(hour)s).")
                % {"limit": f"{upper:g}", "value": f"{array.max():g}", "hour": int(array.argmax())},
            )


def validate(system: System) -> None:
    checks = Checks()
    nodes = set(system.nodes)
    if not system.nodes or len(nodes) != len(system.nodes):
        checks.add("nodes", _("Give at least one node, each once."))
    if system.hours < 1:
        checks.add("hours", _("At least one hour."))
    for node in system.nodes:
        if node not in system.demand:
            checks.add(f"demand.{node}", _("No demand profile for this node."))
        else:
            checks.series(f"demand.{node}", system.demand[node], system.hours, upper=ABSURD_MW)
    for node in set(system.demand) - nodes:
        checks.add(f"demand.{node}", _("Demand for a node that is not in the system."))
    check_carriers(checks, system)
    check_components(checks, system, nodes)
    check_policy(checks, system)
    if system.value_of_lost_load is not None:
        checks.number("value_of_lost_load", system.value_of_lost_load, upper=ABSURD_COST)
    if checks.errors:
        raise PlanningInputError(checks.errors)


def check_carriers(checks: Checks, system: System) -> None:
    names = [c.name for c in system.carriers]
    if len(set(names)) != len(names):
        checks.add("carriers", _("Each carrier once."))
    for carrier in system.carriers:
        checks.number(f"carriers.{carrier.name}.co2_t_per_mwh", carrier.co2_t_per_mwh, upper=ABSURD_CO2_T_PER_MWH)
    known = set(names)
    for item in (*system.plants, *system.renewables):
        if item.carrier not in known:
            checks.add(f"{item.name}.carrier", _("Unknown carrier '%(carrier)s'.") % {"carrier": item.carrier})


def check_components(checks: Checks, system: System, nodes: set[str]) -> None:
    names = [c.name for c in (*system.plants, *system.renewables, *system.storage, *system.links)]
    for name in {n for n in names if names.count(n) > 1}:
        checks.add(name, _("Two components share this name."))
    for item in (*system.plants, *system.renewables, *system.storage):
        if item.node not in nodes:
            checks.add(f"{item.name}.node", _("Unknown node '%(node)s'.") % {"node": item.node})
    for plant in system.plants:
        checks.number(f"{plant.name}.capacity_mw", plant.capacity_mw, upper=ABSURD_MW)
        checks.number(f"{plant.name}.marginal_cost", plant.marginal_cost, upper=ABSURD_COST)
        if np.ndim(plant.availability) == 0:
            checks.number(f"{plant.name}.availability", float(plant.availability), upper=1.0)
        else:
            checks.series(f"{plant.name}.availability", plant.availability, system.hours, upper=1.0)
    for item in system.renewables:
        checks.series(f"{item.name}.profile", item.profile, system.hours, upper=1.0)
        checks.number(f"{item.name}.existing_mw", item.existing_mw, upper=ABSURD_MW)
        checks.number(f"{item.name}.max_new_mw", item.max_new_mw, upper=ABSURD_MW, allow_inf=True)
        checks.number(f"{item.name}.capital_cost", item.capital_cost, upper=ABSURD_COST)
        checks.number(f"{item.name}.marginal_cost", item.marginal_cost, upper=ABSURD_COST)
    for item in system.storage:
        check_storage(checks, item)
    for link in system.links:
        for end in (link.node_from, link.node_to):
            if end not in nodes:
                checks.add(f"{link.name}.node", _("Unknown node '%(node)s'.") % {"node": end})
        if link.node_from == link.node_to:
            checks.add(f"{link.name}.node", _("A link joins two different nodes."))
        checks.number(f"{link.name}.capacity_mw", link.capacity_mw, upper=ABSURD_MW)


def check_storage(checks: Checks, item: Storage) -> None:
    for attribute in ("efficiency_charge", "efficiency_discharge"):
        value = getattr(item, attribute)
        if not 0 < value <= 1:
            checks.add(
                f"{item.name}.{attribute}",
                _("An efficiency is above 0 and at most 1 (got %(value)s).") % {"value": f"{value:g}"},
            )
    if not 0 <= item.standing_loss < 1:
        checks.add(
            f"{item.name}.standing_loss",
            _("A loss per hour is from 0 up to 1 (got %(value)s).") % {"value": f"{item.standing_loss:g}"},
        )
    checks.number(f"{item.name}.power_cost", item.power_cost, upper=ABSURD_COST)
    checks.number(f"{item.name}.energy_cost", item.energy_cost, upper=ABSURD_COST)
    checks.number(f"{item.name}.existing_power_mw", item.existing_power_mw, upper=ABSURD_MW)
    checks.number(f"{item.name}.existing_energy_mwh", item.existing_energy_mwh, upper=ABSURD_MWH)
    checks.number(f"{item.name}.max_new_power_mw", item.max_new_power_mw, upper=ABSURD_MW, allow_inf=True)
    checks.number(f"{item.name}.max_new_energy_mwh", item.max_new_energy_mwh, upper=ABSURD_MWH, allow_inf=True)


def check_policy(checks: Checks, system: System) -> None:
    policy = system.policy
    if policy.carbon_cap_t is not None:
        checks.number("policy.carbon_cap_t", policy.carbon_cap_t, upper=1e10)
    if policy.renewable_share is not None and not 0 <= policy.renewable_share <= 1:
        checks.add(
            "policy.renewable_share",
            _("A share is between 0 and 1 (got %(value)s).") % {"value": f"{policy.renewable_share:g}"},
        )
