"""Planning scenarios between the stored inputs and the engine: the inputs a person edits (which
provinces, policy, costs, capacities, the yearly figures with their sources) become a `System`;
a solved plan becomes a compact result and the hourly series the charts need.

Inputs (JSON):
  {"nodes": ["320000", ...], "policy": {"renewable_share": 0.4} | {"carbon_cap_t": ...},
   "provinces": {"320000": {"demand_twh": ..., "demand_source": "...", "coal_mw": ..., "gas_mw": ...,
                 "solar_mw": ..., "wind_mw": ..., "solar_hours": ..., "wind_hours": ..., ...}},
   "costs": {"solar": ..., "wind": ..., "battery_power": ..., "battery_energy": ...},  # CNY per MW(h) overnight
   "links": [["310000", "320000", 8000], ...], "discount_rate": 0.06}
"""

import csv

import numpy as np
from django.utils.translation import gettext as _

from yrd.green.accounting.factors import DATA
from yrd.green.planning.bench_system import CORRIDORS, PROVINCES
from yrd.green.planning.errors import PlanningInputError
from yrd.green.planning.profiles import PublishedFigure, demand_profile, solar_profile, wind_profile
from yrd.green.planning.result import PlanResult
from yrd.green.planning.system import Carrier, Link, Plant, Policy, Renewable, Storage, System, annualised_cost

LIFETIMES = {"solar": 25, "wind": 25, "battery_power": 15, "battery_energy": 15}
WEEK = 168


def system_of(inputs: dict) -> System:
    """Raises PlanningInputError naming the input when something is missing or wrong."""
    try:
        return build_system(inputs)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, PlanningInputError):
            raise
        raise PlanningInputError(
            {"inputs": [_("Incomplete or malformed scenario input: %(error)s") % {"error": error}]}
        ) from None


def build_system(inputs: dict) -> System:
    nodes = tuple(inputs["nodes"])
    unknown = [n for n in nodes if n not in PROVINCES]
    if unknown or not nodes:
        message = _("Choose among %(known)s (got %(unknown)s).") % {
            "known": ", ".join(PROVINCES),
            "unknown": ", ".join(unknown),
        }
        raise PlanningInputError({"nodes": [message]})
    rate = float(inputs.get("discount_rate", 0.06))
    costs = {
        k: annualised_cost(float(v), lifetime_years=LIFETIMES[k], discount_rate=rate)
        for k, v in inputs["costs"].items()
    }
    demand, plants, renewables, storage = {}, [], [], []
    for index, code in enumerate(nodes):
        p = inputs["provinces"][code]
        _name, latitude, longitude, *_rest = PROVINCES[code]
        demand[code] = demand_profile(
            PublishedFigure(float(p["demand_twh"]), "TWh", int(p.get("demand_year", 0)), p.get("demand_source", ""))
        )
        plants += [
            Plant(f"{code}-coal", code, "coal", float(p["coal_mw"]), float(p.get("coal_cost", 350))),
            Plant(f"{code}-gas", code, "gas", float(p["gas_mw"]), float(p.get("gas_cost", 650))),
        ]
        sun = solar_profile(latitude, longitude, full_load_hours=PublishedFigure(float(p["solar_hours"]), "h", 0, ""))
        breeze = wind_profile(PublishedFigure(float(p["wind_hours"]), "h", 0, ""), seed=index)
        renewables += [
            Renewable(f"{code}-solar", code, "solar", sun, float(p["solar_mw"]), capital_cost=costs["solar"]),
            Renewable(f"{code}-wind", code, "wind", breeze, float(p["wind_mw"]), capital_cost=costs["wind"]),
        ]
        storage.append(
            Storage(
                f"{code}-battery",
                code,
                0.95,
                0.95,
                costs["battery_power"],
                costs["battery_energy"],
                existing_power_mw=float(p.get("storage_mw", 0)),
                existing_energy_mwh=float(p.get("storage_mwh", 0)),
            )
        )
    links = tuple(
        Link(f"{a}-{b}", a, b, float(mw)) for a, b, mw in inputs.get("links", []) if a in nodes and b in nodes
    )
    policy = Policy(
        carbon_cap_t=inputs["policy"].get("carbon_cap_t"), renewable_share=inputs["policy"].get("renewable_share")
    )
    carriers = (
        Carrier("coal", 0.85),
        Carrier("gas", 0.38),
        Carrier("solar", renewable=True),
        Carrier("wind", renewable=True),
    )
    return System(nodes, demand, carriers, tuple(plants), tuple(renewables), tuple(storage), links, policy)


