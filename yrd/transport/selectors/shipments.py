"""Reads of route requests, shipments and carrier tokens, each scoped by who asks:

- a logistics planner (transport.plan) sees its organisation's requests and shipments;
- a transport officer (transport.track) sees the shipments leaving or reaching its jurisdiction;
- a carrier (transport.carry) sees the shipments with a leg it runs, and its own tokens.
Hub throughput is public: counts and tonnes per hub, no shipment named."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch

from yrd.core.access import filter_visible
from yrd.transport.apps import CARRY, PLAN, TRACK
from yrd.transport.models import CarrierToken, Hub, LegEvent, RouteQuery, Shipment, ShipmentLeg
from yrd.transport.tracking import ShipmentState, shipment_state

CITY_FIELDS = ["origin_city", "destination_city"]


def route_queries_visible_to(user):
    own = RouteQuery.objects.filter(requested_by=user.pk) if getattr(user, "is_authenticated", False) else None
    scoped = filter_visible(
        RouteQuery.objects.all(), user, PLAN, jurisdiction_fields=CITY_FIELDS, organisation_field="organisation"
    )
    return (scoped | own if own is not None else scoped).distinct()


def route_query_visible_to(user, number: str) -> RouteQuery:
    return route_queries_visible_to(user).get(number=number)


def shipments_visible_to(user):
    base = Shipment.objects.all()
    visible = (
        filter_visible(base, user, PLAN, jurisdiction_fields=CITY_FIELDS, organisation_field="shipper")
        | filter_visible(base, user, TRACK, jurisdiction_fields=CITY_FIELDS)
        | filter_visible(base, user, CARRY, jurisdiction_fields=CITY_FIELDS, organisation_field="legs__carrier")
    )
    return Shipment.objects.filter(pk__in=visible.values("pk")).select_related("shipper").order_by("-booked_at")


def with_ledger(queryset):
    legs = ShipmentLeg.objects.select_related("carrier").prefetch_related(
        Prefetch("events", queryset=LegEvent.objects.order_by("occurred_at", "received_at", "pk"))
    )
    return queryset.prefetch_related(Prefetch("legs", queryset=legs))


def shipment_visible_to(user, reference: str) -> Shipment:
    return with_ledger(shipments_visible_to(user)).get(reference=reference)


def tracked(shipment: Shipment) -> ShipmentState:
    legs = list(shipment.legs.all())
    return shipment_state(legs, {leg.pk: list(leg.events.all()) for leg in legs})


def tracked_list(queryset) -> list[tuple[Shipment, ShipmentState]]:
    return [(s, tracked(s)) for s in with_ledger(queryset)]


def carrier_tokens_visible_to(user):
    return filter_visible(
        CarrierToken.objects.select_related("carrier", "created_by"),
        user,
        CARRY,
        jurisdiction_fields=["carrier__jurisdiction"],
        organisation_field="carrier",
    )


def hub_throughput() -> list[dict]:
    """Per active hub: legs booked to or from it, tonnes loaded or unloaded there, and the published
    annual throughput with its source."""
    legs, tonnes = defaultdict(int), defaultdict(Decimal)
    for code, shipment_tonnes in ShipmentLeg.objects.values_list("origin_code", "shipment__tonnes"):
        legs[code] += 1
        tonnes[code] += shipment_tonnes
    for code, shipment_tonnes in ShipmentLeg.objects.values_list("destination_code", "shipment__tonnes"):
        legs[code] += 1
        tonnes[code] += shipment_tonnes
    return [
        {"hub": hub, "legs": legs.get(hub.code, 0), "tonnes": tonnes.get(hub.code, Decimal(0))}
        for hub in Hub.objects.filter(is_active=True).select_related("city").order_by("city__path", "code")
    ]


def shipments_include_demo() -> bool:
    return Shipment.objects.filter(is_demo=True).exists()
