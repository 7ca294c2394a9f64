"""The strategic conflict engine of the low-altitude module: plain Python, no Django models.

volumes      4D volumes, intents, and the boundary rules (closed in space and height, half-open in time)
geo          the region's metric projection; buffers measured on the ground
validation   build volumes from operator input, refusing bad input field by field
schedule     when restrictions are active (always, windows, weekly)
restrictions no-fly and controlled volumes of the provinces' authorities
index        the spatial-temporal index of accepted intents (time-sliced STRtrees)
detect       assess a new intent: conflicts, displaced lower-priority intents, nearest free window
crossings    the provinces a flight crosses, in the order it meets them
classes      the 2024 interim regulations' aircraft classes and where each may fly
"""

from .classes import AircraftClass, AircraftSpec, Permission, Verdict, classify, permission, suitable_airspace
from .crossings import crossed_in_order
from .detect import Assessment, Conflict, Source, assess, brute_assess
from .index import Hit, VolumeIndex
from .problems import InvalidVolume, Problem
from .restrictions import Restriction, RestrictionKind, RestrictionSet
from .schedule import Always, Weekly, Windows
from .validation import RULES, Footprint, Rules, area_volume, footprint, route_volume
from .volumes import AltitudeBand, OperationalIntent, Priority, TimeWindow, Volume4D

__all__ = [
    "RULES",
    "AircraftClass",
    "AircraftSpec",
    "AltitudeBand",
    "Always",
    "Assessment",
    "Conflict",
    "Footprint",
    "Hit",
    "InvalidVolume",
    "OperationalIntent",
    "Permission",
    "Priority",
    "Problem",
    "Restriction",
    "RestrictionKind",
    "RestrictionSet",
    "Rules",
    "Source",
    "TimeWindow",
    "Verdict",
    "Volume4D",
    "VolumeIndex",
    "Weekly",
    "Windows",
    "area_volume",
    "assess",
    "brute_assess",
    "classify",
    "crossed_in_order",
    "footprint",
    "permission",
    "route_volume",
    "suitable_airspace",
]
