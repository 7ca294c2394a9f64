"""Services and personal information: consents recorded where they are taken, the applicant masked
for those who do not handle the application and revealed (audited) to those who do, the applicant's
own export, and the retention rule for closed applications."""

from datetime import timedelta

from django.utils import timezone

from yrd.core.models import AuditEntry, Consent
from yrd.core.personal.retention import due
from yrd.core.personal.reveal import may_reveal, shown
from yrd.core.personal.subject import gather
from yrd.core.tests.factories import person
from yrd.services import writes
from yrd.services.models import Application
from yrd.services.tests.conftest import submit


def test_reusing_held_materials_records_the_consent_with_its_wording(world):
    held = submit(world).materials.get()
    second = submit(world, uploads=[], reuse={"id-card": held.pk}, reuse_consent=True)
    consent = Consent.objects.get(code="services.material_reuse")
    assert consent.user == world.applicant and consent.object_id == str(second.pk)
    assert consent.version == "2026-12" and "once-only" in consent.text


def test_receiving_with_the_signed_form_records_that_consent_once(world):
    application = submit(world)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    consent = Consent.objects.get(code="services.remote_handling")
    assert consent.user == world.applicant and consent.object_id == str(application.pk)


def test_the_window_officer_sees_the_applicant_in_full_and_another_province_does_not(world):
    application = submit(world)
    stranger = person("service_officer", "320000")
    assert shown(stranger, application, "applicant_name") == application.applicant_name[0] + "*" * min(
        3, len(application.applicant_name) - 1
    )
    assert may_reveal(world.sh_officer, application)
    assert shown(world.sh_officer, application, "applicant_id_number") == application.applicant_id_number
    entry = AuditEntry.objects.get(action="core.personal.reveal")
    assert entry.actor_id == world.sh_officer.pk and entry.data["field"] == "applicant_id_number"


def test_the_applicant_sees_their_own_without_a_reveal_being_recorded(world):
    application = submit(world)
    assert shown(world.applicant, application, "applicant_id_number") == application.applicant_id_number
    assert not AuditEntry.objects.filter(action="core.personal.reveal").exists()


def test_the_applicants_export_holds_their_applications_and_identity(world):
    application = submit(world)
    sections = {s["title"]: s["records"] for s in gather(world.applicant)}
    assert sections["Your applications"][0]["number"] == application.number
    assert sections["Your identity for applications"][0]["id_number"] == application.applicant_id_number
    assert (
        sections["Your applications"]
        and not {s["title"]: s for s in gather(world.other_applicant)}["Your applications"]["records"]
    )


def test_only_closed_applications_past_five_years_are_due_for_erasure(world):
    open_one, closed = submit(world), submit(world)
    long_ago = timezone.now() - timedelta(days=6 * 365)
    Application.objects.filter(pk__in=[open_one.pk, closed.pk]).update(submitted_at=long_ago)
    Application.objects.filter(pk=closed.pk).update(state="rejected")
    applications = next(d for d in due() if d.rule.model == "services.Application")
    assert list(applications.queryset) == [closed]


def test_a_withdrawn_signed_form_stops_the_forwarding(world):
    import pytest
    from django.core.exceptions import ValidationError

    from yrd.core.personal.subject import consent_withdraw

    application = submit(world)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    consent_withdraw(acting_user=world.applicant, consent=Consent.objects.get(code="services.remote_handling"))
    with pytest.raises(ValidationError, match="withdrew the signed consent form"):
        writes.application_forward(acting_user=world.sh_officer, application=application)
    application.refresh_from_db()
    assert application.state == "received"


def test_materials_reused_under_a_withdrawn_consent_are_no_longer_opened_by_officers(client, world):
    from django.urls import reverse

    from yrd.core.personal.subject import consent_withdraw

    held = submit(world).materials.get()
    second = submit(world, uploads=[], reuse={"id-card": held.pk}, reuse_consent=True)
    copy = second.materials.get()
    url = reverse("services:material", args=[copy.pk])
    client.force_login(world.sh_officer)
    assert client.get(url).status_code == 200
    consent_withdraw(acting_user=world.applicant, consent=Consent.objects.get(code="services.material_reuse"))
    assert client.get(url).status_code == 403
    assert client.get(reverse("services:material", args=[held.pk])).status_code == 200  # the original: its own
    client.force_login(world.applicant)
    assert client.get(url).status_code == 200  # the applicant's own


def test_notes_on_the_application_page_are_masked_for_officers_and_shown_to_the_applicant(client, world):
    from django.urls import reverse

    from yrd.services.tests.conftest import forwarded

    application = forwarded(world)
    writes.application_reject(acting_user=world.ah_officer, application=application, reasons="身份证复印件模糊")
    url = reverse("services:application", args=[application.number])
    client.force_login(world.sh_officer)
    page = client.get(url).content.decode()
    assert "身份证复印件模糊" not in page and "****" in page  # masked (with a Show button for those allowed)
    client.force_login(world.applicant)
    assert "身份证复印件模糊" in client.get(url).content.decode()