def compact(system: System, result: PlanResult) -> dict:
    """What the scenario pages show and compare: numbers only, in MW, MWh, t and CNY."""
    return {**result.summary(system), "nodes": list(system.nodes)}


def chart_series(system: System, result: PlanResult) -> dict:
    """A summer week's dispatch stack and state of charge (the week of the highest demand), and the
    duration curves of demand and of net load (demand minus solar and wind) over the year."""
    total = sum(np.asarray(system.demand[n]) for n in system.nodes)
    start = int(np.clip(int(np.argmax(total)) - WEEK // 2, 0, system.hours - WEEK))
    window = slice(start, start + WEEK)

    def by_carrier(outputs: dict, items) -> dict:
        sums: dict[str, np.ndarray] = {}
        for item in items:
            sums[item.carrier] = sums.get(item.carrier, 0) + outputs[item.name]
        return sums

    stack = {**by_carrier(result.plant_output, system.plants), **by_carrier(result.renewable_output, system.renewables)}
    discharge = sum(result.storage_discharge.values()) if system.storage else np.zeros(system.hours)
    charge = sum(result.storage_charge.values()) if system.storage else np.zeros(system.hours)
    soc = sum(result.storage_soc.values()) if system.storage else np.zeros(system.hours)
    renewable = sum(result.renewable_output.values()) if system.renewables else np.zeros(system.hours)
    week = {name: rounded(values[window]) for name, values in stack.items()}
    week.update(storage_discharge=rounded(discharge[window]), storage_charge=rounded(-charge[window]))
    return {
        "week_start_hour": start,
        "week": week,
        "week_demand": rounded(total[window]),
        "soc": rounded(soc[::6]),  # every 6 h over the year: enough for the eye, 1,460 points
        "demand_duration": rounded(np.sort(total)[::-1][::12]),
        "net_load_duration": rounded(np.sort(total - renewable)[::-1][::12]),
    }


def rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 1) for v in np.asarray(values)]


DEFAULT_COSTS = {"solar": 3.5e6, "wind": 6.0e6, "battery_power": 6.0e5, "battery_energy": 8.0e5}
DEFAULT_FLEET = {  # MW; illustrative defaults the planner replaces (see data/SOURCES.md)
    code: {"coal_mw": coal * 1000, "gas_mw": gas * 1000, "solar_mw": solar * 1000, "wind_mw": wind * 1000}
    for code, (_name, _lat, _lon, _twh, coal, gas, solar, wind) in PROVINCES.items()
}


def published_figures() -> dict:
    with open(DATA / "planning_figures.csv", encoding="utf-8") as handle:
        return {(row["province"], row["quantity"]): row for row in csv.DictReader(handle)}


def default_inputs(nodes: list[str]) -> dict:
    figures = published_figures()
    solar, wind = figures[("national", "solar_full_load_hours")], figures[("national", "wind_full_load_hours")]
    provinces = {}
    for code in nodes:
        demand = figures[(code, "electricity_consumption")]
        provinces[code] = {
            **DEFAULT_FLEET[code], "demand_twh": float(demand["value"]), "demand_year": int(demand["year"] or 0),
            "demand_source": demand["source"], "solar_hours": float(solar["value"]), "solar_source": solar["source"],
            "wind_hours": float(wind["value"]), "wind_source": wind["source"],
        }  # fmt: skip
    return {"nodes": nodes, "provinces": provinces, "costs": DEFAULT_COSTS, "discount_rate": 0.06,
            "links": [list(c) for c in CORRIDORS], "policy": {"renewable_share": 0.4}}  # fmt: skip
