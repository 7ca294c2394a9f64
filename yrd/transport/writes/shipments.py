"""Booking a planned route as a shipment, and recording the status events carriers report on its legs."""

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.transport.apps import CARRY, PLAN
from yrd.transport.inputs import EventInput, PlanInput
from yrd.transport.models import EventKind, LegEvent, RouteQuery, Shipment, ShipmentLeg
from yrd.transport.routing import Cargo, Mode, RouteRequest, RoutingError
from yrd.transport.selectors.network import current_planner

from .planning import route_plan

BOOK = "transport.shipment.book"
PLAN_AND_BOOK = "transport.shipment.plan_and_book"
CLOCK_SKEW = timedelta(hours=1)  # an event "in the future" by more than this is a wrong clock or a typo


@write
def shipment_book(
    *,
    acting_user,
    route_query: RouteQuery,
    route_index: int,
    carrier=None,
    external_reference: str = "",
    idempotency_key: str | None = None,
    is_demo: bool = False,
) -> Shipment:
    require(acting_user, PLAN, route_query)
    request = {"route_query": route_query.number, "route_index": route_index, "carrier": carrier and carrier.pk}
    request["external_reference"] = external_reference
    earlier = idempotency.claim(acting_user=acting_user, operation=BOOK, key=idempotency_key, request=request)
    if earlier is not None:
        return Shipment.objects.get(pk=earlier)
    route = _chosen_route(route_query, route_index, external_reference)
    shipment = Shipment.objects.create(
        reference=f"SH-{timezone.localdate():%y%m%d}-{uuid.uuid4().hex[:6].upper()}",
        external_reference=external_reference,
        route_query=route_query,
        route_index=route_index,
        shipper=route_query.organisation,
        booked_by=person(acting_user),
        booked_at=timezone.now(),
        origin_label=route_query.origin_label,
        destination_label=route_query.destination_label,
        origin_city=route_query.origin_city,
        destination_city=route_query.destination_city,
        tonnes=route_query.tonnes,
        dangerous_goods=route_query.dangerous_goods,
        planned_departure=_time(route["departs"]),
        planned_arrival=_time(route["arrives"]),
        planned_cost=_money(route["cost"]),
        planned_co2_kg=_money(route["co2_kg"]),
        road_only_co2_kg=_road_only_co2(route_query),
        is_demo=is_demo,
    )
    for seq, leg in enumerate(route["legs"], start=1):
        ShipmentLeg.objects.create(
            shipment=shipment,
            seq=seq,
            mode=leg["mode"],
            origin_code=leg["origin"]["code"],
            origin_label=_place_label(leg["origin"]),
            destination_code=leg["destination"]["code"],
            destination_label=_place_label(leg["destination"]),
            planned_departure=_time(leg["departs"]),
            planned_arrival=_time(leg["arrives"]),
            km=Decimal(str(leg["km"])),
            tonne_km=Decimal(str(leg["tonne_km"])),
            co2_kg=_money(leg["co2_kg"]),
            cost=_money(leg["cost"]),
            carrier=carrier if leg["kind"] == "haul" else None,
        )
    idempotency.fulfil(acting_user=acting_user, operation=BOOK, key=idempotency_key, result_id=shipment.pk)
    audit_record(
        actor=acting_user,
        action="transport.shipment.book",
        obj=shipment,
        jurisdiction=shipment.origin_city.code if shipment.origin_city else "",
        data={"route_query": route_query.number, "route_index": route_index, "legs": len(route["legs"])},
    )
    return shipment


@write
def shipment_plan_and_book(
    *, acting_user, request: PlanInput, external_reference: str, idempotency_key: str | None = None
) -> Shipment:
    """Plan with `request.objective` (one route) and book it: what another module's dispatch needs."""
    require(acting_user, PLAN)
    fingerprint = {**{k: str(v) for k, v in request.__dict__.items()}, "external_reference": external_reference}
    earlier = idempotency.claim(
        acting_user=acting_user, operation=PLAN_AND_BOOK, key=idempotency_key, request=fingerprint
    )
    if earlier is not None:
        return Shipment.objects.get(pk=earlier)
    if request.objective == "pareto":
        raise ValidationError({"objective": [_("Book one route: cheapest, fastest or greenest.")]})
    query = route_plan(acting_user=acting_user, request=request)
    shipment = shipment_book(
        acting_user=acting_user, route_query=query, route_index=0, external_reference=external_reference
    )
    idempotency.fulfil(acting_user=acting_user, operation=PLAN_AND_BOOK, key=idempotency_key, result_id=shipment.pk)
    return shipment


