"""Filing an intent: accepted when its airspace is free, refused with the conflicts and a free window when not,
refused field by field when the input is bad; emergencies take precedence."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry, Notification
from yrd.lowalt.models import Intent, IntentState, Refusal
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_free_intent_is_accepted_numbered_and_audited(world):
    outcome = f.file(world.pilot, world.light)
    intent = outcome.intent
    assert intent.state == IntentState.ACCEPTED and intent.version == 1
    assert intent.number.startswith("LA") and [p.code for p in intent.provinces.all()] == ["310000"]
    assert AuditEntry.objects.filter(action="lowalt.intent.submit", object_id=str(intent.pk)).exists()


def test_an_intent_meeting_an_accepted_one_is_refused_with_the_conflict_and_a_free_window(world):
    first = f.file(world.pilot, world.light).intent
    outcome = f.file(world.other_pilot, world.other_light, f.volume(start=f.tomorrow_at(10, 15)))
    assert not outcome.accepted
    (conflict,) = outcome.assessment.conflicts
    assert conflict.ref == first.number and (conflict.band.lower, conflict.band.upper) == (30, 60)
    assert outcome.assessment.free_window.start == f.tomorrow_at(10, 30)  # right when the first one ends
    refusal = Refusal.objects.get()
    assert refusal.conflicts == 1 and refusal.details["free_window"][0].startswith(str(f.tomorrow_at(10, 30).date()))
    assert Intent.objects.count() == 1


def test_the_offered_free_window_is_then_accepted(world):
    f.file(world.pilot, world.light)
    refused = f.file(world.other_pilot, world.other_light, f.volume(start=f.tomorrow_at(10, 15)))
    free = refused.assessment.free_window
    again = f.file(world.other_pilot, world.other_light, f.volume(start=free.start, minutes=30))
    assert again.accepted


def test_abutting_windows_and_stacked_bands_both_fly(world):
    f.file(world.pilot, world.light)
    assert f.file(world.other_pilot, world.other_light, f.volume(start=f.tomorrow_at(10, 30))).accepted
    assert f.file(world.other_pilot, world.other_light, f.volume(lower=61, upper=90)).accepted


def test_bad_input_is_refused_field_by_field_and_nothing_is_written(world):
    bad = f.volume(start=f.tomorrow_at(10), lower=120, upper=60)
    data = f.plan(world.light, bad)
    data = data.__class__("NO-SUCH-AIRCRAFT", "", data.volumes)
    with pytest.raises(ValidationError) as refused:
        from yrd.lowalt import writes

        writes.intent_submit(acting_user=world.pilot, operator=world.sh_operator, data=data)
    errors = refused.value.message_dict
    assert "has no aircraft registered as NO-SUCH-AIRCRAFT" in errors["aircraft"][0]
    assert errors["purpose"] == ["Say what the flight is for."]
    assert errors["volumes.0.altitude"][0].startswith("The altitude band is upside down")
    assert not Intent.objects.exists() and not Refusal.objects.exists()


def test_a_window_in_the_past_is_refused(world):
    past = f.volume(start=f.tomorrow_at(10) - timedelta(days=2))
    with pytest.raises(ValidationError) as refused:
        f.file(world.pilot, world.light, past)
    assert "in the past" in refused.value.message_dict["volumes.0.window"][0]


def test_a_micro_aircraft_above_50_m_is_refused_naming_its_ceiling(world):
    with pytest.raises(ValidationError) as refused:
        f.file(world.pilot, world.micro, f.volume(lower=30, upper=80))
    assert refused.value.message_dict["aircraft"] == [
        "A micro aircraft flies at most 50 m true height; this plan reaches 80 m."
    ]


def test_a_medium_aircraft_holds_its_airspace_while_its_province_decides(world):
    intent = f.file(world.pilot, world.medium).intent
    assert intent.state == IntentState.AWAITING_CONSENT
    assert [c.province.code for c in intent.consents.all()] == ["310000"]
    assert not f.file(world.other_pilot, world.other_light).accepted  # the airspace is held


def test_a_flight_into_an_airport_zone_is_refused(world):
    from yrd.lowalt.reference import load_reference

    load_reference()
    pudong = [[121.80, 31.14], [121.81, 31.15]]
    outcome = f.file(world.pilot, world.light, f.volume(outline=pudong))
    assert not outcome.accepted and outcome.assessment.conflicts[0].source == "restriction"
    assert outcome.assessment.free_window is None  # the zone is always active


def test_an_emergency_displaces_normal_intents_and_their_operators_are_told_at_once(
    world, django_capture_on_commit_callbacks
):
    normal = f.file(world.pilot, world.light).intent
    with django_capture_on_commit_callbacks(execute=True):
        emergency = f.file(world.medic, world.medical_light, f.volume(start=f.tomorrow_at(10, 10)), emergency=True)
    assert emergency.accepted and emergency.intent.priority == 100
    normal.refresh_from_db()
    assert normal.state == IntentState.DISPLACED and normal.version == 2
    note = Notification.objects.get(recipient=world.pilot)
    assert normal.number in note.subject and emergency.intent.number in note.body


def test_a_normal_intent_cannot_take_an_emergency_s_airspace(world):
    f.file(world.medic, world.medical_light, emergency=True)
    assert not f.file(world.pilot, world.light).accepted


def test_only_emergency_operators_file_emergencies(world):
    with pytest.raises(PermissionDenied):
        f.file(world.pilot, world.light, emergency=True)


def test_an_operator_files_only_for_its_own_organisation(world):
    from yrd.lowalt import writes

    with pytest.raises(PermissionDenied):
        writes.intent_submit(acting_user=world.other_pilot, operator=world.sh_operator, data=f.plan(world.light))
    with pytest.raises(PermissionDenied):
        writes.intent_submit(acting_user=world.stranger, operator=world.sh_operator, data=f.plan(world.light))


def test_an_aircraft_of_another_operator_is_unknown_to_this_one(world):
    with pytest.raises(ValidationError) as refused:
        from yrd.lowalt import writes

        writes.intent_submit(acting_user=world.pilot, operator=world.sh_operator, data=f.plan(world.other_light))
    assert "has no aircraft registered" in refused.value.message_dict["aircraft"][0]


def test_the_same_idempotency_key_replays_the_first_answer(world):
    first = f.file(world.pilot, world.light, idempotency_key="k-1")
    again = f.file(world.pilot, world.light, idempotency_key="k-1")
    assert again.replayed and again.intent == first.intent and Intent.objects.count() == 1
    with pytest.raises(Conflict):
        f.file(world.pilot, world.light, f.volume(start=f.tomorrow_at(12)), idempotency_key="k-1")


def test_a_replayed_refusal_is_the_same_refusal(world):
    f.file(world.pilot, world.light)
    refused = f.file(world.other_pilot, world.other_light, idempotency_key="k-2")
    again = f.file(world.other_pilot, world.other_light, idempotency_key="k-2")
    assert again.replayed and not again.accepted and again.refusal == refused.refusal
    assert Refusal.objects.count() == 1
