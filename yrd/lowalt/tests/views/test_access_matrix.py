"""Every page against every persona: the public map for all; the timeline for those who file or oversee
flights; flight plans for operators (their own only); the queue for airspace officers."""

from datetime import timedelta

import pytest

from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db

PERSONAS = ["pilot", "other_pilot", "sh_officer", "js_officer", "stranger", "anonymous"]

EXPECTED = {  # page -> status per persona (302: sent to log in)
    "map": dict.fromkeys(PERSONAS, 200),
    "timeline": {
        "pilot": 200,
        "other_pilot": 200,
        "sh_officer": 200,
        "js_officer": 200,
        "stranger": 403,
        "anonymous": 302,
    },
    "intents": {
        "pilot": 200,
        "other_pilot": 200,
        "sh_officer": 403,
        "js_officer": 403,
        "stranger": 403,
        "anonymous": 302,
    },
    "new": {"pilot": 200, "other_pilot": 200, "sh_officer": 403, "js_officer": 403, "stranger": 403, "anonymous": 302},
    "own intent": {
        "pilot": 200,
        "other_pilot": 403,
        "sh_officer": 200,
        "js_officer": 403,
        "stranger": 403,
        "anonymous": 302,
    },
    "queue": {
        "pilot": 403,
        "other_pilot": 403,
        "sh_officer": 200,
        "js_officer": 200,
        "stranger": 403,
        "anonymous": 302,
    },
    "export": dict.fromkeys(PERSONAS, 200),
}


@pytest.fixture
def pages(world):
    number = f.file(world.pilot, world.light).intent.number
    return {
        "map": "/lowalt/",
        "timeline": "/lowalt/timeline/?city=310000",
        "intents": "/lowalt/intents/",
        "new": "/lowalt/intents/new/",
        "own intent": f"/lowalt/intents/{number}/",
        "queue": "/lowalt/queue/",
        "export": "/lowalt/restrictions/310000.geojson",
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_exactly_the_pages_its_role_allows(client, world, pages, persona):
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    found = {page: client.get(url).status_code for page, url in pages.items()}
    assert found == {page: EXPECTED[page][persona] for page in pages}


def test_the_map_names_an_intent_only_to_its_operator_and_its_province(client, world, pages):
    number = pages["own intent"].split("/")[-2]
    day = f.tomorrow_at(0).date().isoformat()
    for persona, named in (("pilot", True), ("other_pilot", False), ("sh_officer", True), ("js_officer", False)):
        client.force_login(getattr(world, persona))
        assert (number in client.get(f"/lowalt/?day={day}").content.decode()) == named, persona


def test_the_filing_form_refuses_taken_airspace_and_offers_the_free_window(client, world):
    f.file(world.pilot, world.light)
    client.force_login(world.other_pilot)
    start = f.tomorrow_at(10, 10)
    answer = client.post(
        "/lowalt/intents/new/",
        {
            "aircraft": world.other_light.registration,
            "purpose": "Delivery",
            "kind": "route",
            "outline": "121.40, 31.10\n121.42, 31.11",
            "buffer_m": 30,
            "lower_m": 30,
            "upper_m": 60,
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": (start + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    page = answer.content.decode()
    assert answer.status_code == 200 and "Refused: the airspace is taken" in page and 'id="free-window"' in page


def test_one_click_files_the_refused_plan_in_the_offered_window(client, world):
    f.file(world.pilot, world.light)
    client.force_login(world.other_pilot)
    start = f.tomorrow_at(10, 10)
    fields = {
        "aircraft": world.other_light.registration,
        "purpose": "Delivery",
        "kind": "route",
        "outline": "121.40, 31.10\n121.42, 31.11",
        "buffer_m": 30,
        "lower_m": 30,
        "upper_m": 60,
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
    }
    refused = client.post("/lowalt/intents/new/", fields)
    retry = dict(refused.context["retry"])
    assert retry["start"] == f.tomorrow_at(10, 30).strftime("%Y-%m-%dT%H:%M")
    filed = client.post("/lowalt/intents/new/", retry)
    assert filed.status_code == 302 and "/lowalt/intents/LA" in filed["Location"]
