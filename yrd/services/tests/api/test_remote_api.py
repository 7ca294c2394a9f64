"""The remote virtual window through the API: the same rules as the pages (who may publish, book and
serve; 409 for a step the booking's state does not allow), with idempotent creation."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from yrd.services.models import RemoteBooking, RemoteSlot
from yrd.services.tests.conftest import submit

API = "/api/services/remote"


def post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


@pytest.fixture
def slot_body(world):
    starts = timezone.now() + timedelta(hours=2)
    return {
        "authority": world.item.authority_orgs["340000"].pk,
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(minutes=30)).isoformat(),
        "capacity": 2,
    }


@pytest.fixture
def slot(client, world, slot_body):
    client.force_login(world.ah_officer)
    response = post(client, f"{API}/slots", slot_body, HTTP_IDEMPOTENCY_KEY="slot-1")
    assert response.status_code == 201
    client.logout()
    return RemoteSlot.objects.get(pk=response.json()["id"])


def booking_body(world, slot, name="张三"):
    return {"slot": slot.pk, "window": world.sh_window.pk, "item": world.item.code, "applicant_name": name}


def test_an_authority_officer_publishes_a_slot_once_per_key(client, world, slot_body):
    client.force_login(world.ah_officer)
    first = post(client, f"{API}/slots", slot_body, HTTP_IDEMPOTENCY_KEY="k")
    again = post(client, f"{API}/slots", slot_body, HTTP_IDEMPOTENCY_KEY="k")
    assert first.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert RemoteSlot.objects.count() == 1
    changed = post(client, f"{API}/slots", {**slot_body, "capacity": 3}, HTTP_IDEMPOTENCY_KEY="k")
    assert changed.status_code == 409 and changed.json()["code"] == "idempotency_key_reused"


@pytest.mark.parametrize("persona", ["js_officer", "sh_officer", "applicant"])
def test_others_may_not_publish_for_anhuis_authority(client, world, slot_body, persona):
    client.force_login(getattr(world, persona))
    assert post(client, f"{API}/slots", slot_body).status_code == 403
    assert RemoteSlot.objects.count() == 0


def test_anonymous_callers_are_refused(client, world, slot_body):
    assert post(client, f"{API}/slots", slot_body).status_code == 401
    assert client.get(f"{API}/day").status_code == 401


def test_a_window_books_checks_in_and_the_authority_serves_and_takes_the_hand_off(client, world, slot):
    client.force_login(world.sh_officer)
    booked = post(client, f"{API}/bookings", booking_body(world, slot), HTTP_IDEMPOTENCY_KEY="b-1")
    again = post(client, f"{API}/bookings", booking_body(world, slot), HTTP_IDEMPOTENCY_KEY="b-1")
    assert booked.status_code == 201 and again.json()["id"] == booked.json()["id"]
    booking = booked.json()["id"]
    assert post(client, f"{API}/bookings/{booking}/check_in", {}).json()["queue_number"] == 1
    application = submit(world)
    from yrd.services import writes

    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    client.force_login(world.ah_officer)
    early = post(client, f"{API}/bookings/{booking}/start", {})
    assert early.status_code == 409  # the slot starts in two hours
    RemoteSlot.objects.filter(pk=slot.pk).update(starts_at=timezone.now(), ends_at=timezone.now() + timedelta(hours=1))
    assert post(client, f"{API}/bookings/{booking}/start", {}).json()["state"] == "in_session"
    client.force_login(world.sh_officer)
    handed = post(client, f"{API}/bookings/{booking}/hand_off", {"application": application.number})
    assert handed.status_code == 200 and handed.json()["application"] == application.number
    client.force_login(world.ah_officer)
    ended = post(client, f"{API}/bookings/{booking}/end", {"outcome": "handed_off", "notes": "材料齐全"})
    assert ended.json()["state"] == "done" and ended.json()["session_outcome"] == "handed_off"


def test_a_step_the_state_does_not_allow_is_a_conflict(client, world, slot):
    client.force_login(world.sh_officer)
    booking = post(client, f"{API}/bookings", booking_body(world, slot)).json()["id"]
    post(client, f"{API}/bookings/{booking}/cancel", {})
    refused = post(client, f"{API}/bookings/{booking}/check_in", {})
    assert refused.status_code == 409 and refused.json()["code"] == "illegal_transition"


def test_people_on_neither_side_do_not_see_a_booking(client, world, slot):
    client.force_login(world.sh_officer)
    booking = post(client, f"{API}/bookings", booking_body(world, slot)).json()["id"]
    for persona in ("js_officer", "applicant", "sz_officer"):
        client.force_login(getattr(world, persona))
        assert post(client, f"{API}/bookings/{booking}/check_in", {}).status_code == 404
    assert RemoteBooking.objects.get(pk=booking).state == "booked"


def test_a_name_too_long_is_refused_before_the_database(client, world, slot):
    client.force_login(world.sh_officer)
    response = post(client, f"{API}/bookings", booking_body(world, slot, "名" * 201))
    assert response.status_code in (400, 422) and RemoteBooking.objects.count() == 0


def test_the_day_shows_each_side_its_own_queue(client, world, slot):
    client.force_login(world.sh_officer)
    post(client, f"{API}/bookings", booking_body(world, slot))
    day = timezone.localdate(slot.starts_at).isoformat()
    assert len(client.get(f"{API}/day", {"on": day}).json()["bookings"]) == 1
    client.force_login(world.js_officer)
    assert client.get(f"{API}/day", {"on": day}).json()["bookings"] == []
