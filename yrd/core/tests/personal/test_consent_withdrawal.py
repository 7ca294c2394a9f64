"""A person withdraws a consent they gave (PIPL art. 15): recorded with its time, in their export,
audited; what it allowed stops and the personal fields it covered are erased."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yrd.core.audit import verify_chain
from yrd.core.models import AuditEntry, Consent
from yrd.core.personal.subject import consent_withdraw, consent_withdrawn


def test_the_reporter_withdraws_the_contact_consent_and_the_contact_is_erased(client, people, suzhou_report):
    consent = Consent.objects.get(code="market.reporter_contact", user=people.reporter_zhang)
    client.force_login(people.reporter_zhang)
    page = client.get(reverse("core:my-data")).content.decode()
    assert reverse("core:consent-withdraw", args=[consent.pk]) in page and "If you withdraw it" in page
    response = client.post(reverse("core:consent-withdraw", args=[consent.pk]))
    assert response.status_code == 302
    consent.refresh_from_db()
    suzhou_report.refresh_from_db()
    assert consent.withdrawn_at is not None and consent_withdrawn("market.reporter_contact", suzhou_report)
    assert (suzhou_report.reporter_name, suzhou_report.reporter_phone, suzhou_report.reporter_email) == ("", "", "")
    assert suzhou_report.description  # the report itself stays
    entry = AuditEntry.objects.get(action="core.personal.consent_withdraw")
    assert entry.data["erased"] == ["reporter_name", "reporter_phone", "reporter_email"]
    assert "zhang@example.test" not in json.dumps(entry.data)
    exported = json.loads(client.get(reverse("core:my-data-json")).content)
    given = next(s for s in exported["sections"] if s["title"] == "Consents you gave")["records"]
    assert given[0]["withdrawn_at"]
    assert verify_chain() is None


def test_only_the_person_withdraws_and_only_once(client, people, suzhou_report):
    consent = Consent.objects.get(code="market.reporter_contact")
    client.force_login(people.suzhou)
    assert client.post(reverse("core:consent-withdraw", args=[consent.pk])).status_code == 404
    with pytest.raises(ValidationError):
        consent_withdraw(acting_user=people.suzhou, consent=consent)
    consent_withdraw(acting_user=people.reporter_zhang, consent=consent)
    with pytest.raises(ValidationError):
        consent_withdraw(acting_user=people.reporter_zhang, consent=consent)


def test_withdrawing_needs_a_post(client, people, suzhou_report):
    consent = Consent.objects.get(code="market.reporter_contact")
    client.force_login(people.reporter_zhang)
    assert client.get(reverse("core:consent-withdraw", args=[consent.pk])).status_code == 405


def test_a_consent_is_withdrawn_through_the_api_too(client, people, suzhou_report):
    consent = Consent.objects.get(code="market.reporter_contact")
    client.force_login(people.suzhou)
    url = f"/api/core/personal/consents/{consent.pk}/withdraw"
    assert client.post(url).status_code == 404
    client.force_login(people.reporter_zhang)
    answer = client.post(url)
    assert answer.status_code == 200 and answer.json()["withdrawn_at"]
    assert client.post(url).status_code in (400, 409, 422)
