"""A flight across a province line waits for each province's consent, in the order it crosses them."""

import pytest
from django.core.exceptions import PermissionDenied

from yrd.core.errors import Conflict
from yrd.core.models import Notification
from yrd.lowalt import writes
from yrd.lowalt.models import IntentState
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db


def crossing(world):
    return f.file(
        world.pilot, world.light, f.volume(outline=f.SUZHOU_TO_SHANGHAI, minutes=75, lower=90, upper=120)
    ).intent


def test_a_suzhou_to_shanghai_flight_asks_jiangsu_then_shanghai(world):
    intent = crossing(world)
    assert intent.state == IntentState.AWAITING_CONSENT
    assert [c.province.code for c in intent.consents.all()] == ["320000", "310000"]


def test_shanghai_cannot_decide_before_jiangsu(world):
    intent = crossing(world)
    with pytest.raises(PermissionDenied):
        writes.consent_decide(acting_user=world.sh_officer, number=intent.number, grant=True)


def test_the_last_consent_accepts_it_and_the_operator_is_told(world, django_capture_on_commit_callbacks):
    intent = crossing(world)
    writes.consent_decide(acting_user=world.js_officer, number=intent.number, grant=True)
    with django_capture_on_commit_callbacks(execute=True):
        writes.consent_decide(acting_user=world.sh_officer, number=intent.number, grant=True, note="ok")
    intent.refresh_from_db()
    assert intent.state == IntentState.ACCEPTED and intent.version == 3
    assert Notification.objects.filter(recipient=world.pilot, subject__contains="accepted").exists()


def test_a_refusal_ends_it_and_frees_its_airspace(world):
    intent = crossing(world)
    writes.consent_decide(acting_user=world.js_officer, number=intent.number, grant=False, note="event")
    intent.refresh_from_db()
    assert intent.state == IntentState.REFUSED
    with pytest.raises(Conflict):
        writes.consent_decide(acting_user=world.sh_officer, number=intent.number, grant=True)
    again = f.file(
        world.other_pilot, world.other_light, f.volume(outline=f.SUZHOU_TO_SHANGHAI, minutes=75, lower=90, upper=120)
    )
    assert again.accepted


def test_an_officer_of_a_province_not_crossed_cannot_decide(world):
    intent = crossing(world)
    with pytest.raises(PermissionDenied):
        writes.consent_decide(acting_user=world.zj_officer, number=intent.number, grant=True)
