"""The busiest pages read the plan in a fixed number of queries, however many tasks it has."""

import itertools
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.plan.models import Area
from yrd.plan.tests.factories import MilestoneFactory, ReportFactory, TaskFactory, make_plan

PAGES = [
    "plan:overview",
    "plan:heatmap",
    "plan:tasks",
    "plan:attention",
    "plan:gantt",
    "plan:public",
]
PLACES = ["310000", "320000", "330000", "340000", "320100", "330200", "340100"]


def add_tasks(count, start_at, organisations):
    plan = make_plan()
    areas = list(Area.objects.filter(plan=plan))
    places = itertools.cycle(PLACES)
    for n in range(start_at, start_at + count):
        task = TaskFactory(
            code=f"Q.{n:03d}",
            area=areas[n % 9] if n % 10 else None,
            leads=[next(places)],
            coleads=[next(places)] if n % 3 == 0 else [],
            organisations=[organisations[n % len(organisations)]],
        )
        MilestoneFactory(task=task, due_date=date(2025, 3, 31), done_date=date(2025, 3, 20))
        MilestoneFactory(task=task, due_date=date(2026, 3, 31))
        ReportFactory(
            task=task,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 1, 31),
            percent=20,
            review_state="accepted",
        )
        ReportFactory(task=task, period_start=date(2025, 2, 1), period_end=date(2025, 2, 28), percent=n % 101)


def queries(client, name):
    client.get(reverse(name))  # warm caches that are not per request (content types, templates)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(name)).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["YRD", "320000"])
def test_page_queries_do_not_grow_with_tasks(client, reference, who):
    organisations = [OrganisationFactory(jurisdiction=jurisdiction(code)) for code in PLACES[:4]]
    client.force_login(person("plan_coordinator", who))
    add_tasks(10, 0, organisations)
    few = {name: queries(client, name) for name in PAGES}
    add_tasks(155, 10, organisations)
    many = {name: queries(client, name) for name in PAGES}
    assert many == few


def test_the_task_page_queries_do_not_grow_with_reports(client, reference):
    client.force_login(person("plan_coordinator", "YRD"))
    task = TaskFactory(leads=["320000"])
    ReportFactory(task=task)
    url = reverse("plan:task", args=[task.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(20):
        ReportFactory(task=task)
        MilestoneFactory(task=task)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
