"""The functions other modules call: on the network in the database, before and after it changes."""

from datetime import UTC, datetime

import numpy as np
import pytest
from django.core.exceptions import PermissionDenied

from yrd.core.actors import SYSTEM
from yrd.core.errors import Conflict
from yrd.transport import interface
from yrd.transport.models import Hub, Link, Shipment

pytestmark = pytest.mark.django_db


def test_travel_times_come_from_the_network_in_the_database(world):
    before = interface.travel_time("310000", "320100", modes=["road"])
    link = Link.objects.get(code="E01")
    link.is_active = False
    link.save()
    after = interface.travel_time("310000", "320100", modes=["road"])
    assert after > before  # the Shanghai-Nanjing expressway corridor is gone: a longer way round


def test_the_matrix_answers_hours_with_inf_where_unreachable(world):
    places = ["310000", "NJ_PORT", (30.3, 120.2)]
    matrix = interface.travel_time_matrix(places, places + ["330300"], modes=["rail", "road"])
    assert matrix.shape == (3, 4) and np.isfinite(matrix[:, :3]).all()
    sea_only = interface.travel_time_matrix(["340100"], ["330300"], modes=["sea"])
    assert sea_only[0, 0] == np.inf and interface.travel_time("340100", "330300", modes=["sea"]) is None


def test_plan_route_answers_without_storing(world):
    plan = interface.plan_route(
        interface.RouteRequest("340800", "330200", interface.Cargo(tonnes=10), datetime(2026, 3, 2, 8, tzinfo=UTC))
    )
    assert plan.routes and plan.cheapest.cost <= plan.fastest.cost


def test_an_empty_database_falls_back_to_the_reference_network(reference):
    assert not Hub.objects.exists()
    assert interface.travel_time("310000", "320100") > 0


def test_shipment_book_plans_books_and_returns_the_reference_once_per_key(world):
    kwargs = dict(origin="320100", destination=(29.9, 121.6), tonnes=20, reference="DISPATCH-9", idempotency_key="d-9")
    reference = interface.shipment_book(acting_user=world.planner, **kwargs)
    assert interface.shipment_book(acting_user=world.planner, **kwargs) == reference
    shipment = Shipment.objects.get(reference=reference)
    assert shipment.external_reference == "DISPATCH-9" and shipment.shipper == world.shipper
    with pytest.raises(Conflict):
        interface.shipment_book(acting_user=world.planner, **{**kwargs, "tonnes": 30})


def test_shipment_book_needs_the_planning_action_or_the_system(world):
    with pytest.raises(PermissionDenied):
        interface.shipment_book(
            acting_user=world.stranger,
            origin="320100",
            destination="330200",
            tonnes=5,
            reference="r",
            idempotency_key="k",
        )
    reference = interface.shipment_book(
        acting_user=SYSTEM, origin="320100", destination="330200", tonnes=5, reference="r", idempotency_key="k"
    )
    assert Shipment.objects.get(reference=reference).shipper is None


def test_bad_places_raise_the_routing_errors_other_modules_catch(world):
    with pytest.raises(interface.UnknownPlace):
        interface.travel_time("310000", "NOWHERE")
    with pytest.raises(interface.RoutingError):
        interface.travel_time_matrix([(45.0, 90.0)], ["310000"])
