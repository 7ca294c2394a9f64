"""Per-mode and per-hub-kind parameters of the freight network, with the published source of each default.

A value whose source could not be found says so in its ``source`` (``sourced=False``): it is a planning
assumption to be replaced by an official figure in the admin, never passed off as published. Every value is
checked by `Parameters.validate()` (negative, zero where it must not be, or absurd magnitudes raise
`InvalidParameters`), so a bad edit can never reach a route.

Units: speed km/h; cost CNY per tonne-km (line haul) and CNY per tonne (handling at a hub); CO2e kg per
tonne-km, well-to-wheel where the source says so; times in hours.
"""

from dataclasses import dataclass, field, replace
from enum import StrEnum

from .errors import InvalidParameters


class Mode(StrEnum):
    ROAD = "road"
    RAIL = "rail"
    RIVER = "river"  # inland waterway: the Yangtze, the Grand Canal
    SEA = "sea"
    AIR = "air"


TIMETABLED_MODES = frozenset({Mode.RAIL, Mode.RIVER, Mode.SEA, Mode.AIR})


@dataclass(frozen=True)
class Sourced:
    """A number and where it comes from."""

    value: float
    source: str
    sourced: bool = True


@dataclass(frozen=True)
class ModeParameters:
    mode: Mode
    speed_kmh: Sourced
    cost_per_tkm: Sourced
    co2_kg_per_tkm: Sourced
    carries_dangerous_goods: bool = True
    max_tonnes: float | None = None  # one consignment; None: no limit below the absurd-weight bound


@dataclass(frozen=True)
class HubKindParameters:
    kind: str
    transfer_hours: Sourced
    transfer_cost_per_tonne: Sourced
    handles_dangerous_goods: bool = True


# What an older load stored for every unsourced value (migration 0002 replaces it where the value is unchanged).
UNSOURCED = "No published source found yet: planning assumption, replace with an official figure."
ASSUMED = "Assumed (no published source found; replace with an official figure): "


def assumed(reason: str) -> str:
    """The source text of a planning assumption: says it is one, and what the number stands for."""
    return ASSUMED + reason


def is_assumed(source: str) -> bool:
    """True when a source text is a planning assumption (or missing), not a publication."""
    text = (source or "").strip()
    return not text or text.startswith((UNSOURCED, "Assumed"))  # "Assumed" covers ASSUMED and an admin's own


ETRR_2019 = (
    "'A shift-share based tool for assessing the contribution of a modal shift to the decarbonisation of "
    "inland freight transport', European Transport Research Review (2019), Table 9 'CO2 emission factors "
    "for 2014' (sources KiM; CE Delft): road 90.3, rail 11.3 (20 % diesel / 80 % electric), inland waterways "
    "38.6 g/tkm. Dutch data, not Chinese."
)
GLEC_AIR = (
    "GLEC Framework v3.2 (Smart Freight Centre, 2025) §8.1 default, air belly freight short haul "
    "(< 1,500 km): 830 g CO2e/tkm well-to-wheel; read in EcoFreight's CC BY 4.0 compilation of the v3.2 "
    "default factors (ecofreight.co/data/glec-factors.json)."
)
NDRC_RAIL_2012 = (
    "NDRC and Ministry of Railways rail freight tariff rise 'from 0:00 on December 13' (the repost gives no "
    "year): national average 10.31 fen/tkm (operating price 7.01 + construction fund 3.3 fen/tkm); repost at "
    "kivarchemicals.com 'China's railway freight rate increases by an average of 7% per ton-km'."
)
NDRC_ROAD_2012 = (
    "Same repost as the rail tariff: road freight prices are about four times the rail rate of 9.61 "
    "fen/tkm ('rail ... less than 25 percent of the road freight price'), i.e. about 0.40 CNY/tkm."
)

