"""Every write to the plan: permission-checked, validated, in one transaction, audited."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.notifications import notify
from yrd.core.translation import interpolate_lazy
from yrd.core.uploads import check_upload
from yrd.plan.apps import BASELINE, MANAGE, REVIEW, SUBMIT
from yrd.plan.models import Baseline, Evidence, Milestone, ProgressReport, Task
from yrd.plan.snapshots import TASK_FIELDS, plan_snapshot, task_snapshot

__all__ = [
    "baseline_freeze",
    "milestone_create",
    "milestone_update",
    "report_review",
    "report_submit",
    "task_create",
    "task_update",
    "tasks_bulk_change",
]


def _jurisdiction_code(task):
    leads = list(task.lead_jurisdictions.all())
    return leads[0].code if len(leads) == 1 else ""


def _require_scope(acting_user, leads, coleads):
    """Creating or re-assigning a task needs plan.task.manage over every jurisdiction involved."""
    for jurisdiction in [*leads, *coleads]:
        require(acting_user, MANAGE, jurisdiction)
    if not leads:
        require(acting_user, MANAGE, None)


@write
def task_create(
    *, acting_user, plan, code, title_zh, start, end, area=None, leads=(), coleads=(), organisations=(), **fields
):
    _require_scope(acting_user, leads, coleads)
    task = Task(plan=plan, area=area, code=code, title_zh=title_zh, start=start, end=end, **fields)
    task.full_clean()
    task.save()
    task.lead_jurisdictions.set(leads)
    task.colead_jurisdictions.set(coleads)
    task.responsible_organisations.set(organisations)
    audit_record(
        actor=acting_user,
        action="plan.task.create",
        obj=task,
        jurisdiction=_jurisdiction_code(task),
        data=task_snapshot(task),
    )
    return task


@write
def task_update(*, acting_user, task, leads=None, coleads=None, organisations=None, **changes):
    require(acting_user, MANAGE, task)
    if leads is not None or coleads is not None:
        _require_scope(acting_user, leads or task.lead_jurisdictions.all(), coleads or [])
    before = task_snapshot(task)
    for name, value in changes.items():
        if name not in TASK_FIELDS and name not in ("area", "area_assignment", "source", "demo_details"):
            raise ValidationError({name: _("This field cannot be changed here.")})
        setattr(task, name, value)
    task.full_clean()
    task.save()
    if leads is not None:
        task.lead_jurisdictions.set(leads)
    if coleads is not None:
        task.colead_jurisdictions.set(coleads)
    if organisations is not None:
        task.responsible_organisations.set(organisations)
    after = task_snapshot(task)
    changed = {k: [before[k], after[k]] for k in after if before.get(k) != after[k]}
    if changed:
        audit_record(
            actor=acting_user, action="plan.task.update", obj=task, jurisdiction=_jurisdiction_code(task), data=changed
        )
    return task


@write
def milestone_create(*, acting_user, task, title_zh, due_date, title_en="", done_date=None, is_demo=False):
    require(acting_user, MANAGE, task)
    milestone = Milestone(
        task=task, title_zh=title_zh, title_en=title_en, due_date=due_date, done_date=done_date, is_demo=is_demo
    )
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=acting_user,
        action="plan.milestone.create",
        obj=milestone,
        data={"task": task.code, "due_date": due_date, "done_date": done_date},
    )
    return milestone


@write
def milestone_update(*, acting_user, milestone, **changes):
    require(acting_user, MANAGE, milestone.task)
    before = {k: getattr(milestone, k) for k in changes}
    for name, value in changes.items():
        if name not in ("title_zh", "title_en", "due_date", "done_date"):
            raise ValidationError({name: _("This field cannot be changed here.")})
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=acting_user,
        action="plan.milestone.update",
        obj=milestone,
        data={k: [before[k], changes[k]] for k in changes},
    )
    return milestone


@write
def report_submit(
    *,
    acting_user,
    task,
    period_start,
    period_end,
    percent,
    narrative_zh="",
    narrative_en="",
    risk_level="low",
    kpi_value=None,
    evidence=(),
    idempotency_key=None,
    is_demo=False,
    submitted_at=None,
):
    """Record a progress report. A retry with the same idempotency key returns the first report."""
    if idempotency_key:
        earlier = ProgressReport.objects.filter(idempotency_key=idempotency_key).first()
        if earlier is not None:
            if earlier.task_id != task.pk or earlier.submitted_by_id != getattr(acting_user, "pk", None):
                raise Conflict(
                    _("This idempotency key was already used for another report."), code="idempotency_key_reused"
                )
            return earlier
    require(acting_user, SUBMIT, task)
    report = ProgressReport(
        task=task,
        period_start=period_start,
        period_end=period_end,
        percent=percent,
        narrative_zh=narrative_zh,
        narrative_en=narrative_en,
        risk_level=risk_level,
        kpi_value=kpi_value,
        submitted_by=person(acting_user),
        submitted_at=submitted_at or timezone.now(),
        idempotency_key=idempotency_key or None,
        is_demo=is_demo,
    )
    report.full_clean(validate_constraints=False)
    checked = [(upload, *check_upload(upload)) for upload in evidence]
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise Conflict(
            _("A report for this period is already on file; it must be returned before a new one can be submitted."),
            code="period_reported",
        ) from None
    for upload, content_type, digest in checked:
        Evidence.objects.create(
            report=report,
            file=upload,
            original_name=upload.name[:200],
            content_type=content_type,
            size=upload.size,
            sha256=digest,
        )
    audit_record(
        actor=acting_user,
        action="plan.report.submit",
        obj=report,
        jurisdiction=_jurisdiction_code(task),
        data={"task": task.code, "percent": percent, "risk": risk_level, "evidence": [d for _u, _t, d in checked]},
    )
    return report


@write
def report_review(*, acting_user, report, accept, comment=""):
    require(acting_user, REVIEW, report.task)
    if report.review_state != ProgressReport.Review.SUBMITTED:
        raise Conflict(_("This report was already reviewed."), code="already_reviewed")
    if not accept and not comment.strip():
        raise ValidationError({"review_comment": _("Say why the report is returned.")})
    report.review_state = ProgressReport.Review.ACCEPTED if accept else ProgressReport.Review.RETURNED
    report.reviewed_by, report.reviewed_at, report.review_comment = person(acting_user), timezone.now(), comment
    report.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "review_comment"])
    audit_record(
        actor=acting_user,
        action="plan.report.review",
        obj=report,
        data={"decision": report.review_state, "comment": comment},
    )
    if report.submitted_by is not None:
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
    return report


@write
def tasks_bulk_change(*, acting_user, tasks, shift_days=0, new_end=None, complete=False, publish=None):
    """Coordinators' bulk edit. Status is derived, so 'mark done' records what makes a task done:
    its open milestones closed today and an accepted 100% report."""
    tasks = list(tasks)
    for task in tasks:
        require(acting_user, MANAGE, task)
    today = timezone.localdate()
    for task in tasks:
        changes = {}
        if shift_days:
            changes.update(start=task.start + timedelta(days=shift_days), end=task.end + timedelta(days=shift_days))
            for milestone in task.milestones.filter(done_date__isnull=True):
                milestone_update(
                    acting_user=acting_user,
                    milestone=milestone,
                    due_date=milestone.due_date + timedelta(days=shift_days),
                )
        if new_end:
            changes["end"] = new_end
        if publish is not None:
            changes["is_published"] = publish
        if changes:
            task_update(acting_user=acting_user, task=task, **changes)
        if complete:
            _complete(acting_user, task, today)
    return tasks


def _complete(acting_user, task, today):
    for milestone in task.milestones.filter(done_date__isnull=True):
        milestone_update(acting_user=acting_user, milestone=milestone, done_date=today)
    report = ProgressReport(
        task=task,
        period_start=today.replace(day=1),
        period_end=today,
        percent=100,
        narrative_zh="协调员确认任务完成。",
        narrative_en="Completion confirmed by the coordinator.",
        submitted_by=person(acting_user),
        submitted_at=timezone.now(),
        review_state=ProgressReport.Review.ACCEPTED,
        reviewed_by=person(acting_user),
        reviewed_at=timezone.now(),
    )
    ProgressReport.objects.filter(
        task=task,
        period_start=report.period_start,
        period_end=today,
    ).exclude(review_state=ProgressReport.Review.RETURNED).update(
        review_state=ProgressReport.Review.RETURNED, review_comment="superseded by completion"
    )
    report.save()
    audit_record(actor=acting_user, action="plan.task.complete", obj=task, data={"report": report.pk})


@write
def baseline_freeze(*, acting_user, plan, name):
    require(acting_user, BASELINE, None)
    baseline = Baseline.objects.create(
        plan=plan,
        name=name,
        taken_at=timezone.now(),
        taken_by=person(acting_user),
        snapshot=plan_snapshot(plan),
    )
    audit_record(actor=acting_user, action="plan.baseline.freeze", obj=baseline, data={"tasks": len(baseline.snapshot)})
    return baseline
