"""Reads the pages need beyond selectors.py. Like the selectors, each takes a fixed number of
queries however many tasks there are."""

from collections import defaultdict

from yrd.core.access import grants
from yrd.core.models import Jurisdiction, Organisation
from yrd.plan.apps import READ
from yrd.plan.models import Baseline, Milestone, Task
from yrd.plan.selectors import today
from yrd.plan.status import Status, expected_percent


def named_task_count(plan):
    """Tasks of the plan that the public record names (loaded as reference data, not entered)."""
    if plan is None:
        return 0
    return Task.objects.filter(plan=plan).exclude(area_assignment=Task.Assignment.ENTERED).count()


def average_percent(rows):
    return round(sum(t.latest_percent or 0 for t in rows) / len(rows), 1) if rows else None


def milestones_by_task(tasks, *, overdue_only=False, on_day=None):
    """{task id: [milestones]} for the tasks of a queryset, in one query."""
    milestones = Milestone.objects.filter(task__in=tasks.values("pk"))
    if overdue_only:
        milestones = milestones.filter(done_date__isnull=True, due_date__lt=on_day or today())
    grouped = defaultdict(list)
    for milestone in milestones.order_by("task_id", "due_date", "pk"):
        grouped[milestone.task_id].append(milestone)
    return grouped


def attention_rows(rows, tasks, on_day=None):
    """Overdue and at-risk tasks, most overdue first, each with `.overdue` (its open milestones
    past due), `.days_overdue` and `.expected` (% the calendar would suggest)."""
    on_day = on_day or today()
    flagged = [t for t in rows if t.status in (Status.OVERDUE, Status.AT_RISK)]
    late = milestones_by_task(tasks, overdue_only=True, on_day=on_day)
    for task in flagged:
        task.overdue = late.get(task.pk, [])
        days = [(on_day - m.due_date).days for m in task.overdue]
        if on_day > task.end:
            days.append((on_day - task.end).days)
        task.days_overdue = max(days, default=0)
        task.expected = round(expected_percent(task.start, task.end, on_day))
        task.lag = task.expected - (task.latest_percent or 0)
    return sorted(flagged, key=lambda t: (t.status != Status.OVERDUE, -t.days_overdue, -t.lag, t.code))


def baselines(plan):
    return Baseline.objects.filter(plan=plan).select_related("taken_by")


def _snapshot_readable(values, paths, org_names, user_grants):
    """May a holder of `user_grants` read a task described by a baseline snapshot?"""
    codes = [*values.get("lead_jurisdictions", []), *values.get("colead_jurisdictions", [])]
    task_paths = [paths[c] for c in codes if c in paths]
    organisations = set(values.get("responsible_organisations", []))
    for grant in user_grants:
        if READ not in grant.actions:
            continue
        limited_to = grant.organisation_id
        if limited_to is not None and org_names.get(limited_to) not in organisations:
            continue
        if not task_paths and grant.path == Jurisdiction.REGION_CODE:
            return True
        if any(grant.covers_path(path) for path in task_paths):
            return True
    return False


def visible_comparison(user, comparison, baseline, visible_codes):
    """Keep only the rows of a baseline comparison about tasks the user may read. Tasks that still
    exist are judged as they are now; removed ones by the leads and organisations the baseline
    recorded for them."""
    if getattr(user, "is_superuser", False) and user.is_active:
        removed = comparison["removed"]
    else:
        user_grants = grants(user)
        paths = {}
        # A code names a province and, for Shanghai, also a city: judge by the wider one.
        for code, path in Jurisdiction.objects.order_by("-path").values_list("code", "path"):
            paths[code] = path
        wanted = {g.organisation_id for g in user_grants if g.organisation_id}
        org_names = dict(Organisation.objects.filter(pk__in=wanted).values_list("pk", "name_zh"))
        removed = [
            code
            for code in comparison["removed"]
            if _snapshot_readable(baseline.snapshot.get(code, {}), paths, org_names, user_grants)
        ]
    return {
        "added": [code for code in comparison["added"] if code in visible_codes],
        "removed": removed,
        "changed": {code: v for code, v in comparison["changed"].items() if code in visible_codes},
    }
