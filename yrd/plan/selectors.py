"""Reads of the plan, scoped by what the caller may see. Query counts do not grow with tasks."""

import logging
from collections import Counter, defaultdict

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from yrd.core.access import filter_visible
from yrd.core.models import Jurisdiction
from yrd.core.registry import registry
from yrd.plan.apps import READ, REVIEW
from yrd.plan.models import Area, Milestone, Plan, ProgressReport, Task
from yrd.plan.snapshots import plan_snapshot
from yrd.plan.status import derive_status

log = logging.getLogger(__name__)
JURISDICTION_FIELDS = ("lead_jurisdictions", "colead_jurisdictions")


def today():
    return timezone.localdate()


def current_plan():
    return Plan.objects.order_by("-start").first()


def areas(plan):
    return Area.objects.filter(plan=plan).order_by("number")


def _count(queryset):
    counted = queryset.values("task").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def live_reports():
    """Reports (of the outer task) not returned for revision, newest first."""
    return (
        ProgressReport.objects.filter(task=OuterRef("pk"))
        .exclude(review_state=ProgressReport.Review.RETURNED)
        .order_by("-period_end", "-submitted_at", "-pk")
    )


def with_progress(tasks, on_day=None, *, reports_until=None):
    """Annotate tasks with what their status is derived from, as it stood on `on_day` (milestones
    done later count as open), and prefetch their leads. `reports_until` leaves out reports about
    periods ending after that date (a past quarter's report)."""
    on_day = on_day or today()
    latest = live_reports()
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
            "responsible_organisations",
        )
        .annotate(
            latest_percent=Subquery(latest.values("percent")[:1]),
            latest_risk=Subquery(latest.values("risk_level")[:1]),
            open_milestones=_count(open_milestones),
            overdue_milestones=_count(open_milestones.filter(due_date__lt=on_day)),
        )
    )


def status_of(task, on_day=None):
    return derive_status(
        today=on_day or today(),
        start=task.start,
        end=task.end,
        latest_percent=task.latest_percent,
        latest_risk=task.latest_risk,
        open_milestones=task.open_milestones,
        overdue_milestones=task.overdue_milestones,
    )


def visible_tasks(user, plan=None):
    tasks = Task.objects.filter(plan=plan or current_plan())
    return filter_visible(
        tasks, user, READ, jurisdiction_fields=JURISDICTION_FIELDS, organisation_field="responsible_organisations"
    )


def published_tasks(plan=None):
    return Task.objects.filter(plan=plan or current_plan(), is_published=True)


def task_rows(tasks, on_day=None, *, status=None, area=None, jurisdiction=None, search=""):
    """Evaluate annotated tasks into a list with `.status` set, filtered as asked."""
    if area:
        tasks = tasks.filter(area__number=area)
    if jurisdiction:
        inside = Q(lead_jurisdictions__path__startswith=jurisdiction.path) | Q(
            colead_jurisdictions__path__startswith=jurisdiction.path
        )
        tasks = tasks.filter(pk__in=Task.objects.filter(inside).values("pk"))
    if search:
        tasks = tasks.filter(Q(title_zh__icontains=search) | Q(title_en__icontains=search) | Q(code__icontains=search))
    rows = list(with_progress(tasks, on_day))
    for task in rows:
        task.status = status_of(task, on_day)
    return [t for t in rows if t.status == status] if status else rows


def provinces_of(task):
    """Province codes that lead or co-lead the task."""
    codes = {j.province.code for j in task.lead_jurisdictions.all()}
    return codes | {j.province.code for j in task.colead_jurisdictions.all()}


def overview(rows):
    """Status counts, and per area: task count, average % done, stated count."""
    by_area = defaultdict(list)
    for task in rows:
        by_area[task.area_id].append(task)
    per_area = {
        area_id: {
            "tasks": len(tasks),
            "percent": round(sum(t.latest_percent or 0 for t in tasks) / len(tasks), 1),
            "statuses": Counter(t.status for t in tasks),
        }
        for area_id, tasks in by_area.items()
    }
    return {"statuses": Counter(t.status for t in rows), "per_area": per_area, "total": len(rows)}


def heatmap(rows):
    """{(area_id, province_code): (task count, average % done)}."""
    cells = defaultdict(list)
    for task in rows:
        for code in provinces_of(task):
            cells[(task.area_id, code)].append(task.latest_percent or 0)
    return {key: (len(values), round(sum(values) / len(values), 1)) for key, values in cells.items()}


def per_city(rows):
    """{city adcode: (task count, average % done)} counting tasks led or co-led by the city or
    by its whole province."""
    cities = Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY).select_related("parent")
    result = {}
    for city in cities:
        values = [
            t.latest_percent or 0
            for t in rows
            if any(j.contains(city) for j in [*t.lead_jurisdictions.all(), *t.colead_jurisdictions.all()])
        ]
        result[city.code] = (city, len(values), round(sum(values) / len(values), 1) if values else None)
    return result


def task_detail(user, pk):
    """One visible task with its milestones and report history, or DoesNotExist."""
    task = with_progress(visible_tasks(user).filter(pk=pk)).get()
    task.status = status_of(task)
    milestones = list(task.milestones.all())
    reports = list(task.reports.select_related("submitted_by", "reviewed_by").prefetch_related("evidence"))
    return task, milestones, reports


def reports_awaiting_review(user):
    """Submitted reports on tasks the user may review. Filtering tasks first keeps this one cheap
    query however many reports there are."""
    reviewable = filter_visible(
        Task.objects.filter(plan=current_plan()),
        user,
        REVIEW,
        jurisdiction_fields=JURISDICTION_FIELDS,
        organisation_field="responsible_organisations",
    )
    return ProgressReport.objects.filter(
        review_state=ProgressReport.Review.SUBMITTED, task__in=reviewable
    ).select_related("task", "submitted_by")


def my_reports(user, plan=None):
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


def live_figures(task):
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


def baseline_compare(baseline, plan):
    """Tasks added, removed and changed (field: old, new) since the baseline."""
    now = plan_snapshot(plan)
    then = baseline.snapshot
    changed = {}
    for code in sorted(now.keys() & then.keys()):
        fields = {k: (then[code].get(k), v) for k, v in now[code].items() if then[code].get(k) != v}
        if fields:
            changed[code] = fields
    return {
        "added": sorted(now.keys() - then.keys()),
        "removed": sorted(then.keys() - now.keys()),
        "changed": changed,
    }
