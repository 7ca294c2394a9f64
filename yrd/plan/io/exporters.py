"""Export what the user may read as XLSX or CSV, in the columns the importer reads back."""

from django.utils import timezone

from yrd.core.tables import FORMATS, ExportFile, write_table
from yrd.plan.io.columns import COLUMNS
from yrd.plan.models import Milestone, ProgressReport
from yrd.plan.selectors import visible_tasks


def _codes(jurisdictions):
    return ";".join(sorted(j.code for j in jurisdictions))


def task_rows(tasks):
    for t in tasks:
        yield [
            t.code,
            t.area.number if t.area_id else None,
            t.title_zh,
            t.title_en,
            t.description_zh,
            t.description_en,
            _codes(t.lead_jurisdictions.all()),
            _codes(t.colead_jurisdictions.all()),
            t.start,
            t.end,
            t.kpi_name_zh,
            t.kpi_name_en,
            t.kpi_target,
            t.kpi_unit,
            "yes" if t.is_published else "no",
        ]


def milestone_rows(milestones):
    for m in milestones:
        yield [m.task.code, m.title_zh, m.title_en, m.due_date, m.done_date]


def report_rows(reports):
    for r in reports:
        yield [
            r.task.code,
            r.period_start,
            r.period_end,
            r.percent,
            r.risk_level,
            r.narrative_zh,
            r.narrative_en,
            r.kpi_value,
        ]


def rows_for(user, kind, plan=None):
    """The rows of `kind` the user may read, as cell values (str, int, Decimal, date or None)."""
    tasks = visible_tasks(user, plan)
    if kind == "tasks":
        return task_rows(tasks.select_related("area").prefetch_related("lead_jurisdictions", "colead_jurisdictions"))
    if kind == "milestones":
        milestones = (
            Milestone.objects.filter(task__in=tasks)
            .select_related("task")
            .order_by("task__area__number", "task__code", "due_date", "pk")
        )
        return milestone_rows(milestones)
    # Returned reports are superseded; the live one per period is what a re-import compares with.
    reports = (
        ProgressReport.objects.filter(task__in=tasks)
        .exclude(
            review_state=ProgressReport.Review.RETURNED,
        )
        .select_related("task")
        .order_by("task__area__number", "task__code", "period_start", "period_end")
    )
    return report_rows(reports)


def export_file(user, kind, fmt, *, plan=None, template=False, progress=None):
    """The user's readable rows of `kind` (none for a template) as an XLSX or CSV file."""
    rows = [] if template else list(rows_for(user, kind, plan))
    header = [column.name for column in COLUMNS[kind]]
    content = write_table(fmt, kind, header, rows, progress)
    suffix = "template" if template else timezone.localdate().isoformat()
    return ExportFile(f"yrd-plan-{kind}-{suffix}.{fmt}", FORMATS[fmt], content, len(rows))
