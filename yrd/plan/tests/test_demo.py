"""The demo data agrees with itself and lies in the past of the day it is loaded (issue 6: no report
"submitted 2026-12-03" on 2026-12-01; tasks with spans of their own)."""

from datetime import date

import pytest
from django.utils import timezone

from yrd.plan.demo import MILESTONES, load_demo
from yrd.plan.models import Milestone, ProgressReport
from yrd.plan.tests.factories import TaskFactory, plan  # noqa: F401 (plan is a fixture)

LOAD_DAY = date(2026, 12, 1)  # the day a reviewer loaded the demo and saw reports dated 3 December


@pytest.fixture
def demo(reference, plan):  # noqa: F811
    tasks = [TaskFactory(plan=plan) for _ in range(16)]
    load_demo(today=LOAD_DAY)
    for task in tasks:
        task.refresh_from_db()
    return tasks


def _latest_percent(task):
    return task.reports.order_by("-period_end").values_list("percent", flat=True).first() or 0


def test_every_demo_date_lies_before_the_day_it_is_loaded(demo):
    reports = ProgressReport.objects.filter(task__in=demo)
    assert reports.exists()
    assert max(timezone.localtime(r.submitted_at).date() for r in reports) < LOAD_DAY
    assert max(r.period_end for r in reports) < LOAD_DAY
    reviewed = reports.exclude(reviewed_at=None)
    assert reviewed.exists() and max(timezone.localtime(r.reviewed_at).date() for r in reviewed) < LOAD_DAY
    assert all(r.reviewed_at > r.submitted_at for r in reviewed)
    done = Milestone.objects.filter(task__in=demo).exclude(done_date=None)
    assert done.exists() and max(m.done_date for m in done) < LOAD_DAY


def test_accepted_demo_reports_name_their_reviewer(demo):
    accepted = ProgressReport.objects.filter(task__in=demo, review_state="accepted")
    assert accepted.exists() and not accepted.filter(reviewed_by=None).exists()


def test_demo_tasks_run_over_spans_of_their_own_within_the_plan(demo, plan):  # noqa: F811
    spans = {(t.start, t.end) for t in demo}
    assert len(spans) >= len(demo) * 3 // 4
    assert all(plan.start <= t.start < t.end <= plan.end for t in demo)
    assert len({(t.end - t.start).days // 90 for t in demo}) >= 3  # short and long tasks alike


def test_reports_cover_each_task_from_its_start(demo):
    for task in demo:
        first = task.reports.order_by("period_start").first()
        assert first is None or first.period_start == task.start.replace(day=1)


def test_past_milestones_are_done_where_the_progress_passed_them(demo):
    overdue_tasks = set()
    for task in demo:
        percent = _latest_percent(task)
        for n, milestone in enumerate(task.milestones.order_by("due_date"), start=1):
            reached = percent >= round(100 * n / len(MILESTONES))
            if milestone.due_date < LOAD_DAY:
                assert (milestone.done_date is not None) == reached, (task.code, n, percent)
                if not reached:
                    overdue_tasks.add(task.code)
    assert len(overdue_tasks) < len(demo) / 2
    assert all(_latest_percent(t) < 100 for t in demo if t.code in overdue_tasks)


def test_a_task_that_reached_100_percent_closed_its_milestones_when_it_got_there(demo):
    finished = [t for t in demo if _latest_percent(t) == 100]
    assert finished
    for task in finished:
        reached = task.reports.filter(percent=100).order_by("period_end").first().period_end
        assert all(m.done_date and m.done_date <= reached for m in task.milestones.all()), task.code
