"""Progress reports through the task page: submitting with evidence, reviewing, downloading."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from yrd.core.tests.factories import person
from yrd.plan.models import Evidence, ProgressReport
from yrd.plan.tests.factories import ReportFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


def report_data(**overrides):
    data = {
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "percent": "40",
        "risk_level": "low",
        "narrative_zh": "",
        "narrative_en": "Tender documents published.",
        "kpi_value": "",
        "idempotency_key": "",
    }
    data.update(overrides)
    return data


def submit(client, task, files=(), **overrides):
    return client.post(
        reverse("plan:report-submit", args=[task.pk]),
        {**report_data(**overrides), "evidence": list(files)},
    )


def test_the_owner_sees_the_report_form_and_the_coordinator_does_not(client, people, tasks):
    url = reverse("plan:task", args=[tasks.shanghai.pk])
    form_action = f'action="{reverse("plan:report-submit", args=[tasks.shanghai.pk])}"'
    client.force_login(people.owner)
    assert form_action in client.get(url).content.decode()
    client.force_login(people.region)
    page = client.get(url)
    assert page.context["report_form"] is None
    assert form_action not in page.content.decode()


def test_a_report_submitted_through_the_page_changes_the_overview(client, people, tasks):
    client.force_login(people.owner)
    before = client.get(reverse("plan:overview")).context
    assert before["average"] == 0
    response = submit(client, tasks.shanghai, percent="40")
    assert response.status_code == 302
    assert response["Location"] == reverse("plan:task", args=[tasks.shanghai.pk])
    after = client.get(reverse("plan:overview"))
    assert after.context["average"] == 40
    assert after.context["summary"]["per_area"][tasks.shanghai.area_id]["percent"] == 40
    assert 'id="kpi-percent"><b>40.0%' in after.content.decode()
    report = ProgressReport.objects.get(task=tasks.shanghai)
    assert (report.percent, report.submitted_by, report.review_state) == (
        40,
        people.owner,
        "submitted",
    )


def test_evidence_is_stored_with_its_sniffed_type(client, people, tasks):
    client.force_login(people.owner)
    response = submit(
        client,
        tasks.shanghai,
        files=[
            SimpleUploadedFile("photo.png", PNG, content_type="image/png"),
            SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf"),
        ],
    )
    assert response.status_code == 302
    stored = {e.original_name: e.content_type for e in Evidence.objects.all()}
    assert stored == {"photo.png": "image/png", "minutes.pdf": "application/pdf"}


def test_a_bad_upload_is_refused_with_a_message_and_nothing_is_saved(client, people, tasks):
    client.force_login(people.owner)
    response = submit(
        client,
        tasks.shanghai,
        files=[
            SimpleUploadedFile("report.pdf", b"this is not a PDF at all", content_type="application/pdf"),
        ],
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "report.pdf is not a PDF, JPEG or PNG file" in text
    assert 'id="error-evidence"' in text
    assert "The report was not saved" in text
    assert not ProgressReport.objects.exists()
    assert not Evidence.objects.exists()


def test_field_errors_are_shown_next_to_their_fields(client, people, tasks):
    client.force_login(people.owner)
    response = submit(client, tasks.shanghai, percent="140", narrative_en="", period_end="2025-02-01")
    assert response.status_code == 400
    errors = response.context["report_form"].errors
    assert set(errors) == {"percent", "narrative_zh", "period_end"}
    text = response.content.decode()
    assert 'id="error-percent"' in text and 'id="error-period_end"' in text
    assert not ProgressReport.objects.exists()


def test_a_second_report_for_the_same_period_is_refused(client, people, tasks):
    client.force_login(people.owner)
    assert submit(client, tasks.shanghai).status_code == 302
    response = submit(client, tasks.shanghai, percent="45")
    assert response.status_code == 400
    assert "already on file" in response.content.decode()
    assert ProgressReport.objects.count() == 1


def test_sending_the_same_form_twice_records_one_report(client, people, tasks):
    client.force_login(people.owner)
    key = "page-test-key"
    assert submit(client, tasks.shanghai, idempotency_key=key).status_code == 302
    assert submit(client, tasks.shanghai, idempotency_key=key).status_code == 302
    assert ProgressReport.objects.count() == 1


@pytest.mark.parametrize("who, status", [("region", 403), ("jiangsu", 404), ("stranger", 404)])
def test_only_the_tasks_owner_may_report(client, people, tasks, who, status):
    client.force_login(getattr(people, who))
    assert submit(client, tasks.shanghai).status_code == status
    assert not ProgressReport.objects.exists()


def test_an_owner_of_another_organisation_may_not_report(client, people, tasks):
    client.force_login(people.owner)
    assert submit(client, tasks.shanghai_other).status_code == 404


def test_reporting_needs_a_login(client, tasks):
    assert submit(client, tasks.shanghai).status_code == 302
    assert not ProgressReport.objects.exists()


# Evidence downloads


@pytest.fixture
def evidence(client, people, tasks):
    client.force_login(people.owner)
    submit(
        client,
        tasks.shanghai,
        files=[SimpleUploadedFile("photo.png", PNG, content_type="image/png")],
    )
    client.logout()
    return Evidence.objects.get()


@pytest.mark.parametrize("who", ["owner", "region"])
def test_evidence_downloads_as_an_attachment_with_its_stored_type(client, people, evidence, who):
    client.force_login(getattr(people, who))
    response = client.get(reverse("plan:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "photo.png" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PNG


@pytest.mark.parametrize("who", ["jiangsu", "stranger"])
def test_evidence_is_refused_to_those_who_may_not_read_the_task(client, people, evidence, who):
    client.force_login(getattr(people, who))
    assert client.get(reverse("plan:evidence", args=[evidence.pk])).status_code == 403


def test_evidence_needs_a_login(client, evidence):
    assert client.get(reverse("plan:evidence", args=[evidence.pk])).status_code == 302


def test_the_task_page_links_the_evidence(client, people, evidence, tasks):
    client.force_login(people.region)
    text = client.get(reverse("plan:task", args=[tasks.shanghai.pk])).content.decode()
    assert reverse("plan:evidence", args=[evidence.pk]) in text


# Reviews


@pytest.fixture
def waiting(tasks, people):
    return ReportFactory(
        task=tasks.shanghai,
        submitted_by=people.owner,
        percent=30,
        period_start=date(2025, 4, 1),
        period_end=date(2025, 4, 30),
        narrative_en="Awaiting a decision.",
    )


def review(client, report, decision, comment=""):
    return client.post(
        reverse("plan:report-review", args=[report.pk]),
        {"decision": decision, "comment": comment, "next": reverse("plan:reviews")},
    )


def test_the_review_queue_lists_reports_the_reviewer_may_decide(client, people, waiting, tasks):
    ReportFactory(task=tasks.zhejiang, percent=10)
    client.force_login(people.region)
    assert {r.pk for r in client.get(reverse("plan:reviews")).context["reports"]} == {
        waiting.pk,
        *ProgressReport.objects.filter(task=tasks.zhejiang).values_list("pk", flat=True),
    }
    client.force_login(people.jiangsu)
    assert list(client.get(reverse("plan:reviews")).context["reports"]) == []


def test_a_task_owner_has_no_review_queue(client, people, waiting):
    client.force_login(people.owner)
    page = client.get(reverse("plan:reviews"))
    assert page.status_code == 200
    assert "Your role does not include reviewing" in page.content.decode()


def test_accepting_a_report(client, people, waiting):
    client.force_login(people.region)
    response = review(client, waiting, "accept")
    assert response.status_code == 302 and response["Location"] == reverse("plan:reviews")
    waiting.refresh_from_db()
    assert (waiting.review_state, waiting.reviewed_by) == ("accepted", people.region)


def test_returning_a_report_needs_a_reason(client, people, waiting):
    client.force_login(people.region)
    response = review(client, waiting, "return")
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.review_state == "submitted"
    page = client.get(response["Location"])
    assert "Say why the report is returned." in page.content.decode()
    review(client, waiting, "return", "Attach the tender notice.")
    waiting.refresh_from_db()
    assert (waiting.review_state, waiting.review_comment) == (
        "returned",
        "Attach the tender notice.",
    )


def test_review_buttons_are_shown_only_to_reviewers(client, people, waiting, tasks):
    url = reverse("plan:task", args=[tasks.shanghai.pk])
    review_url = reverse("plan:report-review", args=[waiting.pk])
    client.force_login(people.region)
    assert review_url in client.get(url).content.decode()
    client.force_login(people.owner)
    assert review_url not in client.get(url).content.decode()


@pytest.mark.parametrize("who, status", [("owner", 403), ("jiangsu", 404), ("stranger", 404)])
def test_others_may_not_review(client, people, waiting, who, status):
    client.force_login(getattr(people, who))
    assert review(client, waiting, "accept").status_code == status
    waiting.refresh_from_db()
    assert waiting.review_state == "submitted"


def test_a_report_reviewed_twice_says_so(client, people, waiting):
    client.force_login(people.region)
    review(client, waiting, "accept")
    response = review(client, waiting, "accept")
    assert "already reviewed" in client.get(response["Location"]).content.decode()


def test_a_zhejiang_coordinator_reviews_zhejiang_reports(client, tasks):
    report = ReportFactory(task=tasks.zhejiang)
    client.force_login(person("plan_coordinator", "330000"))
    assert review(client, report, "accept").status_code == 302
    report.refresh_from_db()
    assert report.review_state == "accepted"
