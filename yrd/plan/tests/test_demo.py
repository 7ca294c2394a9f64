"""The demo data agrees with itself: a milestone is overdue only on a task that fell behind it."""

import pytest
from django.utils import timezone

from yrd.plan.demo import MILESTONES, load_demo
from yrd.plan.tests.factories import TaskFactory, plan  # noqa: F401 (plan is a fixture)


@pytest.fixture
def demo(reference, plan):  # noqa: F811
    tasks = [TaskFactory(plan=plan) for _ in range(16)]
    load_demo()
    return tasks


def _latest_percent(task):
    return task.reports.order_by("-period_end").values_list("percent", flat=True).first() or 0


def test_past_milestones_are_done_where_the_progress_passed_them(demo):
    today = timezone.localdate()
    overdue_tasks = set()
    for task in demo:
        percent = _latest_percent(task)
        for n, milestone in enumerate(task.milestones.order_by("due_date"), start=1):
            reached = percent >= round(100 * n / len(MILESTONES))
            if milestone.due_date < today:
                assert (milestone.done_date is not None) == reached, (task.code, n, percent)
                if not reached:
                    overdue_tasks.add(task.code)
    assert len(overdue_tasks) < len(demo) / 2
    assert all(_latest_percent(t) < 67 for t in demo if t.code in overdue_tasks)