DEFAULT_MODES: dict[Mode, ModeParameters] = {
    Mode.ROAD: ModeParameters(
        Mode.ROAD,
        speed_kmh=Sourced(
            60.0,
            assumed(
                "whole-trip average of a loaded truck, below expressway speeds to allow for town sections, "
                "tolls and rest stops"
            ),
            False,
        ),
        cost_per_tkm=Sourced(0.40, NDRC_ROAD_2012),
        co2_kg_per_tkm=Sourced(0.0903, ETRR_2019),
    ),
    Mode.RAIL: ModeParameters(
        Mode.RAIL,
        speed_kmh=Sourced(
            45.0,
            assumed(
                "yard-to-yard average of a freight train including waits in marshalling yards and for "
                "passing passenger trains"
            ),
            False,
        ),
        cost_per_tkm=Sourced(0.1031, NDRC_RAIL_2012),
        co2_kg_per_tkm=Sourced(0.0113, ETRR_2019),
    ),
    Mode.RIVER: ModeParameters(
        Mode.RIVER,
        speed_kmh=Sourced(
            15.0,
            assumed(
                "over-ground average of a loaded Yangtze / Grand Canal barge, one figure for upstream and downstream"
            ),
            False,
        ),
        cost_per_tkm=Sourced(
            0.05,
            assumed(
                "inland waterway rate taken at about half the NDRC rail rate (10.31 fen/tkm); no waterway tariff found"
            ),
            False,
        ),
        co2_kg_per_tkm=Sourced(0.0386, ETRR_2019),
    ),
    Mode.SEA: ModeParameters(
        Mode.SEA,
        speed_kmh=Sourced(
            25.0, assumed("coastal feeder or bulk ship at about 13.5 knots, port approaches included"), False
        ),
        cost_per_tkm=Sourced(
            0.03,
            assumed(
                "coastal shipping taken below the inland waterway rate for its larger ships; no coastal tariff found"
            ),
            False,
        ),
        co2_kg_per_tkm=Sourced(
            0.016,
            assumed(
                "coastal container / bulk ship, taken below the ETRR inland waterway factor (38.6 g/tkm) "
                "for its larger ships; no Chinese coastal factor found"
            ),
            False,
        ),
    ),
    Mode.AIR: ModeParameters(
        Mode.AIR,
        speed_kmh=Sourced(
            600.0, assumed("block speed of a short-haul freighter, taxi, climb and descent included"), False
        ),
        cost_per_tkm=Sourced(
            5.0,
            assumed("domestic air cargo taken at about ten times the road rate (0.40 CNY/tkm); no air tariff found"),
            False,
        ),
        co2_kg_per_tkm=Sourced(0.830, GLEC_AIR),
        # ICAO Technical Instructions forbid most dangerous goods classes on aircraft or limit them to
        # small quantities; a bulk planner cannot honour the limits, so it keeps them off air altogether.
        carries_dangerous_goods=False,
        max_tonnes=100.0,
    ),
}

HUB_KINDS = ("seaport", "river_port", "inland_port", "rail_yard", "rail_port_interface", "cargo_airport", "terminal")

DEFAULT_HUB_KINDS: dict[str, HubKindParameters] = {
    "seaport": HubKindParameters(
        "seaport",
        Sourced(
            12.0,
            assumed("container or bulk dwell between ship and land mode at a seaport, gate and yard moves included"),
            False,
        ),
        Sourced(30.0, assumed("lift-on / lift-off plus yard storage per tonne at a seaport"), False),
    ),
    "river_port": HubKindParameters(
        "river_port",
        Sourced(8.0, assumed("dwell between barge and land mode at a river port"), False),
        Sourced(20.0, assumed("handling per tonne at a river port, taken below a seaport's"), False),
    ),
    "inland_port": HubKindParameters(
        "inland_port",
        Sourced(8.0, assumed("dwell at an inland (dry) port, taken equal to a river port"), False),
        Sourced(20.0, assumed("handling per tonne at an inland port, taken equal to a river port"), False),
    ),
    "rail_yard": HubKindParameters(
        "rail_yard",
        Sourced(
            6.0, assumed("loading or unloading a wagon group at a freight yard, waiting for the train included"), False
        ),
        Sourced(15.0, assumed("loading or unloading per tonne at a rail freight yard"), False),
    ),
    "rail_port_interface": HubKindParameters(
        "rail_port_interface",
        Sourced(6.0, assumed("rail-to-ship transfer on the port's own sidings, taken equal to a rail yard"), False),
        Sourced(15.0, assumed("rail-to-ship handling per tonne, taken equal to a rail yard"), False),
    ),
    "cargo_airport": HubKindParameters(
        "cargo_airport",
        Sourced(4.0, assumed("build-up or break-down of air cargo at a cargo terminal"), False),
        Sourced(
            200.0,
            assumed("air cargo terminal handling per tonne, far above ground modes for its manual build-up"),
            False,
        ),
        handles_dangerous_goods=False,
    ),
    "terminal": HubKindParameters(
        "terminal",
        Sourced(2.0, assumed("cross-docking at a road freight terminal"), False),
        Sourced(10.0, assumed("cross-docking per tonne at a road terminal"), False),
    ),
}

