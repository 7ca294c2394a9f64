"""A signed-in person exports everything the platform holds about them (JSON, PDF, API), gathered
from every module's hook, with the consents they gave; nobody else's data is in it."""

import json

from yrd.core.models import AuditEntry, Consent
from yrd.market.tests.factories import report, reporter


def test_the_reporter_gave_a_consent_with_its_wording_and_version(people, suzhou_report):
    consent = Consent.objects.get(user=people.reporter_zhang)
    assert consent.code == "market.reporter_contact" and consent.version == "2026-12"
    assert "regulators" in consent.text
    assert (consent.object_type, consent.object_id) == ("market.Report", str(suzhou_report.pk))


def test_an_anonymous_report_without_contact_records_no_consent(people):
    from yrd.core.actors import SYSTEM

    report(acting_user=SYSTEM, reporter_name="", reporter_phone="")
    assert not Consent.objects.exists()


def test_the_json_export_holds_the_persons_own_report_and_not_anothers(client, people, suzhou_report):
    report(acting_user=reporter("li"), reporter_phone="13911112222")
    client.force_login(people.reporter_zhang)
    answer = client.get("/core/personal/export.json")
    assert answer.status_code == 200 and answer["Content-Disposition"].startswith("attachment")
    exported = json.loads(answer.content)
    text = json.dumps(exported, ensure_ascii=False)
    assert suzhou_report.receipt in text and "13800138000" in text  # their own data, in full
    assert "13911112222" not in text
    titles = {s["title"] for s in exported["sections"]}
    assert {"Your account", "Consents you gave", "Violation reports you made", "Your applications"} <= titles
    assert AuditEntry.objects.get(action="core.personal.export").actor_id == people.reporter_zhang.pk


def test_the_page_lists_the_consents_and_the_sections(client, people, suzhou_report):
    client.force_login(people.reporter_zhang)
    page = client.get("/core/personal/").content.decode()
    assert "market.reporter_contact" in page and suzhou_report.receipt in page
    assert not AuditEntry.objects.filter(action="core.personal.export").exists()  # looking is not exporting


def test_the_pdf_export_is_a_pdf(client, people, suzhou_report):
    client.force_login(people.reporter_zhang)
    answer = client.get("/core/personal/export.pdf")
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")


def test_the_api_gives_the_same_export_to_the_signed_in_person_only(client, people, suzhou_report):
    assert client.get("/api/core/personal/mine").status_code == 401
    client.force_login(people.reporter_zhang)
    body = client.get("/api/core/personal/mine").json()
    assert body["person"] == "zhang"
    reports = next(s for s in body["sections"] if s["module"] == "market" and s["records"])
    assert reports["records"][0]["receipt"] == suzhou_report.receipt


def test_the_pages_send_strangers_to_log_in(client):
    for url in ("/core/personal/", "/core/personal/export.json", "/core/personal/export.pdf"):
        assert client.get(url).status_code == 302
