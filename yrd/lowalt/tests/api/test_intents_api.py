"""The API: operators' tokens file and read their own intents, see others only as occupied volumes,
and get 409 with the conflicts and a free window when the airspace is taken."""

import json
from datetime import timedelta

import pytest

from yrd.core.tests.factories import api_key
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db


def token_for(user):
    key = api_key(user)
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def body(craft, start=None, **changes):
    start = start or f.tomorrow_at(10)
    volume = {
        "kind": "route",
        "outline": f.SHANGHAI_STREET,
        "buffer_m": 30,
        "lower_m": 30,
        "upper_m": 60,
        "start": start.isoformat(),
        "end": (start + timedelta(minutes=30)).isoformat(),
    }
    return {"aircraft": craft.registration, "purpose": "Delivery", "volumes": [volume], **changes}


def post(client, url, data, auth, **headers):
    return client.post(url, json.dumps(data), content_type="application/json", **auth, **headers)


def test_an_operator_files_with_its_token_and_a_retry_replays(client, world):
    auth = token_for(world.pilot)
    first = post(client, "/api/lowalt/intents", body(world.light), auth, HTTP_IDEMPOTENCY_KEY="a")
    again = post(client, "/api/lowalt/intents", body(world.light), auth, HTTP_IDEMPOTENCY_KEY="a")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["number"] == again.json()["number"] and first.json()["state"] == "accepted"


def test_taken_airspace_answers_409_with_anonymous_conflicts_and_a_free_window(client, world):
    post(client, "/api/lowalt/intents", body(world.light), token_for(world.pilot))
    refused = post(
        client, "/api/lowalt/intents", body(world.other_light, f.tomorrow_at(10, 10)), token_for(world.other_pilot)
    )
    assert refused.status_code == 409
    answer = refused.json()
    assert answer["code"] == "airspace_conflict"
    assert answer["conflicts"][0]["source"] == "intent" and "number" not in answer["conflicts"][0]
    assert answer["free_window"]["start"].startswith(f.tomorrow_at(10, 30).strftime("%Y-%m-%dT%H:%M"))


def test_bad_input_answers_400_naming_the_field(client, world):
    data = body(world.light)
    data["volumes"][0]["lower_m"], data["volumes"][0]["upper_m"] = 120, 60
    answer = post(client, "/api/lowalt/intents", data, token_for(world.pilot))
    assert answer.status_code == 400 and "volumes.0.altitude" in answer.json()["errors"]


def test_an_overlong_purpose_is_refused_before_the_database(client, world):
    answer = post(client, "/api/lowalt/intents", body(world.light, purpose="x" * 201), token_for(world.pilot))
    assert answer.status_code == 422


def test_an_operator_reads_only_its_own_intents(client, world):
    number = post(client, "/api/lowalt/intents", body(world.light), token_for(world.pilot)).json()["number"]
    other = token_for(world.other_pilot)
    assert client.get(f"/api/lowalt/intents/{number}", **other).status_code == 403
    assert client.get("/api/lowalt/intents", **other).json() == []
    assert [i["number"] for i in client.get("/api/lowalt/intents", **token_for(world.pilot)).json()] == [number]


def test_others_see_the_occupied_volume_but_not_who_flies_it(client, world):
    number = post(client, "/api/lowalt/intents", body(world.light), token_for(world.pilot)).json()["number"]
    window = {"start": f.tomorrow_at(0).isoformat(), "end": f.tomorrow_at(23).isoformat()}
    (seen,) = client.get("/api/lowalt/airspace/occupied", window, **token_for(world.other_pilot)).json()
    assert seen["number"] is None and seen["operator"] is None and seen["lower_m"] == 30
    (own,) = client.get("/api/lowalt/airspace/occupied", window, **token_for(world.pilot)).json()
    assert own["number"] == number
    (overseen,) = client.get("/api/lowalt/airspace/occupied", window, **token_for(world.sh_officer)).json()
    assert overseen["number"] == number
    assert client.get("/api/lowalt/airspace/occupied", window, **token_for(world.stranger)).status_code == 403


def test_an_update_on_an_old_version_answers_409(client, world):
    auth = token_for(world.pilot)
    number = post(client, "/api/lowalt/intents", body(world.light), auth).json()["number"]
    moved = client.put(
        f"/api/lowalt/intents/{number}",
        json.dumps({**body(world.light), "version": 1}),
        content_type="application/json",
        **auth,
    )
    stale = client.put(
        f"/api/lowalt/intents/{number}",
        json.dumps({**body(world.light), "version": 1}),
        content_type="application/json",
        **auth,
    )
    assert moved.status_code == 200 and moved.json()["version"] == 2
    assert stale.status_code == 409 and stale.json()["code"] == "stale_version"


def test_anyone_reads_sites_restrictions_and_suitable_airspace(client, world):
    assert client.get("/api/lowalt/sites").status_code == 200
    assert client.get("/api/lowalt/restrictions").json()["type"] == "FeatureCollection"
    answer = client.get(
        "/api/lowalt/suitable-airspace",
        {"aircraft_class": "micro", "start": f.tomorrow_at(8).isoformat(), "end": f.tomorrow_at(9).isoformat()},
    )
    assert answer.status_code == 200 and answer.json()["properties"]["ceiling_m"] == 50


def test_an_officer_consents_through_the_api(client, world):
    number = post(client, "/api/lowalt/intents", body(world.medium), token_for(world.pilot)).json()["number"]
    assert [i["number"] for i in client.get("/api/lowalt/queue", **token_for(world.sh_officer)).json()] == [number]
    answer = post(client, f"/api/lowalt/intents/{number}/consent", {"grant": True}, token_for(world.sh_officer))
    assert answer.status_code == 200 and answer.json()["state"] == "accepted"
    assert (
        post(client, f"/api/lowalt/intents/{number}/consent", {"grant": True}, token_for(world.js_officer)).status_code
        == 409
    )
