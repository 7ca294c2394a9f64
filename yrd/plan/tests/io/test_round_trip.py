"""An export imports back unchanged, in both formats; exports hold only what the user may read."""

import io

import pytest
from openpyxl import load_workbook

from yrd.core.models import AuditEntry
from yrd.core.tables import read_table
from yrd.plan.io.exporters import export_file
from yrd.plan.io.importers import import_file
from yrd.plan.models import Milestone, ProgressReport, Task
from yrd.plan.selectors import task_snapshot
from yrd.plan.tests.factories import TaskFactory


def snapshot():
    return (
        {t.code: (task_snapshot(t), t.updated_at) for t in Task.objects.all()},
        list(Milestone.objects.order_by("pk").values()),
        list(ProgressReport.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("kind, user", [("tasks", "coordinator"), ("milestones", "coordinator"), ("reports", "owner")])
def test_export_then_import_changes_nothing(people, tasks, progress, fmt, kind, user):
    TaskFactory(
        code="3.01",
        leads=["310000", "320500"],
        coleads=["340100"],
        title_zh="=SUM(A1) 不是公式",
        title_en='-5 tonnes, "quoted"',
        description_zh="第一行\n第二行",
        kpi_target="12.5",
        is_published=False,
    )
    before, entries = snapshot(), AuditEntry.objects.count()
    exported = export_file(people[user], kind, fmt)
    assert exported.rows > 0
    result = import_file(acting_user=people[user], kind=kind, data=exported.content)
    assert result.ok, result.errors
    assert (result.created, result.updated) == (0, 0) and result.unchanged == exported.rows
    assert snapshot() == before and AuditEntry.objects.count() == entries


def test_exports_hold_only_the_users_tasks(people, tasks):
    def codes(user):
        table = read_table(export_file(people[user], "tasks", "csv").content)
        return [cells[0] for _n, cells in table.rows]

    assert codes("jiangsu") == ["1.01", "2.01"]  # Zhejiang's own task is not theirs to read
    assert codes("owner") == ["1.01"] and codes("stranger") == []


def test_csv_export_starts_with_a_bom_and_escapes_formulas(people, tasks):
    TaskFactory(code="3.01", leads=["320000"], title_zh="=1+1")
    content = export_file(people["coordinator"], "tasks", "csv").content
    assert content.startswith(b"\xef\xbb\xbfcode,area,")
    assert "'=1+1" in content.decode("utf-8-sig")


def test_xlsx_export_has_a_bold_frozen_header_and_dated_name(people, tasks):
    TaskFactory(code="3.01", leads=["320000"], title_zh="=1+1")
    exported = export_file(people["coordinator"], "tasks", "xlsx")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width
    titles = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "=1+1" in titles and sheet.cell(row=2 + titles.index("=1+1"), column=3).data_type == "s"
    assert exported.filename.startswith("yrd-plan-tasks-20") and exported.filename.endswith(".xlsx")


def test_a_template_is_the_header_alone(people):
    content = export_file(people["coordinator"], "reports", "csv", template=True).content
    assert content.decode("utf-8-sig").strip() == (
        "task_code,period_start,period_end,percent,risk,narrative_zh,narrative_en,kpi_value"
    )
