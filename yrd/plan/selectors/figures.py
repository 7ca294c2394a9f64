"""Figures the dashboards show, computed from rows that `task_rows` has already evaluated (so that
a page reads its tasks once): status counts, areas x provinces, cities, the attention list."""

from collections import Counter, defaultdict
from datetime import date

from django.db.models import QuerySet

from yrd.core.models import Jurisdiction
from yrd.plan.models import Task
from yrd.plan.status import NEEDS_ATTENTION, expected_percent

from .tasks import milestones_by_task, provinces_of, today


def average_percent(rows: list[Task]) -> float | None:
    return round(sum(t.latest_percent or 0 for t in rows) / len(rows), 1) if rows else None


def overview(rows: list[Task]) -> dict:
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


def heatmap(rows: list[Task]) -> dict[tuple, tuple[int, float]]:
    """{(area_id, province_code): (task count, average % done)}."""
    cells = defaultdict(list)
    for task in rows:
        for code in provinces_of(task):
            cells[(task.area_id, code)].append(task.latest_percent or 0)
    return {key: (len(values), round(sum(values) / len(values), 1)) for key, values in cells.items()}


def per_city(rows: list[Task]) -> dict[str, tuple]:
    """{city adcode: (city, task count, average % done)} counting tasks led or co-led by the city
    or by its whole province."""
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


def attention_rows(rows: list[Task], tasks: QuerySet[Task], on_day: date | None = None) -> list[Task]:
    """Overdue tasks, then tasks with a milestone overdue, then tasks at risk, the most overdue first
    in each, each with `.overdue` (its open milestones past due), `.days_overdue` and `.expected`
    (% the calendar would suggest)."""
    on_day = on_day or today()
    flagged = [t for t in rows if t.status in NEEDS_ATTENTION]
    late = milestones_by_task(tasks, overdue_only=True, on_day=on_day)
    for task in flagged:
        task.overdue = late.get(task.pk, [])
        days = [(on_day - m.due_date).days for m in task.overdue]
        if on_day > task.end:
            days.append((on_day - task.end).days)
        task.days_overdue = max(days, default=0)
        task.expected = round(expected_percent(task.start, task.end, on_day))
        task.lag = task.expected - (task.latest_percent or 0)
    return sorted(flagged, key=lambda t: (NEEDS_ATTENTION.index(t.status), -t.days_overdue, -t.lag, t.code))
