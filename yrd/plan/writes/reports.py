"""Progress reports: submitted by the task owners of the leads and co-leads (with evidence, and an
idempotency key a client may retry with), reviewed once by the lead side's coordinators."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.notifications import notify
from yrd.core.translation import interpolate_lazy
from yrd.core.uploads import check_upload
from yrd.plan.actors import Actor
from yrd.plan.apps import REVIEW, SUBMIT
from yrd.plan.models import Evidence, ProgressReport, Task

from .common import audit_jurisdiction

SUBMIT_OPERATION = "plan.report.submit"


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    content_type: str
    sha256: str


@dataclass(frozen=True)
class Submission:
    """What a task owner reports, as the write receives it."""

    task: Task
    period_start: date
    period_end: date
    percent: int
    narrative_zh: str = ""
    narrative_en: str = ""
    risk_level: str = ProgressReport.Risk.LOW
    kpi_value: Decimal | None = None

    def request(self, evidence: list[CheckedFile]) -> dict:
        """The request as its idempotency key remembers it: equal for a retry of the same report."""
        return {
            "task": self.task.pk,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "percent": self.percent,
            "narrative_zh": self.narrative_zh,
            "narrative_en": self.narrative_en,
            "risk_level": self.risk_level,
            "kpi_value": None if self.kpi_value is None else f"{Decimal(self.kpi_value):.2f}",
            "evidence": [f.sha256 for f in evidence],
        }


@write
def report_submit(
    *,
    acting_user: Actor,
    task: Task,
    period_start: date,
    period_end: date,
    percent: int,
    narrative_zh: str = "",
    narrative_en: str = "",
    risk_level: str = ProgressReport.Risk.LOW,
    kpi_value: Decimal | None = None,
    evidence: list[UploadedFile] = (),
    idempotency_key: str | None = None,
    is_demo: bool = False,
    submitted_at: datetime | None = None,
) -> ProgressReport:
    """Record a progress report. With an idempotency key, sending the same report again returns
    the first one (`report.replayed` is then True) and a different request with it is refused."""
    require(acting_user, SUBMIT, task)
    submission = Submission(
        task=task,
        period_start=period_start,
        period_end=period_end,
        percent=percent,
        narrative_zh=narrative_zh,
        narrative_en=narrative_en,
        risk_level=risk_level,
        kpi_value=kpi_value,
    )
    report = _new_report(acting_user, submission, submitted_at=submitted_at, is_demo=is_demo)
    checked = _validated(report, evidence)
    key = {"acting_user": acting_user, "operation": SUBMIT_OPERATION, "key": idempotency_key}
    earlier = idempotency.claim(**key, request=submission.request(checked))
    if earlier is not None:
        return _replayed(ProgressReport.objects.get(pk=earlier))
    _save(report)
    for file in checked:
        Evidence.objects.create(
            report=report,
            file=file.upload,
            original_name=file.upload.name[:200],
            content_type=file.content_type,
            size=file.upload.size,
            sha256=file.sha256,
        )
    _audit_submission(acting_user, report, checked)
    idempotency.fulfil(**key, result_id=report.pk)
    report.replayed = False
    return report


def _new_report(
    acting_user: Actor, submission: Submission, *, submitted_at: datetime | None, is_demo: bool
) -> ProgressReport:
    return ProgressReport(
        task=submission.task,
        period_start=submission.period_start,
        period_end=submission.period_end,
        percent=submission.percent,
        narrative_zh=submission.narrative_zh,
        narrative_en=submission.narrative_en,
        risk_level=submission.risk_level,
        kpi_value=submission.kpi_value,
        submitted_by=person(acting_user),
        submitted_at=submitted_at or timezone.now(),
        is_demo=is_demo,
    )


def _validated(report: ProgressReport, evidence: list[UploadedFile]) -> list[CheckedFile]:
    """The evidence files checked; every problem of the report and its files raised at once."""
    errors, checked = {}, []
    try:
        report.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    for upload in evidence:
        try:
            checked.append(CheckedFile(upload, *check_upload(upload)))
        except ValidationError as error:
            errors.setdefault("evidence", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def _replayed(report: ProgressReport) -> ProgressReport:
    report.replayed = True
    return report


def _save(report: ProgressReport) -> None:
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise Conflict(
            _("A report for this period is already on file; it must be returned before a new one can be submitted."),
            code="period_reported",
        ) from None


def _audit_submission(acting_user: Actor, report: ProgressReport, checked: list[CheckedFile]) -> None:
    audit_record(
        actor=acting_user,
        action="plan.report.submit",
        obj=report,
        jurisdiction=audit_jurisdiction(report.task),
        data={
            "task": report.task.code,
            "percent": report.percent,
            "risk": report.risk_level,
            "evidence": [f.sha256 for f in checked],
        },
    )


def _lock(report: ProgressReport) -> ProgressReport:
    """The report re-read under a row lock, for a decision that depends on its current state."""
    return (
        ProgressReport.objects.select_for_update(of=("self",)).select_related("task", "submitted_by").get(pk=report.pk)
    )


@write
def report_review(*, acting_user: Actor, report: ProgressReport, accept: bool, comment: str = "") -> ProgressReport:
    """Accept or return a report, once; returning it needs a comment. Two reviewers at once: the
    second waits for the first and is told the report was already reviewed."""
    report = _lock(report)
    require(
        acting_user,
        REVIEW,
        report.task.lead_scope(),
        _("Only the coordinators of the lead province (or of the region) review the reports of task %(code)s.")
        % {"code": report.task.code},
    )
    if report.review_state != ProgressReport.Review.SUBMITTED:
        raise Conflict(_("This report was already reviewed."), code="already_reviewed")
    if not accept and not comment.strip():
        raise ValidationError({"review_comment": _("Say why the report is returned.")})
    report.review_state = ProgressReport.Review.ACCEPTED if accept else ProgressReport.Review.RETURNED
    report.reviewed_by, report.reviewed_at, report.review_comment = person(acting_user), timezone.now(), comment
    report.clean_fields(exclude=[f.name for f in ProgressReport._meta.fields if f.name != "review_comment"])
    report.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "review_comment"])
    audit_record(
        actor=acting_user,
        action="plan.report.review",
        obj=report,
        data={"decision": report.review_state, "comment": comment},
    )
    _tell_submitter(report, comment)
    return report


def _tell_submitter(report: ProgressReport, comment: str) -> None:
    if report.submitted_by is None:
        return
    subject = interpolate_lazy(  # rendered by notify() in the recipient's language
        gettext_lazy("Progress report %(report)s: %(decision)s"),
        {"report": str(report), "decision": ProgressReport.Review(report.review_state).label},
    )
    notify(
        recipients=[report.submitted_by],
        subject=subject,
        body=comment,
        url=reverse("plan:task", args=[report.task_id]),
    )
