"""Tasks as their reader may see them, annotated with what their derived status needs. Each read
takes a fixed number of queries however many tasks there are."""

import logging
from collections import defaultdict
from datetime import date
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import filter_visible
from yrd.core.models import Jurisdiction
from yrd.core.registry import registry
from yrd.plan.actors import Reader
from yrd.plan.apps import READ
from yrd.plan.models import Area, Milestone, Plan, ProgressReport, Task
from yrd.plan.status import Status, derive_status

log = logging.getLogger(__name__)
JURISDICTION_FIELDS = ("lead_jurisdictions", "colead_jurisdictions")  # who reads a task
LEAD_FIELDS = ("lead_jurisdictions",)  # who runs it: Task.lead_scope()
NO_AREA = "none"  # an area filter asking for the tasks whose area the source does not state
ORGANISATION_FIELD = "responsible_organisations"


def today() -> date:
    return timezone.localdate()


def current_plan() -> Plan | None:
    return Plan.objects.order_by("-start").first()


def plan_or_error() -> Plan:
    plan = current_plan()
    if plan is None:
        raise ValidationError(_("No plan is loaded yet."))
    return plan


def areas(plan: Plan | None) -> QuerySet[Area]:
    return Area.objects.filter(plan=plan).order_by("number")


def areas_with_counts() -> list[Area]:
    """The current plan's areas, each with `task_count`: its published tasks."""
    plan = current_plan()
    if plan is None:
        return []
    published = Count("tasks", filter=Q(tasks__is_published=True))
    return list(Area.objects.filter(plan=plan).annotate(task_count=published).order_by("number"))


def _count(queryset: QuerySet) -> Coalesce:
    counted = queryset.values("task").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def live_reports(*, accepted_only: bool = False) -> QuerySet[ProgressReport]:
    """Reports (of the outer task) not returned for revision, or only the accepted ones (what the
    public sees), newest first."""
    reports = ProgressReport.objects.filter(task=OuterRef("pk"))
    if accepted_only:
        reports = reports.filter(review_state=ProgressReport.Review.ACCEPTED)
    else:
        reports = reports.exclude(review_state=ProgressReport.Review.RETURNED)
    return reports.order_by("-period_end", "-submitted_at", "-pk")


def with_progress(
    tasks: QuerySet[Task],
    on_day: date | None = None,
    *,
    reports_until: date | None = None,
    accepted_only: bool = False,
) -> QuerySet[Task]:
    """Annotate tasks with what their status is derived from, as it stood on `on_day` (milestones
    done later count as open), and prefetch their leads. `reports_until` leaves out reports about
    periods ending after that date (a past quarter's report); `accepted_only` counts only reports
    a coordinator accepted."""
    on_day = on_day or today()
    latest = live_reports(accepted_only=accepted_only)
    if reports_until:
        latest = latest.filter(period_end__lte=reports_until)
    open_milestones = Milestone.objects.filter(task=OuterRef("pk")).filter(
        Q(done_date__isnull=True) | Q(done_date__gt=on_day)
    )
    return (
        tasks.select_related("area")
        .prefetch_related(
            Prefetch("lead_jurisdictions", queryset=Jurisdiction.objects.select_related("parent")),
            Prefetch("colead_jurisdictions", queryset=Jurisdiction.objects.select_related("parent")),
            ORGANISATION_FIELD,
        )
        .annotate(
            latest_percent=Subquery(latest.values("percent")[:1]),
            latest_risk=Subquery(latest.values("risk_level")[:1]),
            open_milestones=_count(open_milestones),
            overdue_milestones=_count(open_milestones.filter(due_date__lt=on_day)),
        )
    )


def status_of(task: Task, on_day: date | None = None) -> Status:
    """The task's derived status on `on_day`; also sets `task.awaiting_closure`: 100% reported
    while milestones are still open, which is not done yet and should not look merely on track."""
    task.awaiting_closure = task.latest_percent == 100 and task.open_milestones > 0
    return derive_status(
        today=on_day or today(),
        start=task.start,
        end=task.end,
        latest_percent=task.latest_percent,
        latest_risk=task.latest_risk,
        open_milestones=task.open_milestones,
        overdue_milestones=task.overdue_milestones,
    )


def visible_tasks(user: Reader, plan: Plan | None = None) -> QuerySet[Task]:
    """The plan's tasks `user` may read: those led or co-led inside their jurisdictions (bound to
    their organisation where their role is)."""
    tasks = Task.objects.filter(plan=plan or current_plan())
    return filter_visible(
        tasks, user, READ, jurisdiction_fields=JURISDICTION_FIELDS, organisation_field=ORGANISATION_FIELD
    )


def published_tasks(plan: Plan | None = None) -> QuerySet[Task]:
    return Task.objects.filter(plan=plan or current_plan(), is_published=True)


def task_rows(
    tasks: QuerySet[Task],
    on_day: date | None = None,
    *,
    status: str | None = None,
    area: int | str | None = None,
    jurisdiction: Jurisdiction | None = None,
    search: str = "",
    accepted_only: bool = False,
) -> list[Task]:
    """Evaluate annotated tasks into a list with `.status` set, filtered as asked: `area` is an
    area number or NO_AREA; `jurisdiction` keeps tasks led or co-led inside it."""
    tasks = filter_tasks(tasks, area=area, jurisdiction=jurisdiction, search=search)
    rows = list(with_progress(tasks, on_day, accepted_only=accepted_only))
    for task in rows:
        task.status = status_of(task, on_day)
    return [t for t in rows if t.status == status] if status else rows


