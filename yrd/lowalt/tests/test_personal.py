"""A province's consent note (free text, declared personal) on a flight plan: masked on the plan's page
with a Show button for the operator's people and the officers of the provinces it crosses, each reveal
audited; the officer who wrote it reads their own words in full, unrecorded; an operator or officer the
flight does not concern is refused. The API gives the consents without their notes."""

import pytest
from django.urls import reverse

from yrd.core.tests.factories import api_key, reveal, reveals, signed_in
from yrd.lowalt import writes
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db

NOTE = "请联系张三 13900001111 协调"


@pytest.fixture
def refused(world):
    """A Suzhou to Shanghai flight that Jiangsu refused, with a note naming a person."""
    intent = f.file(
        world.pilot, world.light, f.volume(outline=f.SUZHOU_TO_SHANGHAI, minutes=75, lower=90, upper=120)
    ).intent
    return writes.consent_decide(acting_user=world.js_officer, number=intent.number, grant=False, note=NOTE)


def page(user, consent):
    return signed_in(user).get(reverse("lowalt:intent", args=[consent.intent.number])).content.decode()


def test_the_operator_sees_the_note_masked_and_reveals_it_audited(world, refused):
    shown = page(world.pilot, refused)
    assert NOTE not in shown and "****" in shown and reveal_url(refused) in shown
    assert NOTE in reveal(world.pilot, refused, "note").content.decode()
    entry = reveals().get()
    assert (entry.actor_id, entry.object_id, entry.data) == (
        world.pilot.pk,
        str(refused.pk),
        {"field": "note", "kind": "free_text"},
    )
    assert NOTE not in str(entry.data) + entry.object_repr


def test_an_officer_of_another_province_crossed_reveals_it_audited(world, refused):
    assert NOTE not in page(world.sh_officer, refused)
    assert NOTE in reveal(world.sh_officer, refused, "note").content.decode()
    assert reveals().get().actor_id == world.sh_officer.pk


def test_the_officer_who_wrote_it_reads_it_in_full_unrecorded(world, refused):
    shown = page(world.js_officer, refused)
    assert NOTE in shown and reveal_url(refused) not in shown
    assert not reveals().exists()


def test_those_the_flight_does_not_concern_are_refused(world, refused):
    assert reveal(world.other_pilot, refused, "note").status_code == 403
    assert reveal(world.zj_officer, refused, "note").status_code == 403
    assert not reveals().exists()


def test_the_api_gives_the_consents_without_the_note(client, world, refused):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {api_key(world.pilot)}"}
    body = client.get(f"/api/lowalt/intents/{refused.intent.number}", **auth).json()
    assert body["consents"][0]["state"] == "refused" and NOTE not in str(body)


def reveal_url(consent):
    return reverse("core:personal-reveal", args=["lowalt.Consent", consent.pk, "note"])
