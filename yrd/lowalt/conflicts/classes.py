"""Aircraft classes of China's 2024 interim regulations, and which class may fly where.

Source: 《无人驾驶航空器飞行管理暂行条例》 (Interim Regulations on the Flight Management of Unmanned
Aircraft), State Council and Central Military Commission Order No. 761, promulgated 2023-05-31, in
force since 2024-01-01.

* Article 62 defines the five classes (empty weight = airframe, batteries and fuel tanks without fuel
  or payload; MTOW = the largest take-off weight the design or operating limits allow):
  - **micro** 微型: empty weight < 0.25 kg, max true height ≤ 50 m, max level speed ≤ 40 km/h, radio
    meeting the micro-power short-range requirements, a person can take control at any time;
  - **light** 轻型: empty weight ≤ 4 kg and MTOW ≤ 7 kg, max level speed ≤ 100 km/h, airspace-keeping and
    reliable surveillance capability as airspace management requires, a person can take control at
    any time; not micro;
  - **small** 小型: empty weight ≤ 15 kg and MTOW ≤ 25 kg, the same capabilities and human control; not
    micro or light;
  - **medium** 中型: MTOW ≤ 150 kg; not micro, light or small;
  - **large** 大型: MTOW > 150 kg.
  An aircraft light enough to be light or small but without those capabilities is therefore medium.
* Article 19 makes controlled airspace (管制空域) of the air above 120 m true height, of prohibited and
  restricted areas and the air around them, and of the air above airports, military zones, power
  plants, stations, ports, motorways and other listed places; the airspace outside controlled
  airspace is the *suitable airspace* (适飞空域) of micro, light and small aircraft, where they fly
  without applying for a flight activity (Article 31). Flying in controlled airspace needs the air
  traffic authority's approval. Medium and large aircraft have no suitable airspace: every flight of
  theirs is approved. A micro aircraft cannot fly above its 50 m by definition.

The issue that asked for this module says "micro and light"; the regulation includes small as well,
and this module follows the regulation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import shapely

from .problems import Problem, plain
from .problems import gettext_noop as _
from .restrictions import RestrictionKind, RestrictionSet
from .volumes import TimeWindow, Volume4D

CONTROLLED_ABOVE_M = 120
MICRO_MAX_HEIGHT_M = 50


class AircraftClass(StrEnum):
    MICRO = "micro"
    LIGHT = "light"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


# The highest true height of each class's suitable airspace; None: no suitable airspace.
SUITABLE_CEILING_M = {
    AircraftClass.MICRO: MICRO_MAX_HEIGHT_M,
    AircraftClass.LIGHT: CONTROLLED_ABOVE_M,
    AircraftClass.SMALL: CONTROLLED_ABOVE_M,
    AircraftClass.MEDIUM: None,
    AircraftClass.LARGE: None,
}


@dataclass(frozen=True)
class AircraftSpec:
    """The figures and capabilities Article 62 classifies by, as the manufacturer declares them."""

    empty_weight_kg: float
    max_takeoff_weight_kg: float
    max_level_speed_kmh: float
    max_true_height_m: float
    micro_power_radio: bool = False
    airspace_keeping: bool = False
    reliable_surveillance: bool = False
    human_takeover: bool = True


def classify(spec: AircraftSpec) -> AircraftClass:
    """The class Article 62 gives an aircraft."""
    capable = spec.airspace_keeping and spec.reliable_surveillance and spec.human_takeover
    if (
        spec.empty_weight_kg < 0.25
        and spec.max_true_height_m <= MICRO_MAX_HEIGHT_M
        and spec.max_level_speed_kmh <= 40
        and spec.micro_power_radio
        and spec.human_takeover
    ):
        return AircraftClass.MICRO
    if spec.empty_weight_kg <= 4 and spec.max_takeoff_weight_kg <= 7 and spec.max_level_speed_kmh <= 100 and capable:
        return AircraftClass.LIGHT
    if spec.empty_weight_kg <= 15 and spec.max_takeoff_weight_kg <= 25 and capable:
        return AircraftClass.SMALL
    if spec.max_takeoff_weight_kg <= 150:
        return AircraftClass.MEDIUM
    return AircraftClass.LARGE


class Verdict(StrEnum):
    SUITABLE = "suitable"  # in the class's suitable airspace: no flight activity application needed
    NEEDS_APPROVAL = "needs_approval"  # controlled airspace or a class without suitable airspace
    NOT_PERMITTED = "not_permitted"  # the class cannot fly this volume at all


@dataclass(frozen=True)
class Permission:
    verdict: Verdict
    reasons: tuple[Problem, ...]


def permission(aircraft_class: AircraftClass, volumes: Iterable[Volume4D], restrictions: RestrictionSet) -> Permission:
    """Which class may fly these volumes: freely, with the authority's approval, or not at all.

    No-fly restrictions are not judged here: they are conflicts (see `detect`), whatever the class.
    """
    volumes = tuple(volumes)
    top = max(v.band.upper for v in volumes)
    if aircraft_class == AircraftClass.MICRO and top > MICRO_MAX_HEIGHT_M:
        reason = Problem(
            "altitude",
            "micro_too_high",
            _("A micro aircraft flies at most {maximum} m true height; this plan reaches {upper} m."),
            {"maximum": MICRO_MAX_HEIGHT_M, "upper": plain(top)},
        )
        return Permission(Verdict.NOT_PERMITTED, (reason,))
    reasons = []
    if SUITABLE_CEILING_M[aircraft_class] is None:
        reasons.append(
            Problem(
                "aircraft",
                "class_needs_approval",
                _("A {aircraft_class} aircraft has no suitable airspace: every flight needs the authority's approval."),
                {"aircraft_class": aircraft_class.value},
            )
        )
    if top > CONTROLLED_ABOVE_M:
        reasons.append(
            Problem(
                "altitude",
                "above_120",
                _("Above {ceiling} m true height is controlled airspace; this plan reaches {upper} m."),
                {"ceiling": CONTROLLED_ABOVE_M, "upper": plain(top)},
            )
        )
    for volume in volumes:
        window = volume.window
        for encounter in restrictions.encounters(volume, window.t0, window.t1, RestrictionKind.CONTROLLED):
            reasons.append(
                Problem(
                    "outline",
                    "in_controlled_volume",
                    _("The plan enters controlled airspace {ref} while it is active."),
                    {"ref": encounter.restriction.id},
                )
            )
    if reasons:
        return Permission(Verdict.NEEDS_APPROVAL, tuple(_unique(reasons)))
    return Permission(Verdict.SUITABLE, ())


def suitable_airspace(
    aircraft_class: AircraftClass, region: shapely.Geometry, restrictions: RestrictionSet, window: TimeWindow
) -> tuple[shapely.Geometry, float | None]:
    """The footprint and ceiling of the class's suitable airspace during `window`.

    The region less every restriction of either kind that is active at some time in the window and
    reaches down into the band [0, ceiling]; empty for medium and large aircraft.
    """
    ceiling = SUITABLE_CEILING_M[aircraft_class]
    if ceiling is None:
        return shapely.Polygon(), None
    blocked = [
        r.geometry
        for r in restrictions.restrictions
        if r.band.lower <= ceiling and r.active.intervals(window.t0, window.t1)
    ]
    if not blocked:
        return region, ceiling
    return shapely.difference(region, shapely.union_all(blocked)), ceiling


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, result = set(), []
    for problem in problems:
        key = (problem.code, tuple(sorted(problem.params.items())))
        if key not in seen:
            seen.add(key)
            result.append(problem)
    return result
