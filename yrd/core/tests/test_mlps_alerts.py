"""MLPS level 3: lockouts and role changes alert the security administrators, and each alert is audited;
audit entries cannot be deleted (kept for good, beyond the 180 days level 3 asks)."""

import pytest
from django.db import transaction
from django.urls import reverse

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record, record_security_event
from yrd.core.models import AuditEntry, Notification, RoleAssignment, User
from yrd.core.tests.factories import jurisdiction, person
from yrd.core.writes import role_assign


@pytest.fixture(autouse=True)
def loaded(reference):
    pass


def test_five_failed_logins_lock_the_account_and_alert_the_security_administrators(
    client, django_capture_on_commit_callbacks
):
    guard = person("security_admin")
    bystander = person("audit_admin")
    person(username="officer")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    lockout = AuditEntry.objects.get(action="core.security.lockout")
    officer = User.objects.get(username="officer")
    assert lockout.data == {"account": officer.pk} and lockout.personal_data["username"] == "officer"
    alert = Notification.objects.get(recipient=guard)
    assert "locked" in alert.subject
    assert not Notification.objects.filter(recipient=bystander).exists()
    sent = AuditEntry.objects.get(action="core.alert.notify")
    assert sent.data == {"kind": "lockout", "recipients": [guard.pk]}


def test_a_role_change_alerts_the_security_administrators_over_that_jurisdiction(django_capture_on_commit_callbacks):
    shanghai_guard = person("security_admin", where="310000")
    jiangsu_guard = person("security_admin", where="320000")
    officer = person()
    with django_capture_on_commit_callbacks(execute=True):
        role_assign(acting_user=SYSTEM, user=officer, role_code="plan_coordinator", jurisdiction=jurisdiction("310000"))
    change = AuditEntry.objects.get(action="core.security.role_change", data__user=officer.pk)
    assert change.data["change"] == "given" and change.data["role"] == "plan_coordinator"
    assert Notification.objects.filter(recipient=shanghai_guard).count() == 1
    assert not Notification.objects.filter(recipient=jiangsu_guard).exists()

    with django_capture_on_commit_callbacks(execute=True):
        RoleAssignment.objects.get(user=officer).delete()  # e.g. in the Django admin
    assert AuditEntry.objects.filter(action="core.security.role_change", data__change="taken away").count() == 1
    assert Notification.objects.filter(recipient=shanghai_guard).count() == 2


def test_a_reveal_burst_alerts_and_a_failed_login_does_not(django_capture_on_commit_callbacks):
    guard = person("security_admin")
    with django_capture_on_commit_callbacks(execute=True):
        record_security_event("login_failed", data={"username": "x"})
    assert not Notification.objects.filter(recipient=guard).exists()
    with django_capture_on_commit_callbacks(execute=True):
        record_security_event("reveal_burst", data={"reveals": 40, "minutes": 5})
    assert Notification.objects.get(recipient=guard).subject.startswith("Security alert")


def test_audit_entries_cannot_be_deleted():
    from django.core.exceptions import PermissionDenied

    with transaction.atomic():
        entry = audit_record(actor=SYSTEM, action="core.reference.load", object_type="test")
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_one_person_revealing_many_values_quickly_is_a_reveal_burst(
    monkeypatch, settings, django_capture_on_commit_callbacks
):
    from yrd.core.registry import registry

    monkeypatch.setattr(registry, "audit_events", registry.audit_events | {"test.report.reveal"})
    settings.REVEAL_BURST_COUNT, settings.REVEAL_BURST_MINUTES = 3, 10
    guard = person("security_admin")
    curious, other = person(username="curious"), person(username="other")

    def reveal(actor):
        with transaction.atomic():
            audit_record(actor=actor, action="test.report.reveal", object_type="test")

    with django_capture_on_commit_callbacks(execute=True):
        reveal(curious)
        reveal(other)
        reveal(curious)
        assert not AuditEntry.objects.filter(action="core.security.reveal_burst").exists()
        reveal(curious)  # the third within ten minutes
    burst = AuditEntry.objects.get(action="core.security.reveal_burst")
    assert (
        burst.data["actor"] == {"id": curious.pk} and burst.actor_label == str(curious) and burst.data["reveals"] == 3
    )
    assert "revealed" in Notification.objects.get(recipient=guard).subject
    with django_capture_on_commit_callbacks(execute=True):
        reveal(curious)  # the fourth: same burst, no second alert
    assert AuditEntry.objects.filter(action="core.security.reveal_burst").count() == 1
