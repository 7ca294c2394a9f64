"""Carriers' status events: idempotent by event id, ordered by the time they happened, scoped to the
legs the carrier runs."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from yrd.core.errors import Conflict
from yrd.transport import selectors
from yrd.transport.inputs import EventInput
from yrd.transport.models import LegEvent
from yrd.transport.tests.factories import shipment
from yrd.transport.writes import leg_event_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def rail_leg(world):
    booked = shipment(world.planner, carrier=world.carrier)
    return booked.legs.get(mode="rail")


def report(world, leg, event_id, kind, at, eta=None, by=None):
    return leg_event_record(acting_user=by or world.dispatcher, leg=leg, event=EventInput(event_id, kind, at, eta))


def test_the_same_event_sent_twice_is_stored_once(world, rail_leg):
    at = rail_leg.planned_departure
    first, created = report(world, rail_leg, "e-1", "departed", at)
    again, created_again = report(world, rail_leg, "e-1", "departed", at)
    assert created and not created_again and first == again
    assert LegEvent.objects.count() == 1


def test_an_event_id_reused_for_another_event_is_refused(world, rail_leg):
    report(world, rail_leg, "e-1", "departed", rail_leg.planned_departure)
    with pytest.raises(Conflict):
        report(world, rail_leg, "e-1", "arrived", rail_leg.planned_arrival)


def test_events_arriving_out_of_order_leave_the_state_right(world, rail_leg):
    report(world, rail_leg, "b", "arrived", rail_leg.planned_arrival + timedelta(hours=3))
    report(world, rail_leg, "a", "departed", rail_leg.planned_departure + timedelta(hours=3))
    state = selectors.tracked(selectors.shipment_visible_to(world.planner, rail_leg.shipment.reference))
    rail = next(s for leg, s in zip(rail_leg.shipment.legs.order_by("seq"), state.legs, strict=True) if leg == rail_leg)
    assert rail.status == "arrived"
    assert rail.arrived_at == rail_leg.planned_arrival + timedelta(hours=3)
    assert state.delay_hours >= 3 - 1e-9


def test_a_delay_updates_the_eta_of_the_shipment(world, rail_leg):
    eta = rail_leg.planned_arrival + timedelta(hours=10)
    report(world, rail_leg, "d", "delayed", rail_leg.planned_departure, eta=eta)
    state = selectors.tracked(selectors.shipment_visible_to(world.planner, rail_leg.shipment.reference))
    assert state.eta >= eta and state.delay_hours >= 10 - 1e-9


def test_a_carrier_may_not_report_on_legs_it_does_not_run(world, rail_leg):
    with pytest.raises(PermissionDenied):
        report(world, rail_leg, "x", "departed", rail_leg.planned_departure, by=world.other_dispatcher)
    with pytest.raises(PermissionDenied):
        report(world, rail_leg, "x", "departed", rail_leg.planned_departure, by=world.planner)


@pytest.mark.parametrize(
    ("kind", "shift", "eta", "field"),
    [
        ("teleported", 0, None, "kind"),
        ("departed", 48 * 365, None, "occurred_at"),
        ("delayed", 0, None, "eta"),
        ("delayed", 0, -5, "eta"),
    ],
)
def test_bad_events_are_refused_naming_the_field(world, rail_leg, kind, shift, eta, field):
    at = timezone.now() + timedelta(hours=shift) if shift else rail_leg.planned_departure
    with pytest.raises(ValidationError) as error:
        report(world, rail_leg, "bad", kind, at, eta=at + timedelta(hours=eta) if eta is not None else None)
    assert field in error.value.message_dict
    assert not LegEvent.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two connections to PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_carriers_systems_sending_one_event_at_once_store_it_once(world, rail_leg):
    at, results, errors = rail_leg.planned_departure, [], []

    def send():
        try:
            results.append(report(world, rail_leg, "same", "departed", at)[1])
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and sorted(results) == [False, True]
    assert LegEvent.objects.filter(event_id="same").count() == 1
