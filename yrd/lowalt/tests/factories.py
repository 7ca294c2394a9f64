"""Operators, aircraft, officers and flight plans for the low-altitude tests (other apps may import)."""

import itertools
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.models import Organisation
from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.lowalt import writes
from yrd.lowalt.deconfliction import VolumeInput
from yrd.lowalt.demo import demo_uscc
from yrd.lowalt.writes.intents import IntentInput
from yrd.lowalt.writes.registry import AircraftInput

_serial = itertools.count(100)

# A street in Minhang, Shanghai (far from the reference airport zones), and one in Suzhou.
SHANGHAI_STREET = [[121.40, 31.10], [121.42, 31.11]]
SUZHOU_TO_SHANGHAI = [[120.62, 31.30], [121.32, 31.19]]


def operator(city="310000", name=None):
    number = next(_serial)
    return OrganisationFactory(
        kind=Organisation.Kind.OPERATOR,
        jurisdiction=jurisdiction(city),
        name_zh=name or f"测试运营人{number}",
        name_en=name or f"Test operator {number}",
        uscc=demo_uscc(city, number),
    )


def operator_person(organisation, role="uas_operator"):
    return person(role, "YRD", organisation=organisation)


def aircraft(organisation, aircraft_class="light", empty="3.000", takeoff="6.000", registration=None):
    data = AircraftInput(
        registration or f"TEST-{next(_serial):06d}", "Test model", aircraft_class, Decimal(empty), Decimal(takeoff)
    )
    return writes.aircraft_register(acting_user=SYSTEM, operator=organisation, data=data)


def tomorrow_at(hour, minute=0):
    return timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(hour, minute)))


def volume(start=None, minutes=30, lower=30, upper=60, outline=None, kind="route", buffer_m=30):
    start = start or tomorrow_at(10)
    return VolumeInput(
        kind, outline or SHANGHAI_STREET, buffer_m, lower, upper, start, start + timedelta(minutes=minutes)
    )


def plan(craft, *volumes, purpose="Delivery", emergency=False):
    return IntentInput(craft.registration, purpose, list(volumes) or [volume()], emergency)


def file(user, craft, *volumes, **options):
    """Submit through the write as `user` for the aircraft's operator; returns the Outcome."""
    data = plan(craft, *volumes, emergency=options.pop("emergency", False))
    return writes.intent_submit(acting_user=user, operator=craft.operator, data=data, **options)
