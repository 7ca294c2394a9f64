"""Security events go into the audit chain and are announced to alerting once committed."""

import pytest
from django.db import transaction

from yrd.core.audit import record_security_event, security_event, verify_chain
from yrd.core.audit.security import UnknownSecurityEvent
from yrd.core.tests.factories import person


@pytest.fixture
def announced():
    received = []

    def listener(sender, entry, kind, **kwargs):
        received.append((kind, entry.action))

    security_event.connect(listener)
    yield received
    security_event.disconnect(listener)


def test_a_security_event_is_a_chained_entry_announced_after_commit(db, announced, django_capture_on_commit_callbacks):
    officer = person()
    with django_capture_on_commit_callbacks(execute=True):
        entry = record_security_event("lockout", actor=officer, data={"username": "zhang", "ip": "10.0.0.8"})
    assert (entry.action, entry.actor_id, entry.data["username"]) == ("core.security.lockout", officer.pk, "zhang")
    assert announced == [("lockout", "core.security.lockout")]
    assert verify_chain() is None


def test_an_event_rolled_back_with_its_write_is_never_announced(db, announced, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ZeroDivisionError), transaction.atomic():
        record_security_event("role_change", data={"role": "auditor"})
        1 / 0  # noqa: B018
    assert announced == []


def test_an_unknown_kind_of_security_event_is_refused(db):
    with pytest.raises(UnknownSecurityEvent, match="lockout"):
        record_security_event("coffee_spilled")