# Bounds past which a figure is a typing error, not a plan (checked on every edit and every request).
MAX_SPEED_KMH = 1_200.0
MAX_COST_PER_TKM = 1_000.0
MAX_CO2_KG_PER_TKM = 50.0
MAX_TRANSFER_HOURS = 24.0 * 30
MAX_TRANSFER_COST_PER_TONNE = 100_000.0
MAX_TONNES = 1_000_000.0  # a single consignment larger than this is a typo
MAX_TEU = 100_000.0


@dataclass(frozen=True)
class Parameters:
    """Everything a route's figures depend on besides the network's geometry."""

    modes: dict[Mode, ModeParameters] = field(default_factory=lambda: dict(DEFAULT_MODES))
    hub_kinds: dict[str, HubKindParameters] = field(default_factory=lambda: dict(DEFAULT_HUB_KINDS))
    road_circuity: Sourced = Sourced(
        1.3, assumed("road km per straight-line km on a dense expressway network, for access legs"), False
    )  # road km per great-circle km for access legs
    access_radius_km: float = 80.0  # a city reaches every hub within this great-circle distance by road
    access_min_hubs: int = 2  # ... and at least its nearest hubs, however far
    tonnes_per_teu: Sourced = Sourced(
        10.0, assumed("average cargo in a loaded 20-ft container, well below its maximum payload"), False
    )

    def with_mode(self, mode: Mode, **changes) -> "Parameters":
        return replace(self, modes={**self.modes, mode: replace(self.modes[mode], **changes)})

    def validate(self) -> "Parameters":
        errors: dict[str, list[str]] = {}
        for mode, p in self.modes.items():
            _check(errors, f"{mode}.speed_kmh", p.speed_kmh.value, 0.0, MAX_SPEED_KMH, allow_zero=False)
            _check(errors, f"{mode}.cost_per_tkm", p.cost_per_tkm.value, 0.0, MAX_COST_PER_TKM)
            _check(errors, f"{mode}.co2_kg_per_tkm", p.co2_kg_per_tkm.value, 0.0, MAX_CO2_KG_PER_TKM)
            if p.max_tonnes is not None:
                _check(errors, f"{mode}.max_tonnes", p.max_tonnes, 0.0, MAX_TONNES, allow_zero=False)
        for kind, h in self.hub_kinds.items():
            _check(errors, f"{kind}.transfer_hours", h.transfer_hours.value, 0.0, MAX_TRANSFER_HOURS)
            cost = h.transfer_cost_per_tonne.value
            _check(errors, f"{kind}.transfer_cost_per_tonne", cost, 0.0, MAX_TRANSFER_COST_PER_TONNE)
        _check(errors, "road_circuity", self.road_circuity.value, 1.0, 5.0)
        _check(errors, "access_radius_km", self.access_radius_km, 0.0, 1_000.0)
        _check(errors, "tonnes_per_teu", self.tonnes_per_teu.value, 0.0, 40.0, allow_zero=False)
        if errors:
            raise InvalidParameters(errors)
        return self


def _check(errors, name, value, low, high, allow_zero=True):
    if value != value or value in (float("inf"), float("-inf")):
        errors.setdefault(name, []).append("must be a finite number")
    elif value < low or (not allow_zero and value == low):
        errors.setdefault(name, []).append(f"must be {'at least' if allow_zero else 'greater than'} {low:g}")
    elif value > high:
        errors.setdefault(name, []).append(f"must be at most {high:g}")
