"""What other modules may call from the transport module, and nothing else.

Places are a city adcode string ("320100"), a hub code string ("NJ_PORT") or a ``(lat, lon)`` tuple;
`modes` is None (every mode) or an iterable of "road", "rail", "river", "sea", "air" (road drayage to and
from hubs is always allowed). The network is the one in the database (hubs, links and parameters as
administrators keep them), rebuilt only when it changes; before `load_reference` has run it is the
reference network shipped in `yrd/transport/data/`.

- `travel_time(origin, destination, *, modes=None) -> float | None`
  Hours by the fastest allowed way (static: no timetable waits), None when unreachable.
- `travel_time_matrix(origins, destinations, *, modes=None) -> numpy.ndarray`
  Hours, shape (len(origins), len(destinations)), ``inf`` where unreachable. 200 × 2,000 points take
  about 0.2 s (bench/routing.py). Resolve-and-snap results are cached per place.
- `plan_route(request: RouteRequest) -> RoutePlan`
  Cheapest, fastest, greenest or the Pareto front (`request.objective`), honouring timetables and a
  deadline. Nothing is stored.
- `shipment_book(*, acting_user, origin, destination, tonnes, reference, idempotency_key, modes=None,
  objective="fastest", departure=None, dangerous_goods=False) -> str`
  Plans the route, stores the request with its parameters, books the chosen route as a shipment of the
  actor's organisation and returns its reference (e.g. "SH-260302-1A2B3C"). `reference` is the caller's
  own (e.g. an emergency dispatch number, ≤ 80 characters). The same `idempotency_key` with the same
  arguments returns the same shipment; with different arguments it raises `Conflict`. The actor needs
  the action "transport.plan" (a module whose role books transport lists it among its role's actions) or
  is `SYSTEM`.

Bad input raises `RoutingError` subclasses (re-exported here: `UnknownPlace`, `Unreachable`,
`DeadlineUnmeetable`, `CargoNotCarried`, `InvalidRequest`, `PlaceOutsideNetwork`), each with `.field`
and a message; `shipment_book` raises Django's `ValidationError` naming the field instead, and
`PermissionDenied` when the actor may not plan.
"""

from datetime import datetime

import numpy as np

from yrd.transport.inputs import PlanInput
from yrd.transport.routing import (
    Cargo,
    CargoNotCarried,
    DeadlineUnmeetable,
    InvalidRequest,
    Mode,
    PlaceOutsideNetwork,
    RoutePlan,
    RouteRequest,
    RoutingError,
    UnknownPlace,
    Unreachable,
)
from yrd.transport.selectors.network import current_planner
from yrd.transport.writes import shipment_plan_and_book

__all__ = [
    "CargoNotCarried",
    "Cargo",
    "DeadlineUnmeetable",
    "InvalidRequest",
    "Mode",
    "PlaceOutsideNetwork",
    "RoutePlan",
    "RouteRequest",
    "RoutingError",
    "UnknownPlace",
    "Unreachable",
    "plan_route",
    "shipment_book",
    "travel_time",
    "travel_time_matrix",
]


def travel_time(origin, destination, *, modes=None) -> float | None:
    return current_planner()[0].travel_time(origin, destination, modes=modes)


def travel_time_matrix(origins, destinations, *, modes=None) -> np.ndarray:
    return current_planner()[0].travel_time_matrix(origins, destinations, modes=modes)


def plan_route(request: RouteRequest) -> RoutePlan:
    return current_planner()[0].plan(request)


def shipment_book(
    *,
    acting_user,
    origin,
    destination,
    tonnes: float,
    reference: str,
    idempotency_key: str,
    modes=None,
    objective: str = "fastest",
    departure: datetime | None = None,
    dangerous_goods: bool = False,
) -> str:
    request = PlanInput(
        origin=tuple(origin) if isinstance(origin, list | tuple) else origin,
        destination=tuple(destination) if isinstance(destination, list | tuple) else destination,
        tonnes=tonnes,
        dangerous_goods=dangerous_goods,
        modes=tuple(sorted(str(Mode(m)) for m in modes)) if modes else (),
        departure=departure,
        objective=objective,
    )
    shipment = shipment_plan_and_book(
        acting_user=acting_user, request=request, external_reference=reference, idempotency_key=idempotency_key
    )
    return shipment.reference
