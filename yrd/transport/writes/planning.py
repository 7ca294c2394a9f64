"""Planning a route and storing the answer with everything it was computed from."""

import uuid

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import SYSTEM, write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.transport.apps import PLAN
from yrd.transport.inputs import PlanInput
from yrd.transport.models import RouteQuery
from yrd.transport.route_json import plan_json
from yrd.transport.routing import Cargo, Mode, RouteRequest, RoutingError
from yrd.transport.selectors.network import current_planner, parameters_snapshot


def routing_errors(error: RoutingError) -> ValidationError:
    """A routing error as the form / API error naming its field."""
    return ValidationError({error.field or "__all__": [ValidationError(error.localize(_), code=error.code)]})


@write
def route_plan(*, acting_user, request: PlanInput) -> RouteQuery:
    require(acting_user, PLAN)
    planner, version = current_planner()
    departure = request.departure or timezone.now()
    try:
        modes = frozenset(Mode(m) for m in request.modes) if request.modes else None
    except ValueError:
        raise ValidationError({"modes": [_("Choose modes among road, rail, river, sea and air.")]}) from None
    routing_request = RouteRequest(
        origin=request.origin,
        destination=request.destination,
        cargo=Cargo(tonnes=request.tonnes, teu=request.teu, dangerous_goods=request.dangerous_goods),
        departure=departure,
        modes=modes,
        deadline=request.deadline,
        objective=request.objective,
    )
    try:
        plan = planner.plan(routing_request)
    except RoutingError as error:
        raise routing_errors(error) from None
    organisation = request.organisation or (None if acting_user is SYSTEM else acting_user.organisation)
    query = RouteQuery.objects.create(
        number=f"RP-{timezone.localdate(departure):%y%m%d}-{uuid.uuid4().hex[:6].upper()}",
        requested_by=None if acting_user is SYSTEM else acting_user,
        organisation=organisation,
        origin=_place_text(request.origin),
        destination=_place_text(request.destination),
        origin_label=_label(plan.origin),
        destination_label=_label(plan.destination),
        origin_city=_city_of(planner, plan.origin),
        destination_city=_city_of(planner, plan.destination),
        tonnes=round(plan.tonnes, 3),
        teu=request.teu,
        dangerous_goods=request.dangerous_goods,
        modes=sorted(str(m) for m in (modes or Mode)),
        departure=departure,
        deadline=request.deadline,
        objective=request.objective,
        parameters=parameters_snapshot(planner.network.parameters),
        network_version=version,
        routes=plan_json(plan),
        is_demo=request.is_demo,
    )
    audit_record(
        actor=acting_user,
        action="transport.route.plan",
        obj=query,
        jurisdiction=query.origin_city.code if query.origin_city else "",
        data={"objective": query.objective, "routes": len(query.routes), "network_version": version},
    )
    return query


def _place_text(place) -> str:
    if isinstance(place, tuple | list):
        return f"{float(place[0]):.5f},{float(place[1]):.5f}"
    return str(place)[:60]


def _label(place) -> str:
    if place.kind == "point":
        return f"{place.lat:.4f}, {place.lon:.4f}"
    return f"{place.name_zh} {place.name_en}".strip()


def _city_of(planner, place) -> Jurisdiction | None:
    code = place.code
    if place.kind == "hub":
        code = planner.network.hubs[place.code].city
    elif place.kind == "point":
        cities = planner.network.cities.values()
        code = min(cities, key=lambda c: (c.lat - place.lat) ** 2 + (c.lon - place.lon) ** 2).adcode
    return Jurisdiction.objects.filter(level="city", code=code).first()
