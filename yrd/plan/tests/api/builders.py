"""Minimal plan builders for the API and reminder tests: real rows, written directly (the services
are what the tests exercise, not what they set up with)."""

from datetime import date, timedelta

from django.utils import timezone

from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.plan.models import Area, Milestone, Plan, ProgressReport, Task


def plan_with_areas(areas=3):
    plan = Plan.objects.create(
        code="yrd-test",
        title_zh="测试计划",
        title_en="Test plan",
        start=date(2024, 1, 1),
        end=date(2026, 12, 31),
        stated_task_count=165,
    )
    for number in range(1, areas + 1):
        Area.objects.create(
            plan=plan, number=number, title_zh=f"领域{number}", title_en=f"Area {number}", stated_task_count=10 + number
        )
    return plan


def organisation(code, **fields):
    return OrganisationFactory(jurisdiction=jurisdiction(code), **fields)


def task(plan, code, *, lead="310000", coleads=(), organisations=(), area=1, **fields):
    values = {"title_zh": f"任务{code}", "title_en": f"Task {code}", "start": plan.start, "end": plan.end, **fields}
    area = Area.objects.get(plan=plan, number=area) if area else None
    task = Task.objects.create(plan=plan, code=code, area=area, **values)
    if lead:
        task.lead_jurisdictions.set([jurisdiction(lead)])
    task.colead_jurisdictions.set([jurisdiction(c) for c in coleads])
    task.responsible_organisations.set(organisations)
    return task


def owned_task(code="1.01", where="310000"):
    """(task, owner): a task of a new plan led by `where`, its responsible organisation there, and a
    task owner of that organisation."""
    responsible = organisation(where)
    owned = task(plan_with_areas(), code, lead=where, organisations=[responsible])
    return owned, person("task_owner", where, organisation=responsible)


def milestone(task, due, done=None, title="节点"):
    return Milestone.objects.create(
        task=task, title_zh=title, title_en=f"Milestone {title}", due_date=due, done_date=done
    )


def report(task, by, *, start=date(2025, 1, 1), percent=40, review_state="submitted"):
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return ProgressReport.objects.create(
        task=task,
        period_start=start,
        period_end=end,
        percent=percent,
        narrative_zh="进展",
        submitted_by=by,
        submitted_at=timezone.now(),
        review_state=review_state,
    )
