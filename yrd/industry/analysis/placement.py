"""Placement of compute demand on data centres: each city's demand (MW of IT load, with a latency
class that bounds how far away it may be served) is split across data centres within reach and
with spare IT power, at the least yearly cost of electricity (IT load × PUE × price) plus carbon
(IT load × PUE × (1 - green share) × grid factor × carbon price). An LP solved with HiGHS; the
answer says where each city's demand goes, the cost, the carbon and which capacities bind."""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .lp import LinearProgram, solve

HOURS_PER_YEAR = 8760.0
LATENCY_KM = {"realtime": 200.0, "interactive": 600.0, "batch": math.inf}


class PlacementError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Centre:
    id: int
    lat: float
    lon: float
    spare_mw: float
    pue: float
    price_cny_kwh: float
    green_share: float
    grid_t_per_mwh: float


@dataclass(frozen=True)
class Demand:
    city: str
    lat: float
    lon: float
    mw: float
    latency: str


@dataclass
class Placement:
    assignments: list  # (city, centre id, MW)
    cost_cny: float
    carbon_t: float
    binding: list  # centre ids whose spare capacity is used up and limits the answer
    marginal_cny_per_mw: dict  # city -> yearly cost of one more MW of its demand


def distance_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def unit_costs(centre: Centre, carbon_price: float) -> tuple[float, float]:
    """(CNY, tCO2) per MW of IT load placed for a year."""
    energy_mwh = HOURS_PER_YEAR * centre.pue
    carbon = energy_mwh * (1 - centre.green_share) * centre.grid_t_per_mwh
    return energy_mwh * 1000 * centre.price_cny_kwh + carbon * carbon_price, carbon


def reachable(demand: Demand, centre: Centre) -> bool:
    return distance_km(demand.lat, demand.lon, centre.lat, centre.lon) <= LATENCY_KM[demand.latency]


def check(demands: list[Demand], centres: list[Centre], carbon_price: float) -> None:
    if carbon_price < 0:
        raise PlacementError("carbon_price", _("The carbon price cannot be negative."))
    for index, demand in enumerate(demands):
        if demand.latency not in LATENCY_KM:
            raise PlacementError(
                f"demands[{index}].latency", _("Unknown latency class %(name)s.") % {"name": demand.latency}
            )
        if not demand.mw > 0:
            raise PlacementError(f"demands[{index}].mw", _("Demand must be more than 0 MW."))
        if not any(reachable(demand, c) for c in centres):
            raise PlacementError(
                f"demands[{index}]", _("No data centre is within reach of %(city)s.") % {"city": demand.city}
            )
    for centre in centres:
        if centre.spare_mw < 0 or centre.pue < 1 or not 0 <= centre.green_share <= 1:
            raise PlacementError(
                "centres", _("Data centre %(id)s has an impossible capacity, PUE or green share.") % {"id": centre.id}
            )


def place(demands: list[Demand], centres: list[Centre], carbon_price: float) -> Placement:
    check(demands, centres, carbon_price)
    program = LinearProgram()
    columns = {}
    for d, demand in enumerate(demands):
        for c, centre in enumerate(centres):
            if reachable(demand, centre):
                columns[(d, c)] = program.column(cost=unit_costs(centre, carbon_price)[0])
    demand_rows = [
        program.row({col: 1.0 for (dd, _c), col in columns.items() if dd == d}, lower=demand.mw, upper=demand.mw)
        for d, demand in enumerate(demands)
    ]
    capacity_rows = {
        c: program.row({col: 1.0 for (_d, cc), col in columns.items() if cc == c}, upper=centre.spare_mw)
        for c, centre in enumerate(centres)
        if any(cc == c for (_d, cc) in columns)
    }
    solution = solve(program.highs())
    if not solution.optimal:
        raise PlacementError("demands", _("The data centres within reach do not have enough spare IT power."))
    assignments, cost, carbon = [], 0.0, 0.0
    for (d, c), col in columns.items():
        mw = float(solution.values[col])
        if mw > 1e-9:
            assignments.append((demands[d].city, centres[c].id, mw))
            unit_cost, unit_carbon = unit_costs(centres[c], carbon_price)
            cost, carbon = cost + mw * unit_cost, carbon + mw * unit_carbon
    binding = [
        centres[c].id
        for c, row in capacity_rows.items()
        if abs(solution.row_values[row] - centres[c].spare_mw) < 1e-6 and abs(solution.row_duals[row]) > 1e-9
    ]
    marginal = {demands[d].city: float(solution.row_duals[row]) for d, row in enumerate(demand_rows)}
    return Placement(assignments, cost, carbon, sorted(binding), marginal)
