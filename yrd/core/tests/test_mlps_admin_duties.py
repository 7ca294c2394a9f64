"""Separation of duties in the Django admin: each administrator role comes with the model
permissions of its duty and no other (core.mlps.duties), and nobody edits rights with an account."""

from django.contrib.auth.models import Group
from django.urls import reverse

from yrd.core.mlps.duties import DUTY_PERMISSIONS, DUTY_ROLES, duty_group_name
from yrd.core.models import AuditEntry, RoleAssignment
from yrd.core.tests.factories import person


def test_no_permission_belongs_to_two_duties_and_the_groups_hold_exactly_theirs(reference):
    seen = {}
    for role_code, codes in DUTY_PERMISSIONS.items():
        for code in codes:
            assert code not in seen, f"{code} is given to {seen[code]} and {role_code}"
            seen[code] = role_code
        group = Group.objects.get(name=duty_group_name(role_code))
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert held == set(codes)
    assert not any(code.startswith("auth.") for code in seen)


def test_a_duty_role_brings_its_group_and_staff_and_taking_it_away_takes_the_group(reference):
    sysadmin = person("system_admin")
    sysadmin.refresh_from_db()
    assert sysadmin.is_staff
    assert [g.name for g in sysadmin.groups.all()] == [duty_group_name("system_admin")]
    RoleAssignment.objects.filter(user=sysadmin).delete()
    assert not sysadmin.groups.exists()


def test_each_administrator_reaches_only_their_duty_in_the_admin(client, reference):
    pages = {
        "system_admin": ("admin:core_user_changelist", "admin:core_organisation_changelist"),
        "security_admin": ("admin:core_roleassignment_changelist", "admin:core_roleassignment_add"),
        "audit_admin": ("admin:core_auditentry_changelist", "admin:core_auditcheckpoint_changelist"),
    }
    for role_code in DUTY_ROLES:
        client.force_login(person(role_code))
        for other, names in pages.items():
            for name in names:
                status = client.get(reverse(name)).status_code
                assert status == (200 if other == role_code else 403), (role_code, name, status)
        assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_the_system_administrator_cannot_give_rights_through_an_account(client, reference):
    someone = person()
    client.force_login(person("system_admin"))
    page = client.get(reverse("admin:core_user_change", args=[someone.pk])).content.decode()
    assert 'name="is_superuser"' not in page and 'name="groups"' not in page and 'name="user_permissions"' not in page
    assert 'name="is_active"' in page


def test_the_security_administrator_assigns_roles_in_the_admin_within_the_duty_rule(client, reference):
    from yrd.core.models import Jurisdiction, Role

    secadmin = person("security_admin")
    auditor = person("audit_admin")
    client.force_login(secadmin)
    region = Jurisdiction.objects.get(level="region")
    response = client.post(
        reverse("admin:core_roleassignment_add"),
        {"user": auditor.pk, "role": Role.objects.get(code="system_admin").pk, "jurisdiction": region.pk},
    )
    assert response.status_code == 200 and "Separation of duties" in response.content.decode()
    response = client.post(
        reverse("admin:core_roleassignment_add"),
        {"user": auditor.pk, "role": Role.objects.get(code="market_regulator").pk, "jurisdiction": region.pk},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="core.admin.add", actor_id=secadmin.pk).exists()
    assert AuditEntry.objects.filter(action="core.security.role_change").exists()


def test_a_permission_given_outside_the_roles_is_a_security_event(reference):
    from django.contrib.auth.models import Permission

    someone = person()
    someone.user_permissions.add(Permission.objects.get(codename="view_user"))
    event = AuditEntry.objects.filter(action="core.security.permission_change").latest("seq")
    assert event.data["id"] == someone.pk and event.data["change"] == "add"
