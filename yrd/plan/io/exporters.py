"""Export what the user may read as XLSX or CSV, in the columns the importer reads back."""

import csv
import io
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from yrd.plan.io.columns import COLUMNS, csv_escape
from yrd.plan.models import Milestone, ProgressReport
from yrd.plan.selectors import visible_tasks

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
MIN_WIDTH, MAX_WIDTH = 8, 60


@dataclass
class ExportFile:
    filename: str
    content_type: str
    content: bytes
    rows: int


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
    writer = write_xlsx if fmt == "xlsx" else write_csv
    content = writer(kind, header, rows, progress)
    suffix = "template" if template else timezone.localdate().isoformat()
    return ExportFile(f"yrd-plan-{kind}-{suffix}.{fmt}", FORMATS[fmt], content, len(rows))


def write_csv(kind, header, rows, progress=None):
    """UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for done, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if progress:
            progress(done, len(rows))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_escape(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_xlsx(kind, header, rows, progress=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_width(name) for name in header]
    for done, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            _xlsx_cell(sheet, done + 1, index + 1, value)
            if done <= 500:  # a sample is enough to size the columns
                widths[index] = max(widths[index], _width(value))
        if progress:
            progress(done, len(rows))
    for index, width in enumerate(widths, start=1):
        width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, row, column, value):
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"  # text that starts with = stays text, never a formula
    elif isinstance(value, Decimal):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format = "0.00"
    else:
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"


def _width(value):
    """Display width: CJK characters take two columns; a long text is sized by its first line."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    line = str(value).split("\n", 1)[0][:MAX_WIDTH]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
