"""The pages as a person uses them: plan with the form, book, report an event, in both languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from yrd.transport.models import LegEvent, RouteQuery, Shipment

pytestmark = pytest.mark.django_db

FORM = {
    "origin": "320100",
    "destination": "330200",
    "tonnes": "100",
    "departure": "2026-03-02T08:00",
    "objective": "pareto",
    "modes": ["rail", "road"],
}


def test_a_planner_plans_with_the_form_and_sees_routes_chart_and_map(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("transport:planner"), FORM)
    query = RouteQuery.objects.get()
    assert response.status_code == 302 and response.url == reverse("transport:route", args=[query.number])
    page = client.get(response.url).content.decode()
    assert 'data-echarts="chart-pareto"' in page and 'data-map-name="yrd"' in page
    assert "Book route 1 as a shipment" in page


def test_a_form_with_an_unknown_cargo_size_says_what_is_missing(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("transport:planner"), {**FORM, "tonnes": ""})
    assert response.status_code == 200 and "either in tonnes or in TEU" in response.content.decode()
    assert not RouteQuery.objects.exists()


def test_an_unmeetable_deadline_is_shown_on_its_field(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("transport:planner"), {**FORM, "deadline": "2026-03-02T09:00"})
    assert "No route arrives by the deadline" in response.content.decode()


def test_booking_from_the_route_page_and_reporting_from_the_tracking_page(client, world):
    client.force_login(world.planner)
    client.post(reverse("transport:planner"), FORM)
    query = RouteQuery.objects.get()
    booked = client.post(
        reverse("transport:book", args=[query.number]),
        {"route_index": 0, "carrier": world.carrier.pk, "idempotency_key": "form-1", "external_reference": "PO-7"},
    )
    shipment = Shipment.objects.get()
    assert booked.url == reverse("transport:shipment", args=[shipment.reference])
    rail = shipment.legs.get(mode="rail")
    client.force_login(world.dispatcher)
    prefix = f"leg{rail.seq}"
    report = {
        f"{prefix}-kind": "departed",
        f"{prefix}-occurred_at": "2026-03-02T10:00",
        f"{prefix}-event_id": "form-e-1",
    }
    url = reverse("transport:event", args=[shipment.reference, rail.seq])
    client.post(url, report)
    client.post(url, report)  # the form sent twice
    assert LegEvent.objects.count() == 1
    assert "departed" in client.get(reverse("transport:shipment", args=[shipment.reference])).content.decode()


def test_the_pages_speak_chinese(client, world):
    client.force_login(world.planner)
    with translation.override("zh-hans"):
        page = client.get(reverse("transport:planner"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "多式联运路线规划" in page
