"""A task's comparable fields as JSON values: what audits record and baselines freeze."""

from yrd.plan.models import Task

TASK_FIELDS = (
    "code",
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "start",
    "end",
    "kpi_name_zh",
    "kpi_name_en",
    "kpi_target",
    "kpi_unit",
    "is_published",
    "stat",
)


def task_snapshot(task):
    """The comparable fields of a task, as JSON values (used by audits and baselines)."""
    values = {name: getattr(task, name) for name in TASK_FIELDS}
    values["area"] = task.area.number if task.area_id else None
    values["lead_jurisdictions"] = sorted(j.code for j in task.lead_jurisdictions.all())
    values["colead_jurisdictions"] = sorted(j.code for j in task.colead_jurisdictions.all())
    values["responsible_organisations"] = sorted(o.name_zh for o in task.responsible_organisations.all())
    for name in ("start", "end"):
        values[name] = values[name].isoformat() if values[name] else None
    if values["kpi_target"] is not None:
        values["kpi_target"] = str(values["kpi_target"])
    return values


def plan_snapshot(plan):
    """{task code: snapshot} of every task of the plan, in a fixed number of queries."""
    tasks = (
        Task.objects.filter(plan=plan)
        .select_related("area")
        .prefetch_related("lead_jurisdictions", "colead_jurisdictions", "responsible_organisations")
    )
    return {task.code: task_snapshot(task) for task in tasks}
