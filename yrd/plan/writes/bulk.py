"""Coordinators' bulk changes from the task list: shift dates, set the end, mark done, publish."""

from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.plan.actors import Actor
from yrd.plan.models import ProgressReport, Task

from .common import require_lead
from .milestones import milestone_update
from .tasks import task_update

BULK_OPERATION = "plan.tasks.bulk_change"


@dataclass(frozen=True)
class BulkChange:
    shift_days: int = 0
    new_end: date | None = None
    complete: bool = False
    publish: bool | None = None


@write
def tasks_bulk_change(
    *,
    acting_user: Actor,
    tasks: list[Task],
    shift_days: int = 0,
    new_end: date | None = None,
    complete: bool = False,
    publish: bool | None = None,
    idempotency_key: str | None = None,
) -> list[Task]:
    """Apply one change to every task, or to none (one task outside the acting coordinator's lead
    side refuses all). Status is derived, so 'mark done' records what makes a task done: its open
    milestones closed today and an accepted 100% report. Returns the tasks changed: none when the
    idempotency key repeats an earlier request (a form sent twice)."""
    tasks = list(tasks)
    for task in tasks:
        require_lead(acting_user, task)
    change = BulkChange(shift_days=shift_days, new_end=new_end, complete=complete, publish=publish)
    key = {"acting_user": acting_user, "operation": BULK_OPERATION, "key": idempotency_key}
    if idempotency.claim(**key, request={"tasks": sorted(t.pk for t in tasks), **asdict(change)}) is not None:
        return []
    today = timezone.localdate()
    for task in tasks:
        _shift_milestones(acting_user, task, change.shift_days)
        fields = _task_fields(task, change)
        if fields:
            task_update(acting_user=acting_user, task=task, **fields)
        if change.complete:
            _complete(acting_user, task, today)
    idempotency.fulfil(**key, result_id=len(tasks))
    return tasks


def _shift_milestones(acting_user: Actor, task: Task, days: int) -> None:
    for milestone in task.milestones.filter(done_date__isnull=True) if days else ():
        milestone_update(acting_user=acting_user, milestone=milestone, due_date=milestone.due_date + timedelta(days))


def _task_fields(task: Task, change: BulkChange) -> dict:
    fields = {}
    if change.shift_days:
        fields.update(start=task.start + timedelta(change.shift_days), end=task.end + timedelta(change.shift_days))
    if change.new_end:
        fields["end"] = change.new_end
    if change.publish is not None:
        fields["is_published"] = change.publish
    return fields


def _complete(acting_user: Actor, task: Task, today: date) -> None:
    """Close the open milestones today and file an accepted 100% report for this month so far; a
    live report of the same period gives way to it (returned, each one audited)."""
    for milestone in task.milestones.filter(done_date__isnull=True):
        milestone_update(acting_user=acting_user, milestone=milestone, done_date=today)
    period = {"task": task, "period_start": today.replace(day=1), "period_end": today}
    superseded = list(
        ProgressReport.objects.select_for_update()
        .filter(**period)
        .exclude(review_state=ProgressReport.Review.RETURNED)
        .order_by("pk")
    )
    note = _("Superseded: the coordinator confirmed the task done.")
    ProgressReport.objects.filter(pk__in=[r.pk for r in superseded]).update(
        review_state=ProgressReport.Review.RETURNED, review_comment=note
    )
    completion = ProgressReport.objects.create(
        **period,
        percent=100,
        narrative_zh="协调员确认任务完成。",
        narrative_en="Completion confirmed by the coordinator.",
        submitted_by=person(acting_user),
        submitted_at=timezone.now(),
        review_state=ProgressReport.Review.ACCEPTED,
        reviewed_by=person(acting_user),
        reviewed_at=timezone.now(),
    )
    for report in superseded:
        audit_record(
            actor=acting_user,
            action="plan.report.supersede",
            obj=report,
            data={"task": task.code, "superseded_by": completion.pk, "was": report.review_state},
        )
    audit_record(
        actor=acting_user,
        action="plan.task.complete",
        obj=task,
        data={"report": completion.pk, "superseded": [r.pk for r in superseded]},
    )
