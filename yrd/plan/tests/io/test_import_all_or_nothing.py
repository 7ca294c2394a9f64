"""One bad row rejects the whole file; every problem is listed with its row and column."""

from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.plan import writes
from yrd.plan.io.importers import import_file
from yrd.plan.models import Milestone, ProgressReport, Task
from yrd.plan.tests.io.conftest import TASK_HEADER, csv_bytes, task_row, xlsx_bytes


def run(user, rows, kind="tasks", make=csv_bytes, **kwargs):
    return import_file(acting_user=user, kind=kind, data=make(rows), **kwargs)


def test_good_rows_create_tasks_through_the_service(people, plan):
    rows = [TASK_HEADER, task_row("N.01"), task_row("N.02", lead="320500")]
    result = run(people["jiangsu"], rows)
    assert result.ok and (result.created, result.updated) == (2, 0)
    task = Task.objects.get(code="N.02")
    assert [j.code for j in task.lead_jurisdictions.all()] == ["320500"]
    assert task.area_assignment == "entered" and task.area.number == 1
    assert AuditEntry.objects.filter(action="plan.task.create").count() == 2


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes])
def test_one_bad_row_among_good_ones_writes_nothing_and_names_its_row(people, plan, make):
    rows = [TASK_HEADER, task_row("N.01"), task_row("N.02", end="2026-02-30"), task_row("N.03")]
    logged = AuditEntry.objects.count()  # the fixture's role assignments are logged too
    result = run(people["jiangsu"], rows, make=make)
    assert [(e.row, e.column) for e in result.errors] == [(3, "end")]
    assert not Task.objects.exists() and AuditEntry.objects.count() == logged
    assert result.created == 0


def test_every_problem_is_listed_not_only_the_first(people, plan):
    rows = [
        TASK_HEADER,
        task_row("N.01", start="01.02.2025", published="maybe"),
        task_row("N.02"),
        task_row("N.03", area="10", lead="999999"),
        task_row("N.02"),
        task_row("N.04", start="2026-12-31", end="2026-01-01", title_zh=""),
    ]
    found = {(e.row, e.column) for e in run(people["jiangsu"], rows).errors}
    assert found == {(2, "start"), (2, "published"), (4, "area"), (4, "lead"), (5, "code"), (6, "end"), (6, "title_zh")}
    assert not Task.objects.exists()


def test_unknown_missing_and_repeated_columns_are_errors(people, plan):
    header = [*TASK_HEADER[:-1], "publish", "code"]  # 'published' misspelt, 'code' twice
    found = {(e.row, e.column) for e in run(people["jiangsu"], [header, task_row("N.01")]).errors}
    assert found == {(1, "publish"), (1, "code"), (1, "published")}


def test_a_value_under_a_column_without_a_name_is_an_error(people, plan):
    rows = [[*TASK_HEADER, None], [*task_row("N.01"), "stray"]]
    errors = run(people["jiangsu"], rows, make=xlsx_bytes).errors
    assert [(e.row, e.column) for e in errors] == [(2, "column P")]


def test_a_header_without_rows_imports_nothing_and_says_so(people, plan):
    result = run(people["jiangsu"], [TASK_HEADER])
    assert result.errors and result.errors[0].row is None


def test_an_error_raised_by_a_service_is_mapped_to_its_row_and_rolls_back_all(people, plan):
    real = writes.task_create

    def refuse_second(**kwargs):
        if kwargs["code"] == "N.02":
            raise ValidationError({"title_zh": "refused by the service"})
        return real(**kwargs)

    rows = [TASK_HEADER, task_row("N.01"), task_row("N.02"), task_row("N.03")]
    logged = AuditEntry.objects.count()
    with mock.patch.object(writes, "task_create", side_effect=refuse_second):
        result = run(people["jiangsu"], rows)
    assert [(e.row, e.column, e.reason) for e in result.errors] == [(3, "title_zh", "refused by the service")]
    assert not Task.objects.exists() and AuditEntry.objects.count() == logged


@pytest.mark.parametrize(
    "error, column",
    [
        (PermissionDenied("not yours"), "lead"),
        (Conflict("already there"), "lead"),
        (ValidationError("no good"), "lead"),
    ],
)
def test_refusals_and_conflicts_from_services_are_listed_too(people, plan, error, column):
    real = writes.task_create

    def refuse_last(**kwargs):
        if kwargs["code"] == "N.02":
            raise error
        return real(**kwargs)

    with mock.patch.object(writes, "task_create", side_effect=refuse_last):
        result = run(people["jiangsu"], [TASK_HEADER, task_row("N.01"), task_row("N.02")])
    [listed] = result.errors
    assert (listed.row, listed.column) == (3, column) and listed.reason
    assert not Task.objects.exists()


def test_a_dry_run_checks_everything_and_writes_nothing(people, plan):
    result = run(people["jiangsu"], [TASK_HEADER, task_row("N.01")], dry_run=True)
    assert result.ok and result.created == 1
    assert not Task.objects.exists()


def test_existing_codes_update_only_what_changed(people, tasks):
    rows = [TASK_HEADER, task_row("1.01", title_zh="新标题", kpi_target="100", kpi_unit="%")]
    result = run(people["jiangsu"], rows)
    assert result.ok and result.updated == 1
    tasks["J"].refresh_from_db()
    assert tasks["J"].title_zh == "新标题" and tasks["J"].start.isoformat() == "2025-01-01"
    entry = AuditEntry.objects.get(action="plan.task.update")
    assert set(entry.data) == {"title_zh", "title_en", "start"}


def test_milestones_are_matched_by_task_and_title(people, tasks, progress):
    header = ["task_code", "title_zh", "title_en", "due_date", "done_date"]
    rows = [
        header,
        ["1.01", "中期评估", "Mid-term review", "2025-06-30", "2025-06-20"],
        ["1.01", "任务验收", "", "2026-12-31", ""],
    ]
    result = run(people["jiangsu"], rows, kind="milestones")
    assert (result.created, result.updated) == (1, 1), result.errors
    done = Milestone.objects.get(task=tasks["J"], title_zh="中期评估")
    assert done.done_date.isoformat() == "2025-06-20"


def test_a_report_differing_from_the_one_on_file_is_refused(people, tasks, progress):
    header = ["task_code", "period_start", "period_end", "percent", "risk", "narrative_zh", "narrative_en", "kpi_value"]
    rows = [
        header,
        ["1.01", "2025-07-01", "2025-09-30", "45", "高", "推进中。", "", ""],
        ["1.01", "2025-10-01", "2025-12-31", "120", "low", "", "", ""],
    ]
    errors = run(people["owner"], rows, kind="reports").errors
    assert {(e.row, e.column) for e in errors} == {(2, "period_start"), (3, "percent"), (3, "narrative_zh")}
    assert ProgressReport.objects.count() == 3


def test_reports_are_submitted_by_the_owner(people, tasks):
    header = ["task_code", "period_start", "period_end", "percent", "risk", "narrative_zh", "narrative_en", "kpi_value"]
    rows = [header, ["1.01", "2025-10-01", "2025-12-31", "55", "中", "", "Going well", "12.5"]]
    result = run(people["owner"], rows, kind="reports", make=xlsx_bytes)
    assert result.ok and result.created == 1
    report = ProgressReport.objects.get()
    assert (report.submitted_by, report.risk_level, str(report.kpi_value)) == (people["owner"], "medium", "12.50")