def _chosen_route(route_query, route_index, external_reference) -> dict:
    errors = {}
    if not isinstance(route_index, int) or not 0 <= route_index < len(route_query.routes):
        errors["route_index"] = [_("Choose one of the %(n)d routes of this request.") % {"n": len(route_query.routes)}]
    if len(external_reference) > 80:
        errors["external_reference"] = [_("At most 80 characters.")]
    if errors:
        raise ValidationError(errors)
    return route_query.routes[route_index]


def _road_only_co2(route_query: RouteQuery) -> Decimal | None:
    """The CO2 of the greenest road-only route between the same places: the baseline of "CO2 saved"."""
    planner, _version = current_planner()
    origin = _place(route_query.origin)
    destination = _place(route_query.destination)
    request = RouteRequest(
        origin,
        destination,
        Cargo(tonnes=float(route_query.tonnes), dangerous_goods=route_query.dangerous_goods),
        route_query.departure,
        frozenset({Mode.ROAD}),
        objective="greenest",
    )
    try:
        return _money(planner.plan(request).routes[0].co2_kg)
    except RoutingError:
        return None


def _place(text: str):
    if "," in text:
        lat, lon = text.split(",")
        return float(lat), float(lon)
    return text


def _place_label(place: dict) -> str:
    if place["kind"] == "point":
        return f"{place['lat']:.4f}, {place['lon']:.4f}"
    return f"{place['name_zh']} {place['name_en']}".strip()


def _time(text: str) -> datetime:
    return parse_datetime(text)


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))


@write
def leg_event_record(*, acting_user, leg: ShipmentLeg, event: EventInput, carrier_token=None) -> tuple[LegEvent, bool]:
    """Returns (event, created). The same event sent again returns the stored one; the same event id with
    different content is refused (409), so a carrier's bug cannot silently overwrite what it reported."""
    require(acting_user, CARRY, leg)
    if carrier_token is not None and carrier_token.carrier_id != leg.carrier_id:
        raise PermissionDenied(_("This carrier token is not for the carrier of this leg."))
    _validate_event(event)
    stored = LegEvent.objects.filter(shipment_id=leg.shipment_id, event_id=event.event_id).first()
    if stored is not None:
        return _replayed(stored, leg, event), False
    try:
        with transaction.atomic():
            created = LegEvent.objects.create(
                shipment_id=leg.shipment_id,
                leg=leg,
                event_id=event.event_id,
                kind=event.kind,
                occurred_at=event.occurred_at,
                eta=event.eta,
                note=event.note,
                recorded_by=person(acting_user),
                carrier_token=carrier_token,
            )
    except IntegrityError:  # the same event id committed by a concurrent request
        return _replayed(LegEvent.objects.get(shipment_id=leg.shipment_id, event_id=event.event_id), leg, event), False
    audit_record(
        actor=acting_user,
        action="transport.leg_event.record",
        obj=created,
        jurisdiction=leg.shipment.origin_city.code if leg.shipment.origin_city_id else "",
        data={"shipment": leg.shipment.reference, "leg": leg.seq, "kind": event.kind, "event_id": event.event_id},
    )
    return created, True


def _validate_event(event: EventInput) -> None:
    errors = {}
    if not event.event_id or len(event.event_id) > 80:
        errors["event_id"] = [_("Give an event id of 1 to 80 characters.")]
    if event.kind not in EventKind.values:
        errors["kind"] = [_("The kind must be one of: departed, arrived, transferred, delayed.")]
    if event.occurred_at is None or timezone.is_naive(event.occurred_at):
        errors["occurred_at"] = [_("Give the time the event happened, with its time zone.")]
    elif event.occurred_at > timezone.now() + CLOCK_SKEW:
        errors["occurred_at"] = [_("The event cannot have happened in the future.")]
    if event.kind == EventKind.DELAYED and event.eta is None:
        errors["eta"] = [_("A delay needs the new ETA.")]
    elif event.eta is not None and (
        timezone.is_naive(event.eta) or (event.occurred_at and event.eta < event.occurred_at)
    ):
        errors["eta"] = [_("The new ETA must have a time zone and lie after the event.")]
    if len(event.note) > 500:
        errors["note"] = [_("At most 500 characters.")]
    if errors:
        raise ValidationError(errors)


def _replayed(stored: LegEvent, leg: ShipmentLeg, event: EventInput) -> LegEvent:
    same = (
        stored.leg_id == leg.pk
        and stored.kind == event.kind
        and stored.occurred_at == event.occurred_at
        and stored.eta == event.eta
        and stored.note == event.note
    )
    if not same:
        raise Conflict(
            _("The event id %(id)s was already used for a different event of this shipment.") % {"id": event.event_id},
            code="event_id_reused",
        )
    return stored
