"""A late milestone is not a late task (issue 6): the task ending 2026-12-31 with one milestone past
due shows "Milestone overdue" and names the milestone, in public and inside; "Overdue" is kept for
a task past its end."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from yrd.core.tests.factories import person
from yrd.plan.status import Status
from yrd.plan.tests.api import builders


@pytest.fixture
def late(reference):
    today = timezone.localdate()
    plan = builders.plan_with_areas()
    running = builders.task(plan, "1.01", lead="320000", end=today + timedelta(days=400))
    builders.milestone(running, today - timedelta(days=30), title="中期评估")
    builders.milestone(running, today + timedelta(days=30), title="任务验收")
    ended = builders.task(plan, "1.02", lead="320000", start=date(2024, 1, 1), end=today - timedelta(days=10))
    owner = person("task_owner", "YRD")
    for task in (running, ended):
        builders.report(task, owner, percent=60, review_state="accepted")
    return running, ended


def test_the_transparency_page_names_the_late_milestone(late):
    running, ended = late
    with translation.override("en"):
        page = Client().get(reverse("plan:public"), headers={"Accept-Language": "en"})
    statuses = {t.code: t.status for t in page.context["shown"]}
    assert statuses == {"1.01": Status.MILESTONE_OVERDUE, "1.02": Status.OVERDUE}
    text = page.content.decode()
    due = (timezone.localdate() - timedelta(days=30)).isoformat()
    assert "Milestone overdue" in text and "Milestone 中期评估" in text and due in text
    assert "任务验收" not in text


def test_the_public_task_page_and_api_name_it_too(late):
    running, _ended = late
    page = Client().get(reverse("plan:public-task", args=[running.pk])).content.decode()
    assert "中期评估" in page
    items = {i["code"]: i for i in Client().get("/api/plan/public/tasks").json()["items"]}
    assert items["1.01"]["status"] == "milestone_overdue" and items["1.02"]["status"] == "overdue"
    assert [m["title_zh"] for m in items["1.01"]["late_milestones"]] == ["中期评估"]
    assert items["1.02"]["late_milestones"] == []


def test_the_attention_list_puts_overdue_tasks_before_late_milestones(late):
    client = Client()
    client.force_login(person("plan_coordinator", "YRD"))
    rows = client.get(reverse("plan:attention")).context["rows"]
    assert [(t.code, t.status) for t in rows] == [("1.02", Status.OVERDUE), ("1.01", Status.MILESTONE_OVERDUE)]


def test_a_task_at_100_percent_with_a_milestone_open_says_so_on_its_page(late):
    running, _ended = late
    running.milestones.filter(title_zh="中期评估").update(done_date=timezone.localdate())
    builders.report(running, person("task_owner", "YRD"), start=date(2025, 6, 1), percent=100)
    client = Client()
    client.force_login(person("plan_coordinator", "YRD"))
    page = client.get(reverse("plan:task", args=[running.pk]), headers={"Accept-Language": "en"})
    assert page.context["task"].status == Status.ON_TRACK
    assert "100% reported; 1 milestone still open" in page.content.decode()
