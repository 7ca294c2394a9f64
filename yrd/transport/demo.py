"""Demo data of the transport app, all marked demo: a shipper, two carriers, the people who plan, carry,
supervise and administer, and shipments booked from real plans on the reference network, with status
events up to now. Every date lies in the past of the day it is loaded; loading again adds nothing."""

import random
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from stdnum.cn import uscc

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_organisation, demo_person
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.writes import organisation_create
from yrd.transport.inputs import EventInput, PlanInput
from yrd.transport.models import Shipment
from yrd.transport.writes import leg_event_record, route_plan, shipment_book

SEED = 9
# (origin, destination, tonnes, allowed modes, objective, days before today, how far it has got)
TRIPS = [
    ("340800", "330200", 400, (), "greenest", 12, "delivered"),
    ("320100", "330200", 120, ("rail",), "cheapest", 9, "delivered"),
    ("310000", "340100", 60, (), "fastest", 6, "delayed"),
    ("340200", "310000", 800, ("river",), "cheapest", 4, "in_transit"),
    ("320300", "330200", 250, ("rail",), "greenest", 2, "in_transit"),
    ("330100", "320100", 30, ("road",), "fastest", 1, "booked"),
]


def _shipper(region) -> Organisation:
    body = "91310000000090009"
    code = body + uscc.calc_check_digit(body)
    return Organisation.objects.filter(uscc=code).first() or organisation_create(
        acting_user=SYSTEM,
        name_zh="长三角演示物流有限公司",
        name_en="YRD Demo Logistics Co., Ltd.",
        kind=Organisation.Kind.ENTERPRISE,
        jurisdiction=region,
        uscc=code,
        is_demo=True,
    )


def _people():
    region = Jurisdiction.objects.get(level="region")
    shanghai = Jurisdiction.objects.get(level="province", code="310000")
    shipper = _shipper(region)
    carrier = demo_organisation("江海演示多式联运公司", "Jianghai Demo Multimodal Carrier", "operator", region)
    planner = demo_person(
        "planner_logistics", "物流规划员（演示）", organisation=shipper, roles=[("logistics_planner", region, shipper)]
    )
    dispatcher = demo_person(
        "carrier_jianghai", "承运调度员（演示）", organisation=carrier, roles=[("carrier_dispatcher", region, carrier)]
    )
    demo_person("transport_officer_31", "上海交通运输监管员（演示）", roles=[("transport_officer", shanghai)])
    demo_person("network_admin", "运输网络管理员（演示）", roles=[("network_admin", region)])
    return planner, dispatcher, carrier


def _book(planner, carrier, trip, now):
    origin, destination, tonnes, modes, objective, days, _progress = trip
    departure = (now - timedelta(days=days)).replace(hour=8, minute=0, second=0, microsecond=0)
    query = route_plan(
        acting_user=planner,
        request=PlanInput(
            origin=origin,
            destination=destination,
            tonnes=tonnes,
            modes=modes,
            departure=departure,
            objective=objective,
            is_demo=True,
        ),
    )
    return shipment_book(
        acting_user=planner,
        route_query=query,
        route_index=0,
        carrier=carrier,
        external_reference=f"DEMO-{days:02d}",
        is_demo=True,
    )


def _report(dispatcher, shipment, progress, rng, now):
    """Events as a carrier would send them, never after `now`; a delayed trip reports its new ETA."""
    for leg in shipment.legs.filter(carrier__isnull=False).order_by("seq"):
        late = timedelta(minutes=rng.randint(0, 90))
        departed = leg.planned_departure + late
        arrived = leg.planned_arrival + late
        if progress == "booked" or departed > now:
            return
        _event(dispatcher, leg, "departed", departed)
        if progress == "delayed":
            _event(dispatcher, leg, "delayed", departed + timedelta(hours=1), eta=arrived + timedelta(hours=30))
            return
        if arrived > now or (progress == "in_transit" and leg.seq == shipment.legs.count() - 1):
            return
        _event(dispatcher, leg, "arrived", arrived)


def _event(dispatcher, leg, kind, at, eta=None):
    leg_event_record(acting_user=dispatcher, leg=leg, event=EventInput(f"demo-{uuid.uuid4().hex[:10]}", kind, at, eta))


@transaction.atomic
def load_demo():
    planner, dispatcher, carrier = _people()
    if not Shipment.objects.filter(is_demo=True).exists():
        rng, now = random.Random(SEED), timezone.now()
        for trip in TRIPS:
            shipment = _book(planner, carrier, trip, now)
            _report(dispatcher, shipment, trip[-1], rng, now)
    return [
        ("planner_logistics", "logistics planner", "YRD Demo Logistics Co., Ltd."),
        ("carrier_jianghai", "carrier dispatcher", "Jianghai Demo Multimodal Carrier"),
        ("transport_officer_31", "transport officer", "Shanghai"),
        ("network_admin", "transport network administrator", "whole region"),
    ]
