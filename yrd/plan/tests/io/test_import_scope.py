"""The importer acts as the user: rows outside their scope are refused, and nothing is written."""

from django.utils import translation

from yrd.plan.io.importers import import_file, may_import
from yrd.plan.models import Milestone, ProgressReport, Task
from yrd.plan.tests.io.conftest import TASK_HEADER, csv_bytes, task_row

REPORT_HEADER = [
    "task_code",
    "period_start",
    "period_end",
    "percent",
    "risk",
    "narrative_zh",
    "narrative_en",
    "kpi_value",
]


def run(user, rows, kind="tasks"):
    return import_file(acting_user=user, kind=kind, data=csv_bytes(rows))


def test_a_row_led_by_another_province_is_refused_naming_it(people, plan):
    rows = [TASK_HEADER, task_row("N.01"), task_row("N.02", lead="320000;330000")]
    with translation.override("en"):
        result = run(people["jiangsu"], rows)
    assert [(e.row, e.column, e.reason) for e in result.errors] == [
        (3, "lead", "You may not manage tasks of Zhejiang.")
    ]
    with translation.override("zh-hans"):
        assert "浙江" in run(people["jiangsu"], rows).errors[0].reason  # in the active language
    assert not Task.objects.exists()


def test_a_colead_outside_the_scope_is_refused_too(people, plan):
    result = run(people["jiangsu"], [TASK_HEADER, task_row("N.01", colead="340000")])
    assert [(e.row, e.column) for e in result.errors] == [(2, "colead")]


def test_changing_a_task_of_another_province_is_refused(people, tasks):
    rows = [TASK_HEADER, task_row("1.02", lead="330000", title_zh="改了")]
    result = run(people["jiangsu"], rows)
    assert [(e.row, e.column) for e in result.errors] == [(2, "code")]
    tasks["Z"].refresh_from_db()
    assert tasks["Z"].title_zh == "浙江任务"


def test_a_coleading_coordinator_may_not_edit_the_task_but_the_region_may(people, tasks):
    # Issue 6, item 4: the lead province's coordinators (and the region's) edit a task; co-leads report.
    row = task_row("2.01", lead="330000", colead="320000", area="2", title_zh="共同推进", start="2024-01-01")
    result = run(people["jiangsu"], [TASK_HEADER, row])
    assert [(e.row, e.column) for e in result.errors] == [(2, "code")]
    result = run(people["coordinator"], [TASK_HEADER, row])
    assert result.ok and result.updated == 1, result.errors


def test_a_province_coordinator_must_name_a_lead_for_a_new_task(people, plan):
    result = run(people["jiangsu"], [TASK_HEADER, task_row("N.01", lead="")])
    assert [(e.row, e.column) for e in result.errors] == [(2, "lead")]
    assert run(people["coordinator"], [TASK_HEADER, task_row("N.01", lead="")]).ok


def test_a_task_owner_may_not_import_tasks_or_milestones(people, tasks):
    owner = people["owner"]
    assert not may_import(owner, "tasks") and not may_import(owner, "milestones")
    assert may_import(people["owner"], "reports")
    rows = [["task_code", "title_zh", "title_en", "due_date", "done_date"], ["1.01", "新里程碑", "", "2026-06-30", ""]]
    assert [e.column for e in run(people["owner"], rows, "milestones").errors] == ["task_code"]
    assert not Milestone.objects.exists()


def test_reports_for_tasks_of_another_organisation_are_refused(people, tasks):
    rows = [
        REPORT_HEADER,
        ["1.01", "2025-10-01", "2025-12-31", "50", "low", "好", "", ""],
        ["1.02", "2025-10-01", "2025-12-31", "50", "low", "好", "", ""],
        ["9.99", "2025-10-01", "2025-12-31", "50", "low", "好", "", ""],
    ]
    errors = run(people["owner"], rows, "reports").errors
    assert [(e.row, e.column) for e in errors] == [(3, "task_code"), (4, "task_code")]
    assert not ProgressReport.objects.exists()


def test_coordinators_do_not_submit_reports(people, tasks):
    rows = [REPORT_HEADER, ["1.01", "2025-10-01", "2025-12-31", "50", "low", "好", "", ""]]
    assert [e.column for e in run(people["coordinator"], rows, "reports").errors] == ["task_code"]


def test_a_stranger_sees_no_task_at_all(people, tasks):
    rows = [REPORT_HEADER, ["1.01", "2025-10-01", "2025-12-31", "50", "low", "好", "", ""]]
    [error] = run(people["stranger"], rows, "reports").errors
    assert "no task 1.01" in error.reason
