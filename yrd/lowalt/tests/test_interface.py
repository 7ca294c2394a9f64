"""The emergency module files medical flights through the interface; they take precedence over normal ones."""

import pytest

from yrd.lowalt import interface
from yrd.lowalt.models import IntentState
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db


def test_an_emergency_flight_filed_through_the_interface_displaces_a_delivery(world):
    delivery = f.file(world.pilot, world.light).intent
    filing = interface.file_emergency_flight(
        acting_user=world.medic,
        operator=world.medical,
        aircraft=world.medical_light.registration,
        purpose="Blood transfer",
        route=f.SHANGHAI_STREET,
        start=f.tomorrow_at(10, 5),
        end=f.tomorrow_at(10, 35),
    )
    delivery.refresh_from_db()
    assert filing.accepted and filing.number and delivery.state == IntentState.DISPLACED
    assert interface.public_figures()["approved_operations"] == 1


def test_an_emergency_flight_into_another_emergency_gets_the_nearest_free_start(world):
    options = dict(acting_user=world.medic, operator=world.medical, aircraft=world.medical_light.registration)
    route = dict(purpose="Blood", route=f.SHANGHAI_STREET, start=f.tomorrow_at(10), end=f.tomorrow_at(10, 30))
    assert interface.file_emergency_flight(**options, **route).accepted
    second = interface.file_emergency_flight(**options, **route)
    assert not second.accepted and second.free_start == f.tomorrow_at(10, 30)
