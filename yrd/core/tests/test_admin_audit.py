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
