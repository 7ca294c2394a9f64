"""The transport API: the network (public), route planning, shipments, tracking and carrier events.

Errors follow the platform's shape {code, message, errors?}: 400 bad input (a routing error names its
field: unknown place, unreachable, deadline unmeetable, cargo no allowed mode can carry, bad weights),
401 without credentials, 403 not allowed, 404 not visible to the caller, 409 an idempotency key or event
id reused for a different request. Carriers' systems send events with ``Authorization: Bearer yrdc_…``
(a carrier token); retried bookings carry an ``Idempotency-Key``."""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Header, Router, Schema
from ninja.decorators import decorate_view
from ninja.responses import Status
from ninja.security import APIKeyHeader, django_auth

from yrd.core.access import can
from yrd.core.caching import public_cache
from yrd.core.models import Organisation
from yrd.core.schemas import ApiError
from yrd.transport import selectors, writes
from yrd.transport.apps import CARRY
from yrd.transport.inputs import EventInput, PlanInput
from yrd.transport.models import CarrierToken, ShipmentLeg
from yrd.transport.models.shipments import hash_carrier_key
from yrd.transport.routing import RoutingError
from yrd.transport.writes.planning import routing_errors

router = Router(tags=["transport"])
ERRORS = {400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError}


class CarrierTokenAuth(APIKeyHeader):
    """`Authorization: Bearer yrdc_…`: acts as the dispatcher who created the token, for its carrier only."""

    param_name = "Authorization"

    def authenticate(self, request, key):
        if not key or not key.startswith("Bearer " + CarrierToken.PREFIX):
            return None
        token = (
            CarrierToken.objects.select_related("created_by", "carrier")
            .filter(key_hash=hash_carrier_key(key.removeprefix("Bearer ").strip()), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.created_by.is_active:
            return None
        request.user, request.carrier_token = token.created_by, token
        return token.created_by


# --- network -------------------------------------------------------------------------------------


class HubOut(Schema):
    code: str
    name_zh: str
    name_en: str
    city: str
    kind: str
    modes: list[str]
    latitude: Decimal | None
    longitude: Decimal | None
    coordinates_approximate: bool
    throughput: str = Field(description="Published annual throughput with unit and year, or empty")
    throughput_source: str


def _hub_out(hub) -> dict:
    throughput = f"{hub.throughput_value} {hub.throughput_unit} ({hub.throughput_year})" if hub.throughput_value else ""
    return {
        "code": hub.code,
        "name_zh": hub.name_zh,
        "name_en": hub.name_en,
        "city": hub.city.code,
        "kind": hub.kind,
        "modes": hub.modes,
        "latitude": hub.latitude,
        "longitude": hub.longitude,
        "coordinates_approximate": hub.latitude is None,
        "throughput": throughput,
        "throughput_source": hub.throughput_source,
    }


@router.get("/network/hubs", response=list[HubOut], auth=None)
@decorate_view(public_cache)
def network_hubs(request):
    return [_hub_out(h) for h in selectors.hubs_public()]


class LinkOut(Schema):
    code: str
    mode: str
    from_city: str
    to_city: str
    distance_km: Decimal
    name_zh: str
    name_en: str
    distance_method: str
    distance_source: str
    derived: bool
    departures: str


@router.get("/network/links", response=list[LinkOut], auth=None)
@decorate_view(public_cache)
def network_links(request):
    return [
        {
            **{f: getattr(link, f) for f in ("code", "mode", "distance_km", "name_zh", "name_en", "derived")},
            "from_city": link.from_city.code,
            "to_city": link.to_city.code,
            "distance_method": link.distance_method,
            "distance_source": link.distance_source,
            "departures": link.departures,
        }
        for link in selectors.links_public()
    ]


@router.get("/network/parameters", auth=None)
@decorate_view(public_cache)
def network_parameters(request):
    """Every parameter routes are computed with now, each with its source (or the words saying it has none)."""
    planner, version = selectors.current_planner()
    return {"network_version": version, **selectors.parameters_snapshot(planner.network.parameters)}


@router.get("/network/export", auth=None, response={200: None, 400: ApiError})
def network_export(request, kind: str = "hubs", format: str = "csv"):
    if kind not in ("hubs", "links") or format not in ("csv", "geojson"):
        raise ValidationError({"kind": ["Export hubs or links, as csv or geojson."]})
    text = selectors.network_export(kind, format)
    content_type = "text/csv" if format == "csv" else "application/geo+json"
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="transport-{kind}.{format}"'
    return response


class ImportIn(Schema):
    kind: str = Field(description="hubs | links")
    format: str = Field(description="csv | geojson")
    content: str = Field(max_length=20_000_000, description="The file's text (UTF-8)")


class TransportImportOut(Schema):
    rows: int
    created: int
    updated: int


@router.post("/network/import", response={200: TransportImportOut, **ERRORS})
def network_import(request, payload: ImportIn):
    return writes.network_import(acting_user=request.user, kind=payload.kind, fmt=payload.format, text=payload.content)


# --- planning ------------------------------------------------------------------------------------


class TransportRouteIn(Schema):
    origin: str | list[float] = Field(description="City adcode, hub code, or [lat, lon]")
    destination: str | list[float]
    tonnes: float | None = None
    teu: float | None = None
    dangerous_goods: bool = False
    modes: list[str] = Field([], description="Allowed line-haul modes; empty: all of road, rail, river, sea, air")
    departure: datetime | None = None
    deadline: datetime | None = None
    objective: str = Field("pareto", description="pareto | cheapest | fastest | greenest")


class RouteQueryOut(Schema):
    number: str
    origin: str
    destination: str
    tonnes: Decimal
    dangerous_goods: bool
    modes: list[str]
    departure: datetime
    deadline: datetime | None
    objective: str
    network_version: str
    parameters: dict
    routes: list[dict]
    created_at: datetime


def _place(value):
    if isinstance(value, list):
        if len(value) != 2:
            raise ValidationError({"origin": ["A point is [latitude, longitude]."]})
        return (value[0], value[1])
    return value


def _query_out(query) -> dict:
    fields = ("number", "tonnes", "dangerous_goods", "modes", "departure", "deadline", "objective")
    return {
        **{f: getattr(query, f) for f in fields},
        **{f: getattr(query, f) for f in ("network_version", "parameters", "routes", "created_at")},
        "origin": query.origin_label,
        "destination": query.destination_label,
    }


@router.post("/routes", response={201: RouteQueryOut, **ERRORS})
def route_create(request, payload: TransportRouteIn):
    query = writes.route_plan(
        acting_user=request.user,
        request=PlanInput(
            origin=_place(payload.origin),
            destination=_place(payload.destination),
            tonnes=payload.tonnes,
            teu=payload.teu,
            dangerous_goods=payload.dangerous_goods,
            modes=tuple(payload.modes),
            departure=payload.departure,
            deadline=payload.deadline,
            objective=payload.objective,
        ),
    )
    return Status(201, _query_out(query))


@router.get("/routes", response=list[RouteQueryOut])
def route_list(request):
    return [_query_out(q) for q in selectors.route_queries_visible_to(request.user)[:200]]


@router.get("/routes/{number}", response={200: RouteQueryOut, **ERRORS})
def route_detail(request, number: str):
    return _query_out(selectors.route_query_visible_to(request.user, number))


class TravelTimeOut(Schema):
    hours: float | None = Field(description="None when unreachable")


@router.get("/travel-time", response={200: TravelTimeOut, **ERRORS})
def travel_time(request, origin: str, destination: str, modes: str = ""):
    """Static fastest hours between two places (city adcode or hub code; "lat,lon" for a point)."""
    planner, _version = selectors.current_planner()
    chosen = [m for m in modes.split(",") if m] or None
    try:
        return {"hours": planner.travel_time(_text_place(origin), _text_place(destination), modes=chosen)}
    except RoutingError as error:
        raise routing_errors(error) from None
    except ValueError:
        raise ValidationError({"modes": ["Choose modes among road, rail, river, sea and air."]}) from None


def _text_place(text: str):
    if "," in text:
        try:
            lat, lon = (float(v) for v in text.split(","))
        except ValueError:
            return text
        return (lat, lon)
    return text


# --- shipments -----------------------------------------------------------------------------------


class BookIn(Schema):
    route_request: str = Field(max_length=24, description="Number of a route request (RP-…)")
    route_index: int = Field(0, description="Which of its routes, from 0")
    carrier: int | None = Field(None, description="Organisation id of the carrier of the line-haul legs")
    external_reference: str = Field("", max_length=80)


class EventOut(Schema):
    event_id: str
    kind: str
    occurred_at: datetime
    eta: datetime | None
    note: str
    received_at: datetime


class LegOut(Schema):
    seq: int
    mode: str
    origin: str
    destination: str
    carrier: str | None
    planned_departure: datetime
    planned_arrival: datetime
    km: Decimal
    tonne_km: Decimal
    co2_kg: Decimal
    cost: Decimal
    status: str
    eta: datetime
    departed_at: datetime | None
    arrived_at: datetime | None
    events: list[EventOut]


class ShipmentOut(Schema):
    reference: str
    external_reference: str
    route_request: str
    origin: str
    destination: str
    tonnes: Decimal
    dangerous_goods: bool
    booked_at: datetime
    planned_departure: datetime
    planned_arrival: datetime
    planned_cost: Decimal
    planned_co2_kg: Decimal
    road_only_co2_kg: Decimal | None
    status: str
    eta: datetime
    delay_hours: float
    legs: list[LegOut]
    is_demo: bool


def _shipment_out(shipment) -> dict:
    state = selectors.tracked(shipment)
    legs = []
    for leg, leg_state in zip(shipment.legs.all(), state.legs, strict=True):
        legs.append(
            {
                **{f: getattr(leg, f) for f in ("seq", "mode", "planned_departure", "planned_arrival", "km")},
                **{f: getattr(leg, f) for f in ("tonne_km", "co2_kg", "cost")},
                "origin": leg.origin_label,
                "destination": leg.destination_label,
                "carrier": leg.carrier.name if leg.carrier_id else None,
                "status": leg_state.status,
                "eta": leg_state.eta,
                "departed_at": leg_state.departed_at,
                "arrived_at": leg_state.arrived_at,
                "events": list(leg.events.all()),
            }
        )
    fields = ("reference", "external_reference", "origin_label", "destination_label", "tonnes", "dangerous_goods")
    out = {f: getattr(shipment, f) for f in fields}
    out["origin"], out["destination"] = out.pop("origin_label"), out.pop("destination_label")
    for f in ("booked_at", "planned_departure", "planned_arrival", "planned_cost", "planned_co2_kg"):
        out[f] = getattr(shipment, f)
    out.update(
        road_only_co2_kg=shipment.road_only_co2_kg,
        route_request=shipment.route_query.number,
        status=state.status,
        eta=state.eta,
        delay_hours=round(state.delay_hours, 2),
        legs=legs,
        is_demo=shipment.is_demo,
    )
    return out


@router.post("/shipments", response={201: ShipmentOut, **ERRORS})
def shipment_create(request, payload: BookIn, idempotency_key: str | None = Header(None, alias="Idempotency-Key")):
    query = selectors.route_query_visible_to(request.user, payload.route_request)
    carrier = get_object_or_404(Organisation, pk=payload.carrier) if payload.carrier else None
    shipment = writes.shipment_book(
        acting_user=request.user,
        route_query=query,
        route_index=payload.route_index,
        carrier=carrier,
        external_reference=payload.external_reference,
        idempotency_key=idempotency_key,
    )
    return Status(201, _shipment_out(selectors.shipment_visible_to(request.user, shipment.reference)))


@router.get("/shipments", response=list[ShipmentOut])
def shipment_list(request, limit: int = 100):
    visible = selectors.shipments_visible_to(request.user)[: max(1, min(limit, 500))]
    return [_shipment_out(s) for s in selectors.with_ledger(visible)]


@router.get("/shipments/{reference}", response={200: ShipmentOut, **ERRORS})
def shipment_detail(request, reference: str):
    return _shipment_out(selectors.shipment_visible_to(request.user, reference))


class EventIn(Schema):
    event_id: str = Field(max_length=80, description="The carrier's id: sending it again changes nothing")
    kind: str = Field(description="departed | arrived | transferred | delayed")
    occurred_at: datetime
    eta: datetime | None = Field(None, description="New ETA; required for delayed")
    note: str = Field("", max_length=500)


@router.post(
    "/shipments/{reference}/legs/{seq}/events",
    response={200: EventOut, 201: EventOut, **ERRORS},
    auth=[CarrierTokenAuth(), django_auth],
)
def event_create(request, reference: str, seq: int, payload: EventIn):
    token = getattr(request, "carrier_token", None)
    leg = _leg_for_carrier(request.user, token, reference, seq)
    event, created = writes.leg_event_record(
        acting_user=request.user,
        leg=leg,
        event=EventInput(payload.event_id, payload.kind, payload.occurred_at, payload.eta, payload.note),
        carrier_token=token,
    )
    return Status(201 if created else 200, event)


def _leg_for_carrier(user, token, reference: str, seq: int) -> ShipmentLeg:
    leg = (
        ShipmentLeg.objects.select_related("shipment__origin_city", "shipment__destination_city", "carrier")
        .filter(shipment__reference=reference, seq=seq)
        .first()
    )
    if leg is None or not (can(user, CARRY, leg) and (token is None or token.carrier_id == leg.carrier_id)):
        raise ShipmentLeg.DoesNotExist  # 404: a carrier learns nothing of legs it does not run
    return leg


class TokenIn(Schema):
    carrier: int = Field(description="Organisation id of the carrier")
    name: str = Field(max_length=100)


class TokenOut(Schema):
    id: int
    carrier: str
    name: str
    created_at: datetime
    revoked_at: datetime | None
    key: str | None = Field(None, description="Shown once, when the token is created")


@router.post("/carrier-tokens", response={201: TokenOut, **ERRORS})
def token_create(request, payload: TokenIn):
    carrier = get_object_or_404(Organisation, pk=payload.carrier)
    token, key = writes.carrier_token_create(acting_user=request.user, carrier=carrier, name=payload.name)
    return Status(201, {**_token_out(token), "key": key})


@router.get("/carrier-tokens", response=list[TokenOut])
def token_list(request):
    return [_token_out(t) for t in selectors.carrier_tokens_visible_to(request.user)]


@router.delete("/carrier-tokens/{token_id}", response={200: TokenOut, **ERRORS})
def token_revoke(request, token_id: int):
    token = selectors.carrier_tokens_visible_to(request.user).get(pk=token_id)
    return _token_out(writes.carrier_token_revoke(acting_user=request.user, token=token))


def _token_out(token) -> dict:
    return {
        "id": token.pk,
        "carrier": token.carrier.name,
        "name": token.name,
        "created_at": token.created_at,
        "revoked_at": token.revoked_at,
    }


# --- figures -------------------------------------------------------------------------------------


class ThroughputOut(Schema):
    hub: str
    name: str
    city: str
    legs: int
    tonnes: Decimal
    published: str


@router.get("/hubs/throughput", response=list[ThroughputOut], auth=None)
@decorate_view(public_cache)
def hub_throughput(request):
    return [
        {
            "hub": row["hub"].code,
            "name": row["hub"].name,
            "city": row["hub"].city.code,
            "legs": row["legs"],
            "tonnes": row["tonnes"],
            "published": _hub_out(row["hub"])["throughput"],
        }
        for row in selectors.hub_throughput()
    ]
