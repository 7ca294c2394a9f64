"""The transport API as a program uses it: public network, planning, booking, tracking, carrier events."""

import json
from datetime import timedelta

import pytest
from django.utils.dateparse import parse_datetime

from yrd.transport.models import LegEvent, Shipment

pytestmark = pytest.mark.django_db


def post(client, url, payload, **headers):
    return client.post(url, json.dumps(payload, default=str), content_type="application/json", **headers)


ROUTE = {
    "origin": "320100",
    "destination": "330200",
    "tonnes": 100,
    "modes": ["rail"],
    "objective": "cheapest",
    "departure": "2026-03-02T08:00:00+08:00",
}


def test_the_network_and_its_parameters_are_public(client, world):
    hubs = client.get("/api/transport/network/hubs").json()
    assert any(h["code"] == "NJ_PORT" for h in hubs)
    links = client.get("/api/transport/network/links").json()
    assert any(link["code"] == "R01" and link["distance_km"] for link in links)
    parameters = client.get("/api/transport/network/parameters").json()
    assert "GLEC" in parameters["modes"]["air"]["co2_kg_per_tkm"]["source"]
    export = client.get("/api/transport/network/export?kind=links&format=geojson")
    assert export.status_code == 200 and export.json()["type"] == "FeatureCollection"


def test_a_planner_plans_and_books_and_a_retry_books_once(client, world):
    client.force_login(world.planner)
    planned = post(client, "/api/transport/routes", ROUTE)
    assert planned.status_code == 201
    number = planned.json()["number"]
    assert planned.json()["routes"][0]["legs"] and planned.json()["parameters"]["modes"]["rail"]
    body = {"route_request": number, "route_index": 0, "carrier": world.carrier.pk}
    first = post(client, "/api/transport/shipments", body, HTTP_IDEMPOTENCY_KEY="book-1")
    again = post(client, "/api/transport/shipments", body, HTTP_IDEMPOTENCY_KEY="book-1")
    assert first.status_code == 201 and again.json()["reference"] == first.json()["reference"]
    assert Shipment.objects.count() == 1
    clash = post(client, "/api/transport/shipments", {**body, "external_reference": "x"}, HTTP_IDEMPOTENCY_KEY="book-1")
    assert clash.status_code == 409 and clash.json()["code"] == "idempotency_key_reused"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"destination": "NOWHERE"}, "destination"),
        ({"tonnes": -1}, "tonnes"),
        ({"modes": ["sea"], "origin": "340100", "destination": "330300"}, "destination"),
        ({"deadline": "2026-03-02T09:00:00+08:00"}, "deadline"),
        ({"modes": ["air"], "tonnes": 500}, "modes"),
        ({"origin": [91, 10]}, "origin"),
    ],
)
def test_bad_route_requests_get_a_400_naming_the_field(client, world, change, field):
    client.force_login(world.planner)
    response = post(client, "/api/transport/routes", {**ROUTE, **change})
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid" and field in response.json()["errors"]


def test_planning_needs_credentials_and_the_planner_role(client, world):
    assert post(client, "/api/transport/routes", ROUTE).status_code == 401
    client.force_login(world.stranger)
    assert post(client, "/api/transport/routes", ROUTE).status_code == 403


def test_travel_time_answers_hours_or_none(client, world):
    client.force_login(world.planner)
    assert client.get("/api/transport/travel-time?origin=310000&destination=320100").json()["hours"] > 0
    unreachable = client.get("/api/transport/travel-time?origin=340100&destination=330300&modes=sea")
    assert unreachable.json() == {"hours": None}
    assert client.get("/api/transport/travel-time?origin=310000&destination=XX").status_code == 400


@pytest.fixture
def booked(client, world):
    client.force_login(world.planner)
    number = post(client, "/api/transport/routes", ROUTE).json()["number"]
    reference = post(client, "/api/transport/shipments", {"route_request": number, "carrier": world.carrier.pk}).json()
    client.logout()
    return reference


def carrier_key(client, world, dispatcher, carrier):
    client.force_login(dispatcher)
    created = post(client, "/api/transport/carrier-tokens", {"carrier": carrier.pk, "name": "TMS"})
    client.logout()
    assert created.status_code == 201
    return created.json()["key"], created.json()["id"]


def test_a_carrier_token_reports_events_once_on_its_own_legs_only(client, world, booked):
    key, _ = carrier_key(client, world, world.dispatcher, world.carrier)
    rail = next(leg for leg in booked["legs"] if leg["mode"] == "rail")
    url = f"/api/transport/shipments/{booked['reference']}/legs/{rail['seq']}/events"
    event = {"event_id": "tms-1", "kind": "departed", "occurred_at": rail["planned_departure"]}
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert post(client, url, event, **auth).status_code == 201
    assert post(client, url, event, **auth).status_code == 200
    assert LegEvent.objects.count() == 1
    other_key, _ = carrier_key(client, world, world.other_dispatcher, world.other_carrier)
    refused = post(client, url, {**event, "event_id": "x"}, HTTP_AUTHORIZATION=f"Bearer {other_key}")
    assert refused.status_code == 404


def test_a_revoked_carrier_token_no_longer_works(client, world, booked):
    key, token_id = carrier_key(client, world, world.dispatcher, world.carrier)
    client.force_login(world.dispatcher)
    assert client.delete(f"/api/transport/carrier-tokens/{token_id}").json()["revoked_at"]
    client.logout()
    rail = next(leg for leg in booked["legs"] if leg["mode"] == "rail")
    url = f"/api/transport/shipments/{booked['reference']}/legs/{rail['seq']}/events"
    event = {"event_id": "tms-2", "kind": "departed", "occurred_at": rail["planned_departure"]}
    assert post(client, url, event, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_tracking_shows_the_eta_after_a_delay(client, world, booked):
    key, _ = carrier_key(client, world, world.dispatcher, world.carrier)
    rail = next(leg for leg in booked["legs"] if leg["mode"] == "rail")
    url = f"/api/transport/shipments/{booked['reference']}/legs/{rail['seq']}/events"
    eta = parse_datetime(rail["planned_arrival"]) + timedelta(hours=12)
    delayed = {"event_id": "d-1", "kind": "delayed", "occurred_at": rail["planned_departure"], "eta": eta.isoformat()}
    assert post(client, url, delayed, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 201
    client.force_login(world.planner)
    tracked = client.get(f"/api/transport/shipments/{booked['reference']}").json()
    assert tracked["delay_hours"] >= 12 and tracked["status"] == "booked"


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("planner", True),
        ("other_planner", False),
        ("dispatcher", True),
        ("other_dispatcher", False),
        ("sh_officer", False),  # Nanjing → Ningbo: neither end in Shanghai
        ("ah_officer", False),
        ("network_admin", True),  # transport.track across the region
        ("stranger", False),
    ],
)
def test_each_persona_sees_only_the_shipments_it_may(client, world, booked, persona, sees):
    client.force_login(getattr(world, persona))
    listed = [s["reference"] for s in client.get("/api/transport/shipments").json()]
    detail = client.get(f"/api/transport/shipments/{booked['reference']}")
    assert (booked["reference"] in listed) == sees
    assert detail.status_code == (200 if sees else 404)