def public_task_rows(plan: Plan | None = None, **filters) -> list[Task]:
    """Published tasks as the public sees them: progress and status from accepted reports only,
    so that a report awaiting review moves nothing in public. `filters` as task_rows takes them."""
    return task_rows(published_tasks(plan), accepted_only=True, **filters)


def public_task(plan: Plan, pk: int) -> Task:
    """One published task as the public sees it, or Http404."""
    rows = with_late_milestones(task_rows(published_tasks(plan).filter(pk=pk), accepted_only=True))
    if not rows:
        raise Http404(_("No such task, or it is not published."))
    return rows[0]


def milestones_by_task(
    tasks: QuerySet[Task], *, overdue_only: bool = False, on_day: date | None = None
) -> dict[int, list[Milestone]]:
    """{task id: [milestones]} for the tasks of a queryset, in one query."""
    milestones = Milestone.objects.filter(task__in=tasks.values("pk"))
    if overdue_only:
        milestones = milestones.filter(done_date__isnull=True, due_date__lt=on_day or today())
    grouped = defaultdict(list)
    for milestone in milestones.order_by("task_id", "due_date", "pk"):
        grouped[milestone.task_id].append(milestone)
    return grouped


def with_late_milestones(rows: list[Task], on_day: date | None = None) -> list[Task]:
    """The rows, each with `.late_milestones`: its open milestones past due on `on_day` (one query)."""
    late = milestones_by_task(Task.objects.filter(pk__in=[t.pk for t in rows]), overdue_only=True, on_day=on_day)
    for task in rows:
        task.late_milestones = late.get(task.pk, [])
    return rows


def filter_tasks(
    tasks: QuerySet,
    *,
    area: int | str | None = None,
    jurisdiction: Jurisdiction | None = None,
    search: str = "",
    via: str = "",
) -> QuerySet:
    """`tasks` (or, with `via="task__"`, rows of a model pointing to a task) in an area (NO_AREA:
    none stated), led or co-led inside a jurisdiction, with `search` in the code or a title."""
    if area == NO_AREA:
        tasks = tasks.filter(**{f"{via}area__isnull": True})
    elif area:
        tasks = tasks.filter(**{f"{via}area__number": area})
    if jurisdiction:
        inside = Q(lead_jurisdictions__path__startswith=jurisdiction.path) | Q(
            colead_jurisdictions__path__startswith=jurisdiction.path
        )
        tasks = tasks.filter(**{f"{via}pk__in": Task.objects.filter(inside).values("pk")})
    if search:
        fields = ("title_zh", "title_en", "code")
        tasks = tasks.filter(reduce(or_, [Q(**{f"{via}{name}__icontains": search}) for name in fields]))
    return tasks


def task_row(task: Task) -> Task:
    """A task just written, re-read with its derived status."""
    return task_rows(Task.objects.filter(pk=task.pk))[0]


def visible_task(user: Reader, pk: int) -> Task:
    """One task the user may read, or Http404."""
    task = visible_tasks(user).filter(pk=pk).first()
    if task is None:
        raise Http404(_("No such task, or you may not see it."))
    return task


def visible_task_row(user: Reader, pk: int) -> Task:
    """One task the user may read, annotated with its derived status, or Http404."""
    rows = task_rows(visible_tasks(user).filter(pk=pk))
    if not rows:
        raise Http404(_("No such task, or you may not see it."))
    return rows[0]


def task_detail(user: Reader, pk: int) -> tuple[Task, list[Milestone], list[ProgressReport]]:
    """One visible task with its milestones and report history, or DoesNotExist."""
    task = with_progress(visible_tasks(user).filter(pk=pk)).get()
    task.status = status_of(task)
    milestones = list(task.milestones.all())
    reports = list(task.reports.select_related("submitted_by", "reviewed_by").prefetch_related("evidence"))
    return task, milestones, reports


def task_milestones(task: Task) -> list[Milestone]:
    return list(task.milestones.all())


def visible_milestone(user: Reader, pk: int) -> Milestone:
    milestone = Milestone.objects.filter(pk=pk, task__in=visible_tasks(user)).select_related("task").first()
    if milestone is None:
        raise Http404(_("No such milestone, or you may not see it."))
    return milestone


def provinces_of(task: Task) -> set[str]:
    """Province codes that lead or co-lead the task."""
    codes = {j.province.code for j in task.lead_jurisdictions.all()}
    return codes | {j.province.code for j in task.colead_jurisdictions.all()}


def named_task_count(plan: Plan | None) -> int:
    """Tasks of the plan that the public record names (loaded as reference data, not entered)."""
    if plan is None:
        return 0
    return Task.objects.filter(plan=plan).exclude(area_assignment=Task.Assignment.ENTERED).count()


def live_figures(task: Task) -> list[tuple]:
    """The figures other modules publish for this task (declared by their `Stat.plan_tasks`, or
    listed by a coordinator in Task.stat), as (label, value, unit); codes of modules not installed
    are left out."""
    figures = []
    codes = dict.fromkeys([*registry.stats_for_plan_task(task.code), *task.stat.split()])
    for code in codes:
        try:
            stat, function = registry.stat(code)
        except KeyError:
            log.warning("Task %s names the unknown live figure %r.", task.code, code)
            continue
        figures.append((stat.label, function(), stat.unit))
    return figures


def linked_milestones(task: Task) -> list:
    """The public milestones other modules keep toward this task (their manifest's
    `plan_milestones`), e.g. the heritage bid's steps or a cooperation project's milestones."""
    return registry.milestones_for_plan_task(task.code)
