from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from yrd.core.tests.factories import person
from yrd.plan import selectors, writes
from yrd.plan.status import Status
from yrd.plan.tests.factories import MilestoneFactory, ReportFactory, TaskFactory


def test_shifting_dates_moves_tasks_and_their_open_milestones(reference, plan):
    task = TaskFactory(leads=["320000"])
    open_ms = MilestoneFactory(task=task, due_date=date(2025, 3, 1))
    done_ms = MilestoneFactory(task=task, due_date=date(2024, 3, 1), done_date=date(2024, 2, 1))
    writes.tasks_bulk_change(acting_user=person("plan_coordinator", "320000"), tasks=[task], shift_days=10)
    task.refresh_from_db(), open_ms.refresh_from_db(), done_ms.refresh_from_db()
    assert (task.start, task.end) == (date(2024, 1, 11), date(2027, 1, 10))
    assert open_ms.due_date == date(2025, 3, 11) and done_ms.due_date == date(2024, 3, 1)


def test_one_task_outside_my_scope_stops_the_whole_bulk_change(reference, plan):
    mine, theirs = TaskFactory(leads=["320000"]), TaskFactory(leads=["330000"])
    with pytest.raises(PermissionDenied):
        writes.tasks_bulk_change(acting_user=person("plan_coordinator", "320000"), tasks=[mine, theirs], publish=False)
    mine.refresh_from_db()
    assert mine.is_published


def test_marking_done_makes_the_derived_status_done(reference, plan):
    task = TaskFactory(leads=["320000"])
    MilestoneFactory(task=task, due_date=date(2099, 1, 1))
    ReportFactory(task=task, percent=40)
    coordinator = person("plan_coordinator", "320000")
    writes.tasks_bulk_change(acting_user=coordinator, tasks=[task], complete=True)
    (row,) = selectors.task_rows(selectors.visible_tasks(coordinator))
    assert row.status == Status.DONE


def test_a_baseline_comparison_lists_added_removed_and_changed_tasks(reference, plan):
    kept, dropped = TaskFactory(leads=["YRD"], code="1.01"), TaskFactory(code="1.02")
    coordinator = person("plan_coordinator", "YRD")
    baseline = writes.baseline_freeze(acting_user=coordinator, plan=plan, name="2025 mid-term")
    writes.task_update(acting_user=coordinator, task=kept, end=date(2026, 6, 30))
    dropped.delete()
    TaskFactory(code="1.03")
    diff = selectors.baseline_compare(baseline, plan)
    assert diff["added"] == ["1.03"] and diff["removed"] == ["1.02"]
    assert diff["changed"] == {"1.01": {"end": ("2026-12-31", "2026-06-30")}}


def test_only_coordinators_freeze_baselines(reference, plan):
    with pytest.raises(PermissionDenied):
        writes.baseline_freeze(acting_user=person("task_owner", "YRD"), plan=plan, name="x")
