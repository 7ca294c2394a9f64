"""The Django admin masks personal fields like every other page: lists and change forms show the
mask; the full value only through an audited reveal, for people the model's rule allows."""

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from yrd.core.admin_audit import AuditedAdmin
from yrd.core.audit import verify_chain
from yrd.core.models import AuditEntry
from yrd.core.personal import declared
from yrd.core.personal.admin import PersonalAdmin
from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person


def target(**fields):
    return person(
        display_name="张三丰",
        email="zhang.sanfeng@example.test",
        first_name="三丰",
        last_name="张",
        organisation=OrganisationFactory(jurisdiction=jurisdiction("320500")),
        **fields,
    )


def user_form(someone, **fields):
    """What the admin's account form posts (no role rows), with `fields` typed in."""
    return {
        "organisation": someone.organisation_id,
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        "role_assignments-TOTAL_FORMS": "0",
        "role_assignments-INITIAL_FORMS": "0",
        **fields,
    }


def test_every_admin_is_audited_and_masks_the_personal_fields_of_its_model_and_inlines():
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, AuditedAdmin), model
        if declared(model):
            assert isinstance(model_admin, PersonalAdmin), model
        for inline in model_admin.inlines:
            if declared(inline.model):
                assert issubclass(inline, PersonalAdmin), (model, inline)


def test_the_user_list_and_form_show_masks_and_no_reveal_is_recorded(client, reference):
    someone = target()
    client.force_login(person(is_superuser=True, is_staff=True))
    listed = client.get(reverse("admin:core_user_changelist")).content.decode()
    assert "z***@example.test" in listed and "zhang.sanfeng@example.test" not in listed
    form = client.get(reverse("admin:core_user_change", args=[someone.pk])).content.decode()
    assert "张三丰" not in form and "zhang.sanfeng@example.test" not in form
    assert "张**" in form and "Show personal fields in full" in form
    assert not AuditEntry.objects.filter(action="core.personal.reveal").exists()


def test_the_reveal_shows_full_values_each_audited_and_the_change_is_saved(client, reference):
    someone = target()
    sysadmin = person("system_admin", where="320000")
    client.force_login(sysadmin)
    url = reverse("admin:core_user_change", args=[someone.pk]) + "?personal=reveal"
    page = client.get(url).content.decode()
    assert 'value="zhang.sanfeng@example.test"' in page and 'value="张三丰"' in page
    revealed = AuditEntry.objects.filter(action="core.personal.reveal", actor_id=sysadmin.pk)
    assert sorted(e.data["field"] for e in revealed) == sorted(
        ["username", "first_name", "last_name", "email", "display_name"]
    )
    assert {e.object_repr for e in revealed} == {f"User #{someone.pk}"}
    response = client.post(
        url,
        user_form(
            someone,
            username=someone.username,
            first_name="三丰",
            last_name="张",
            email="new.address@example.test",
            display_name="张三丰",
            language="en",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    someone.refresh_from_db()
    assert someone.email == "new.address@example.test"
    assert AuditEntry.objects.filter(action="core.admin.change", object_id=str(someone.pk)).exists()
    assert verify_chain() is None


def test_a_saved_masked_form_leaves_the_personal_fields_alone(client, reference):
    someone = target()
    client.force_login(person("system_admin", where="320000"))
    response = client.post(reverse("admin:core_user_change", args=[someone.pk]), user_form(someone, language="zh-hans"))
    assert response.status_code == 302, response.content.decode()[:3000]
    someone.refresh_from_db()
    assert (someone.language, someone.email, someone.display_name) == (
        "zh-hans",
        "zhang.sanfeng@example.test",
        "张三丰",
    )


def test_staff_outside_the_rule_cannot_reveal(client, reference):
    someone = target()
    staff = person(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_user"))
    client.force_login(staff)
    url = reverse("admin:core_user_change", args=[someone.pk])
    assert "Show personal fields in full" not in client.get(url).content.decode()
    assert client.get(url + "?personal=reveal").status_code == 403
    assert not AuditEntry.objects.filter(action="core.personal.reveal").exists()


def test_the_reveal_asks_the_rule_for_that_very_account(client, reference):
    someone = target()  # an organisation in Suzhou (Jiangsu)
    elsewhere = person(display_name="李四", organisation=OrganisationFactory(jurisdiction=jurisdiction("330000")))
    client.force_login(person("system_admin", where="320000"))
    assert client.get(reverse("admin:core_user_change", args=[someone.pk]) + "?personal=reveal").status_code == 200
    url = reverse("admin:core_user_change", args=[elsewhere.pk])
    assert "Show personal fields in full" not in client.get(url).content.decode()
    assert client.get(url + "?personal=reveal").status_code == 403
    revealed = AuditEntry.objects.filter(action="core.personal.reveal")
    assert revealed.exists() and not revealed.filter(object_id=str(elsewhere.pk)).exists()


def test_no_reveal_is_recorded_when_the_admin_refuses_the_page(client, reference):
    auditor = person("audit_admin", display_name="王审计")  # staff, but no view permission on accounts
    client.force_login(auditor)
    assert client.get(reverse("admin:core_user_change", args=[auditor.pk]) + "?personal=reveal").status_code == 403
    assert not AuditEntry.objects.filter(action="core.personal.reveal").exists()


def test_free_text_is_masked_in_a_change_form_and_the_recipient_sees_nothing_hidden_from_them(client, reference):
    from yrd.core.models import Notification

    someone = target()
    note = Notification.objects.create(recipient=someone, subject="s", body="身份证号 310101199001018556", url="")
    client.force_login(person(is_superuser=True, is_staff=True))
    form = client.get(reverse("admin:core_notification_change", args=[note.pk])).content.decode()
    assert "310101199001018556" not in form and "****" in form
