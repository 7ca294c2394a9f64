"""Every page against every persona, and anonymous visitors: who gets the page, who is refused, who is
sent to log in, and who cannot even learn that a shipment exists."""

import pytest
from django.urls import reverse

from yrd.transport.tests.factories import plan, shipment

pytestmark = pytest.mark.django_db

PERSONAS = ["planner", "other_planner", "dispatcher", "other_dispatcher", "sh_officer", "network_admin", "stranger"]

# persona -> status for: planner page, own request page, shipments list, the shipment page, hubs page
EXPECTED = {
    "planner": (200, 200, 200, 200, 200),
    "other_planner": (200, 404, 200, 404, 200),
    "dispatcher": (403, 404, 200, 200, 200),
    "other_dispatcher": (403, 404, 200, 404, 200),
    "sh_officer": (403, 404, 200, 404, 200),  # Nanjing → Ningbo: not Shanghai's
    "network_admin": (403, 404, 200, 200, 200),
    "stranger": (403, 404, 403, 404, 200),
}


@pytest.fixture
def pages(world):
    query = plan(world.planner)
    booked = shipment(world.planner, carrier=world.carrier)
    return [
        reverse("transport:planner"),
        reverse("transport:route", args=[query.number]),
        reverse("transport:shipments"),
        reverse("transport:shipment", args=[booked.reference]),
        reverse("transport:hubs"),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_exactly_the_pages_its_roles_open(client, world, pages, persona):
    client.force_login(getattr(world, persona))
    assert tuple(client.get(url).status_code for url in pages) == EXPECTED[persona]


def test_anonymous_visitors_are_sent_to_log_in_except_for_the_public_hub_page(client, world, pages):
    statuses = [client.get(url).status_code for url in pages]
    assert statuses == [302, 302, 302, 302, 200]


def test_only_the_carrier_of_a_leg_sees_the_event_form(client, world):
    booked = shipment(world.planner, carrier=world.carrier)
    url = reverse("transport:shipment", args=[booked.reference])
    client.force_login(world.dispatcher)
    assert b"event-form" in client.get(url).content
    client.force_login(world.planner)
    assert b"event-form" not in client.get(url).content
