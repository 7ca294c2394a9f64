"""The routing engine of the transport module: plain Python, no Django.

What other modules will call (through `yrd/transport/interface.py` once the app exists, backed by the
network in the database; until then by the reference network in `yrd/transport/data/`):

- `travel_time(origin, destination, *, modes=None) -> float | None` — hours by the fastest allowed way,
  None when unreachable;
- `travel_time_matrix(origins, destinations, *, modes=None) -> numpy.ndarray` — hours, ``inf`` where
  unreachable; one row per origin;
- `plan_route(request: RouteRequest) -> RoutePlan` — cheapest, fastest, greenest or the Pareto front.

A place is a city adcode string ("320100"), a hub code string ("NJ_PORT") or a ``(lat, lon)`` tuple.
`modes` is an iterable of `Mode` values or their names ("road", "rail", "river", "sea", "air"); road
drayage to and from hubs is always allowed. Bad input raises a `RoutingError` subclass (see `errors`).
Travel times are static (no timetable waits); `plan_route` honours timetables and deadlines.
"""

from functools import lru_cache

import numpy as np

from .data import City, Hub, Link, ReferenceData, Timetable, read_reference
from .errors import (
    CargoNotCarried,
    DeadlineUnmeetable,
    InvalidNetwork,
    InvalidParameters,
    InvalidRequest,
    PlaceOutsideNetwork,
    RoutingError,
    UnknownPlace,
    Unreachable,
)
from .network import Network, Place
from .parameters import Mode, Parameters
from .planner import Cargo, Leg, Planner, Route, RoutePlan, RouteRequest, Transfer

__all__ = [
    "Cargo",
    "CargoNotCarried",
    "City",
    "DeadlineUnmeetable",
    "Hub",
    "InvalidNetwork",
    "InvalidParameters",
    "InvalidRequest",
    "Leg",
    "Link",
    "Mode",
    "Network",
    "Parameters",
    "Place",
    "PlaceOutsideNetwork",
    "Planner",
    "ReferenceData",
    "Route",
    "RoutePlan",
    "RouteRequest",
    "RoutingError",
    "Timetable",
    "Transfer",
    "UnknownPlace",
    "Unreachable",
    "plan_route",
    "reference_planner",
    "travel_time",
    "travel_time_matrix",
]


@lru_cache(maxsize=1)
def reference_planner() -> Planner:
    """A planner on the reference network (data/*.csv, default parameters), built once per process."""
    return Planner(Network(read_reference()))


def travel_time(origin, destination, *, modes=None) -> float | None:
    return reference_planner().travel_time(origin, destination, modes=modes)


def travel_time_matrix(origins, destinations, *, modes=None) -> np.ndarray:
    return reference_planner().travel_time_matrix(origins, destinations, modes=modes)


def plan_route(request: RouteRequest) -> RoutePlan:
    return reference_planner().plan(request)
