"""Progress reports as their reader may see them: a task's history, the review queue, the
reports a person submitted."""

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from yrd.core.access import filter_visible
from yrd.core.models import Jurisdiction
from yrd.plan.actors import Reader
from yrd.plan.apps import REVIEW
from yrd.plan.models import Plan, ProgressReport, Task

from .tasks import LEAD_FIELDS, ORGANISATION_FIELD, current_plan, filter_tasks, visible_tasks


def _reports() -> QuerySet[ProgressReport]:
    related = ProgressReport.objects.select_related("task", "submitted_by", "reviewed_by")
    return related.prefetch_related("evidence")


def task_reports(task: Task) -> list[ProgressReport]:
    return list(_reports().filter(task=task))


def visible_report(user: Reader, pk: int) -> ProgressReport:
    """One report on a task the user may read, or Http404."""
    report = _reports().filter(pk=pk, task__in=visible_tasks(user)).first()
    if report is None:
        raise Http404(_("No such report, or you may not see it."))
    return report


def report_again(report: ProgressReport) -> ProgressReport:
    """A report just written, re-read with what its output shows."""
    return _reports().get(pk=report.pk)


def reports_awaiting_review(user: Reader) -> QuerySet[ProgressReport]:
    """Submitted reports on tasks the user may review: those led inside their jurisdictions.
    Filtering tasks first keeps this one cheap query however many reports there are."""
    reviewable = filter_visible(
        Task.objects.filter(plan=current_plan()),
        user,
        REVIEW,
        jurisdiction_fields=LEAD_FIELDS,
        organisation_field=ORGANISATION_FIELD,
    )
    return ProgressReport.objects.filter(
        review_state=ProgressReport.Review.SUBMITTED, task__in=reviewable
    ).select_related("task", "submitted_by")


NEEDS_REVISION = "needs_revision"  # a state filter: returned and not yet followed by a new report


def filter_reports(
    reports: QuerySet[ProgressReport],
    *,
    state: str | None = None,
    area: int | str | None = None,
    jurisdiction: Jurisdiction | None = None,
    search: str = "",
) -> QuerySet[ProgressReport]:
    """Reports in a review state (or NEEDS_REVISION: returned, not revised; the queryset must come
    from my_reports), on tasks in an area or jurisdiction, with `search` in the task's code or title."""
    if state == NEEDS_REVISION:
        reports = reports.filter(review_state=ProgressReport.Review.RETURNED, revised=False)
    elif state:
        reports = reports.filter(review_state=state)
    return filter_tasks(reports, area=area, jurisdiction=jurisdiction, search=search, via="task__")


def my_reports(user: Reader, plan: Plan | None = None) -> QuerySet[ProgressReport]:
    """Reports the user submitted, on tasks they may still read, newest first. Each carries
    `revised`: whether a report for the same task and period that was not returned exists
    (so a returned report needs no further revision)."""
    live_same_period = ProgressReport.objects.filter(
        task=OuterRef("task"),
        period_start=OuterRef("period_start"),
        period_end=OuterRef("period_end"),
    ).exclude(review_state=ProgressReport.Review.RETURNED)
    return (
        ProgressReport.objects.filter(submitted_by=user, task__in=visible_tasks(user, plan))
        .select_related("task", "reviewed_by")
        .prefetch_related("evidence")
        .annotate(revised=Exists(live_same_period))
        .order_by("-submitted_at", "-pk")
    )
