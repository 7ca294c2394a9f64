from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from yrd.core.errors import Conflict
from yrd.core.models import Notification
from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.plan import writes
from yrd.plan.models import Evidence, ProgressReport
from yrd.plan.tests.factories import ReportFactory, TaskFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def shanghai_task(reference, plan):
    organisation = OrganisationFactory(jurisdiction=jurisdiction("310000"))
    task = TaskFactory(leads=["310000"], organisations=[organisation])
    owner = person("task_owner", "310000", organisation=organisation)
    return task, owner


def submit(task, owner, **fields):
    values = {
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 1, 31),
        "percent": 30,
        "narrative_zh": "进展顺利",
    }
    return writes.report_submit(acting_user=owner, task=task, **{**values, **fields})


def test_an_owner_reports_with_evidence_stored_with_its_checksum(shanghai_task):
    task, owner = shanghai_task
    report = submit(task, owner, evidence=[SimpleUploadedFile("proof.pdf", PDF)])
    evidence = Evidence.objects.get(report=report)
    assert evidence.content_type == "application/pdf" and len(evidence.sha256) == 64


def test_a_disguised_file_is_refused_and_nothing_is_saved(shanghai_task):
    task, owner = shanghai_task
    with pytest.raises(ValidationError, match="not a PDF"):
        submit(task, owner, evidence=[SimpleUploadedFile("proof.pdf", b"MZ\x90\x00 not a pdf")])
    assert not ProgressReport.objects.exists()


def test_an_owner_of_another_organisation_may_not_report(shanghai_task):
    task, _owner = shanghai_task
    stranger = person("task_owner", "310000", organisation=OrganisationFactory())
    with pytest.raises(PermissionDenied):
        submit(task, stranger)


def test_a_retry_with_the_same_key_returns_the_first_report(shanghai_task):
    task, owner = shanghai_task
    first = submit(task, owner, idempotency_key="abc-1")
    again = submit(task, owner, idempotency_key="abc-1")
    assert first.pk == again.pk and ProgressReport.objects.count() == 1


def test_a_key_reused_for_another_task_is_a_conflict(shanghai_task):
    task, owner = shanghai_task
    submit(task, owner, idempotency_key="abc-1")
    other = TaskFactory(leads=["310000"], organisations=list(task.responsible_organisations.all()))
    with pytest.raises(Conflict):
        submit(other, owner, idempotency_key="abc-1")


def test_a_second_live_report_for_the_same_period_is_a_conflict(shanghai_task):
    task, owner = shanghai_task
    submit(task, owner)
    with pytest.raises(Conflict):
        submit(task, owner, percent=35)


def test_percent_above_100_is_refused(shanghai_task):
    task, owner = shanghai_task
    with pytest.raises(ValidationError) as error:
        submit(task, owner, percent=101)
    assert "percent" in error.value.message_dict


def test_returning_a_report_needs_a_reason_and_notifies_the_submitter(shanghai_task):
    task, owner = shanghai_task
    report = submit(task, owner)
    reviewer = person("plan_coordinator", "310000")
    with pytest.raises(ValidationError):
        writes.report_review(acting_user=reviewer, report=report, accept=False)
    writes.report_review(acting_user=reviewer, report=report, accept=False, comment="缺少佐证材料")
    assert Notification.objects.get(recipient=owner).body == "缺少佐证材料"
    assert submit(task, owner).pk != report.pk  # the period may be reported again


def test_a_report_cannot_be_reviewed_twice(shanghai_task):
    task, owner = shanghai_task
    report = submit(task, owner)
    reviewer = person("plan_coordinator", "YRD")
    writes.report_review(acting_user=reviewer, report=report, accept=True)
    with pytest.raises(Conflict):
        writes.report_review(acting_user=reviewer, report=report, accept=True)


def test_a_coordinator_of_another_province_may_not_review(shanghai_task):
    task, _owner = shanghai_task
    report = ReportFactory(task=task)
    with pytest.raises(PermissionDenied):
        writes.report_review(acting_user=person("plan_coordinator", "340000"), report=report, accept=True)


def test_the_review_notice_is_in_the_submitters_language_not_the_reviewers(shanghai_task):
    from django.utils import translation

    task, owner = shanghai_task
    owner.language = "zh-hans"
    owner.save()
    report = submit(task, owner)
    with translation.override("en"):
        writes.report_review(acting_user=person("plan_coordinator", "YRD"), report=report, accept=True)
    assert Notification.objects.get(recipient=owner).subject.endswith("已通过")
