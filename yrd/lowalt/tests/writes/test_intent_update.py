"""Changing and withdrawing an intent goes by the version the operator last saw."""

import pytest
from django.core.exceptions import PermissionDenied

from yrd.core.errors import Conflict
from yrd.lowalt import writes
from yrd.lowalt.models import IntentState
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db


def test_an_update_on_the_current_version_moves_the_intent_without_meeting_its_old_self(world):
    intent = f.file(world.pilot, world.light).intent
    moved = writes.intent_update(
        acting_user=world.pilot,
        number=intent.number,
        version=1,
        data=f.plan(world.light, f.volume(start=f.tomorrow_at(10, 15))),
    )
    assert moved.accepted and moved.intent.version == 2 and moved.intent.starts_at == f.tomorrow_at(10, 15)


def test_an_update_on_an_old_version_is_refused_as_stale(world):
    intent = f.file(world.pilot, world.light).intent
    writes.intent_update(acting_user=world.pilot, number=intent.number, version=1, data=f.plan(world.light))
    with pytest.raises(Conflict) as stale:
        writes.intent_update(acting_user=world.pilot, number=intent.number, version=1, data=f.plan(world.light))
    assert stale.value.code == "stale_version" and "version 1" in stale.value.message


def test_an_update_into_taken_airspace_is_refused_and_the_old_plan_stays(world):
    f.file(world.other_pilot, world.other_light, f.volume(start=f.tomorrow_at(12)))
    intent = f.file(world.pilot, world.light).intent
    outcome = writes.intent_update(
        acting_user=world.pilot,
        number=intent.number,
        version=1,
        data=f.plan(world.light, f.volume(start=f.tomorrow_at(12))),
    )
    assert not outcome.accepted
    intent.refresh_from_db()
    assert intent.version == 1 and intent.starts_at == f.tomorrow_at(10)


def test_another_operator_cannot_change_or_withdraw_it(world):
    intent = f.file(world.pilot, world.light).intent
    with pytest.raises(PermissionDenied):
        writes.intent_withdraw(acting_user=world.other_pilot, number=intent.number, version=1)


def test_a_withdrawn_intent_frees_its_airspace(world):
    intent = f.file(world.pilot, world.light).intent
    writes.intent_withdraw(acting_user=world.pilot, number=intent.number, version=1)
    intent.refresh_from_db()
    assert intent.state == IntentState.WITHDRAWN
    assert f.file(world.other_pilot, world.other_light).accepted
    with pytest.raises(Conflict):
        writes.intent_withdraw(acting_user=world.pilot, number=intent.number, version=2)
