"""Booking a planned route as a shipment with legs."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.errors import Conflict
from yrd.transport.models import Shipment
from yrd.transport.tests.factories import plan, shipment
from yrd.transport.writes import shipment_book

pytestmark = pytest.mark.django_db


def test_a_booked_shipment_has_the_legs_of_its_route_and_the_carrier_on_the_line_haul(world):
    booked = shipment(world.planner, carrier=world.carrier)
    route = booked.route_query.routes[0]
    legs = list(booked.legs.order_by("seq"))
    assert [leg.mode for leg in legs] == [leg["mode"] for leg in route["legs"]]
    assert all(leg.carrier == (world.carrier if leg.mode != "road" else None) for leg in legs)
    assert booked.shipper == world.shipper
    assert float(booked.planned_co2_kg) == pytest.approx(route["co2_kg"], abs=0.01)


def test_a_rail_route_saves_co2_against_the_greenest_road_only_route(world):
    booked = shipment(world.planner)
    assert booked.road_only_co2_kg > booked.planned_co2_kg


def test_booking_again_with_the_same_key_returns_the_same_shipment(world):
    query = plan(world.planner)
    first = shipment_book(acting_user=world.planner, route_query=query, route_index=0, idempotency_key="k-1")
    again = shipment_book(acting_user=world.planner, route_query=query, route_index=0, idempotency_key="k-1")
    assert first == again and Shipment.objects.count() == 1
    with pytest.raises(Conflict):
        shipment_book(
            acting_user=world.planner, route_query=query, route_index=0, idempotency_key="k-1", external_reference="x"
        )


def test_a_route_the_request_does_not_have_is_refused(world):
    query = plan(world.planner, objective="fastest")
    with pytest.raises(ValidationError) as error:
        shipment_book(acting_user=world.planner, route_query=query, route_index=3)
    assert "route_index" in error.value.message_dict


def test_another_organisations_planner_may_not_book_from_ones_request(world):
    query = plan(world.planner)
    with pytest.raises(PermissionDenied):
        shipment_book(acting_user=world.other_planner, route_query=query, route_index=0)
