from django.urls import reverse

from yrd.core.audit import verify_chain
from yrd.core.models import AuditEntry, Organisation
from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person


def test_a_change_in_the_admin_is_audited_with_its_fields(client, reference):
    admin = person(is_superuser=True, is_staff=True)
    organisation = OrganisationFactory(jurisdiction=jurisdiction("320500"))
    client.force_login(admin)
    url = reverse("admin:core_organisation_change", args=[organisation.pk])
    response = client.post(
        url,
        {
            "name_zh": "苏州市测试局",
            "name_en": "",
            "kind": "government",
            "jurisdiction": organisation.jurisdiction_id,
            "uscc": "",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.latest("seq")
    assert (entry.action, entry.actor_id, entry.object_id) == ("core.admin.change", admin.pk, str(organisation.pk))
    assert entry.data["change"] == [{"changed": {"fields": ["Name (Chinese)", "Name (English)"]}}]
    assert verify_chain() is None


def test_a_deletion_in_the_admin_is_audited(client, reference):
    client.force_login(person(is_superuser=True, is_staff=True))
    organisation = OrganisationFactory()
    client.post(reverse("admin:core_organisation_delete", args=[organisation.pk]), {"post": "yes"})
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert AuditEntry.objects.filter(action="core.admin.delete", object_id=str(organisation.pk)).exists()


def test_a_bulk_delete_is_audited_in_the_same_transaction_as_the_deletion(client, reference, monkeypatch):
    import pytest
    from django.db.models.query import QuerySet

    client.force_login(person(is_superuser=True, is_staff=True))
    doomed = [OrganisationFactory(), OrganisationFactory()]
    form = {"action": "delete_selected", "_selected_action": [o.pk for o in doomed], "post": "yes"}
    with monkeypatch.context() as patched:  # the deletion fails after the entries were written
        patched.setattr(QuerySet, "delete", lambda self: (_ for _ in ()).throw(RuntimeError("disk full")))
        with pytest.raises(RuntimeError):
            client.post(reverse("admin:core_organisation_changelist"), form)
    assert not AuditEntry.objects.filter(action="core.admin.delete").exists()  # rolled back together
    client.post(reverse("admin:core_organisation_changelist"), form)
    assert not Organisation.objects.filter(pk__in=[o.pk for o in doomed]).exists()
    entries = AuditEntry.objects.filter(action="core.admin.delete")
    assert entries.count() == 2 and all(e.data["deleted"] == {"core.Organisation": 1} for e in entries)
    assert verify_chain() is None


def test_a_deletion_names_what_it_cascades_to(client, reference):
    from yrd.core.models import Role, RoleAssignment
    from yrd.core.tests.factories import UserFactory

    client.force_login(person(is_superuser=True, is_staff=True))
    someone = UserFactory()
    RoleAssignment.objects.create(user=someone, role=Role.objects.first(), jurisdiction=jurisdiction("310000"))
    client.post(reverse("admin:core_user_delete", args=[someone.pk]), {"post": "yes"})
    entry = AuditEntry.objects.get(action="core.admin.delete", object_id=str(someone.pk))
    assert entry.data["deleted"]["core.RoleAssignment"] == 1
