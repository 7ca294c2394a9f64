"""MLPS level 3: three administrator roles with no power in common, the audit administrator's
read-only audit log (page, filters, CSV export), and superusers switched off in production."""

from itertools import combinations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from yrd.core.access import can
from yrd.core.actors import SYSTEM
from yrd.core.apps import AUDIT_EXPORT, AUDIT_READ, ORGANISATION_MANAGE, PERSON_MANAGE, ROLE_ASSIGN, SECURITY_ALERTS
from yrd.core.audit import audit_record
from yrd.core.mlps.duties import AUDIT_ADMIN, DUTY_ROLES, SECURITY_ADMIN, SYSTEM_ADMIN
from yrd.core.models import AuditEntry, Role, RoleAssignment
from yrd.core.registry import registry
from yrd.core.tests.factories import jurisdiction, person
from yrd.core.writes import role_assign


@pytest.fixture(autouse=True)
def loaded(reference):
    """Jurisdictions and roles, as every deployment has them."""


def test_no_action_is_shared_between_the_three_administrator_roles():
    for first, second in combinations(DUTY_ROLES, 2):
        shared = set(registry.roles[first].actions) & set(registry.roles[second].actions)
        assert not shared, f"{first} and {second} share {sorted(shared)}"


def test_the_audit_administrator_only_reads_and_exports():
    assert set(registry.roles[AUDIT_ADMIN].actions) == {AUDIT_READ, AUDIT_EXPORT}


def test_each_administrator_can_do_their_own_duty_and_none_of_the_others():
    region = jurisdiction("YRD")
    powers = {
        SYSTEM_ADMIN: {ORGANISATION_MANAGE, PERSON_MANAGE},
        SECURITY_ADMIN: {ROLE_ASSIGN, SECURITY_ALERTS},
        AUDIT_ADMIN: {AUDIT_READ, AUDIT_EXPORT},
    }
    every = set().union(*powers.values())
    for code, own in powers.items():
        admin = person(code)
        assert {action for action in every if can(admin, action, region)} == own, code


def test_nobody_holds_two_administrator_roles():
    security = person(SECURITY_ADMIN)
    somebody = person(SYSTEM_ADMIN)
    with pytest.raises(ValidationError, match="Separation of duties"):
        role_assign(acting_user=security, user=somebody, role_code=AUDIT_ADMIN, jurisdiction=jurisdiction("YRD"))
    assert not RoleAssignment.objects.filter(user=somebody, role__code=AUDIT_ADMIN).exists()
    role_assign(acting_user=security, user=somebody, role_code="plan_coordinator", jurisdiction=jurisdiction("YRD"))
    # the Django admin's inline form validates the same way
    assignment = RoleAssignment(
        user=somebody, role=Role.objects.get(code=SECURITY_ADMIN), jurisdiction=jurisdiction("YRD")
    )
    with pytest.raises(ValidationError):
        assignment.full_clean()


def _entry(action, jurisdiction_code="", repr_="x"):
    with transaction.atomic():
        return audit_record(
            actor=SYSTEM, action=action, object_type="test", object_repr=repr_, jurisdiction=jurisdiction_code
        )


def test_the_audit_administrator_reads_filters_and_exports_the_log(client):
    _entry("core.reference.load", "310000", "Shanghai entry")
    _entry("core.keys.rotate", "320000", "Jiangsu entry")
    client.force_login(person(AUDIT_ADMIN))
    page = client.get(reverse("core:audit-log"))
    assert page.status_code == 200
    assert "Shanghai entry" in page.content.decode() and "Jiangsu entry" in page.content.decode()
    filtered = client.get(reverse("core:audit-log"), {"action": "core.keys"}).content.decode()
    assert "Jiangsu entry" in filtered and "Shanghai entry" not in filtered

    export = client.get(reverse("core:audit-log-export"), {"jurisdiction": "310000"})
    assert export["Content-Type"].startswith("text/csv")
    text = export.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("seq,at,actor_label,action")
    assert "Shanghai entry" in text and "Jiangsu entry" not in text
    exported = AuditEntry.objects.get(action="core.audit.export")
    assert exported.data == {"rows": 1, "filters": {"jurisdiction": "310000"}}


def test_the_audit_log_pages_change_nothing_and_refuse_other_people(client):
    client.force_login(person(AUDIT_ADMIN))
    before = AuditEntry.objects.count()
    assert client.post(reverse("core:audit-log")).status_code == 405
    assert client.post(reverse("core:audit-log-export")).status_code == 405
    assert AuditEntry.objects.count() == before
    for other in (person(SYSTEM_ADMIN), person(SECURITY_ADMIN), person("plan_coordinator")):
        client.force_login(other)
        assert client.get(reverse("core:audit-log")).status_code == 403
        assert client.get(reverse("core:audit-log-export")).status_code == 403


def test_a_province_audit_administrator_sees_only_that_province(client):
    _entry("core.reference.load", "310000", "Shanghai entry")
    _entry("core.reference.load", "320000", "Jiangsu entry")
    client.force_login(person(AUDIT_ADMIN, where="310000"))
    text = client.get(reverse("core:audit-log")).content.decode()
    assert "Shanghai entry" in text and "Jiangsu entry" not in text


def test_superusers_are_refused_at_login_and_powerless_when_disabled(client, settings):
    root = person(username="root", is_superuser=True, is_staff=True)
    settings.SUPERUSER_DISABLED = True
    response = client.post(reverse("login"), {"username": "root", "password": "pw-for-tests-1"})
    assert response.status_code == 200 and "Superuser accounts are disabled" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not can(root, PERSON_MANAGE, jurisdiction("YRD"))
    client.force_login(root)  # a session from before the switch
    assert client.get(reverse("core:inbox")).url == reverse("login")
    assert "_auth_user_id" not in client.session

    settings.SUPERUSER_DISABLED = False
    assert can(root, PERSON_MANAGE, jurisdiction("YRD"))
    assert client.post(reverse("login"), {"username": "root", "password": "pw-for-tests-1"}).status_code == 302


def test_production_settings_disable_the_superuser_and_require_two_factor():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "settings" / "production.py").read_text()
    assert "SUPERUSER_DISABLED = True" in text and "TWO_FACTOR_REQUIRED = True" in text


def test_the_demo_has_one_person_for_each_administrator_duty():
    from yrd.core.demo import load_demo

    load_demo()
    held = dict(RoleAssignment.objects.filter(role__code__in=DUTY_ROLES).values_list("user__username", "role__code"))
    assert held == {"sysadmin": SYSTEM_ADMIN, "secadmin": SECURITY_ADMIN, "auditadmin": AUDIT_ADMIN}
