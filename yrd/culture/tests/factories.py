"""Resources, components, projects and bookings for the culture tests (other apps may import)."""

import itertools
from datetime import time, timedelta

from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction
from yrd.culture import writes
from yrd.culture.inputs import ResourceInput
from yrd.culture.models import HeritageResource
from yrd.culture.writes.slots import SlotInput
from yrd.culture.writes.visits import BookingInput

_serial = itertools.count(1)

# Zhouzhuang's historic core (approximate) and a square around it.
ZHOUZHUANG = (120.8497, 31.1163)


def square(centre=ZHOUZHUANG, half=0.005) -> dict:
    lon, lat = centre
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def point(lon=ZHOUZHUANG[0], lat=ZHOUZHUANG[1]) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def resource_input(city="320500", **fields) -> ResourceInput:
    defaults = {
        "code": f"site-{next(_serial)}",
        "city": jurisdiction(city, "city"),
        "kind": HeritageResource.Kind.BUILDING,
        "name_zh": "测试古建筑",
        "name_en": "Test building",
        "protection": HeritageResource.Protection.PROVINCIAL,
        "listing_document": "苏政发〔2019〕1号",
        "geometry": point(),
        "published": True,
    }
    return ResourceInput(**(defaults | fields))


def resource(city="320500", **fields) -> HeritageResource:
    return writes.resource_save(acting_user=SYSTEM, data=resource_input(city, **fields))


def town(city="320500", centre=ZHOUZHUANG, **fields) -> HeritageResource:
    return resource(
        city,
        kind=HeritageResource.Kind.WATER_TOWN,
        name_zh="周庄",
        name_en="Zhouzhuang",
        geometry=point(*centre),
        **fields,
    )


def component(town_resource=None, **fields):
    town_resource = town_resource or town()
    centre = (town_resource.longitude, town_resource.latitude)
    return writes.component_save(
        acting_user=SYSTEM,
        resource=town_resource,
        boundary=square(centre, 0.005),
        buffer_zone=square(centre, 0.02),
        **fields,
    )


def bookable(capacity=10, city="320500", **fields) -> HeritageResource:
    return resource(city, daily_capacity=capacity, **fields)


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def booking(size=2, day=None, **fields) -> BookingInput:
    defaults = {"contact_name": "张三", "contact_phone": "13800000000"}
    return BookingInput(visit_date=day or tomorrow(), party_size=size, **(defaults | fields))


def book(site, user, size=2, **fields):
    return writes.reservation_book(acting_user=user, resource=site, data=booking(size, **fields))


def hourly(site, *capacities, first_hour=9) -> list:
    """Give `site` back-to-back hourly entries from `first_hour` with these capacities."""
    entries = [
        SlotInput(starts=time(first_hour + n), ends=time(first_hour + n + 1), capacity=c)
        for n, c in enumerate(capacities)
    ]
    return writes.entry_slots_save(acting_user=SYSTEM, resource=site, slots=entries)
