"""The public sees only what a coordinator accepted (issue 6, item 13): a report awaiting review,
or one returned, moves nothing on the transparency page, its task pages or the public API; people
inside the plan still see the newest report on file."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from yrd.core.audit import data_version
from yrd.core.tests.factories import person, public_copies
from yrd.plan.tests.api import builders
from yrd.plan.writes import report_submit


@pytest.fixture
def task(reference):
    plan = builders.plan_with_areas()
    task = builders.task(plan, "1.01", lead="320000", start=date(2024, 1, 1), end=date(2026, 12, 31))
    owner = person("task_owner", "YRD")
    builders.report(task, owner, start=date(2025, 1, 1), percent=40, review_state="accepted")
    builders.report(task, owner, start=date(2025, 2, 1), percent=95, review_state="submitted")
    builders.report(task, owner, start=date(2025, 3, 1), percent=99, review_state="returned")
    return task


def test_the_public_api_counts_only_accepted_reports(task):
    (item,) = Client().get("/api/plan/public/tasks").json()["items"]
    assert item["latest_percent"] == 40


def test_the_transparency_page_counts_only_accepted_reports(task):
    page = Client().get(reverse("plan:public"))
    (row,) = page.context["shown"]
    assert row.latest_percent == 40 and page.context["average"] == 40.0
    assert "95%" not in page.content.decode()


def test_a_public_task_page_counts_only_accepted_reports(task):
    page = Client().get(reverse("plan:public-task", args=[task.pk]))
    assert page.context["task"].latest_percent == 40


def test_a_task_with_no_accepted_report_shows_no_progress_in_public(task):
    task.reports.filter(review_state="accepted").update(review_state="returned", review_comment="x")
    (item,) = Client().get("/api/plan/public/tasks").json()["items"]
    assert item["latest_percent"] is None


def test_people_inside_the_plan_see_the_newest_report_on_file(task):
    client = Client()
    client.force_login(person("plan_coordinator", "320000"))
    assert client.get(f"/api/plan/tasks/{task.pk}").json()["latest_percent"] == 95


def test_a_submitted_report_changes_no_public_page_so_it_moves_no_public_version(reference, settings):
    # plan.report.submit is declared private (PlanConfig.manifest): cached public copies stay
    # current through it. This holds only if the public pages really do not show it.
    settings.PUBLIC_CACHE = False
    task, owner = builders.owned_task()
    builders.report(task, owner, start=date(2025, 1, 1), percent=40, review_state="accepted")
    urls = ["/plan/public/", f"/plan/public/{task.pk}/", "/api/plan/public/tasks", "/api/plan/areas"]
    before, public = public_copies(urls), data_version(["plan"], public=True)
    signed_in = data_version(["plan"])
    report_submit(
        acting_user=owner,
        task=task,
        period_start=date(2025, 2, 1),
        period_end=date(2025, 2, 28),
        percent=95,
        narrative_zh="推进中",
    )
    assert public_copies(urls) == before
    assert data_version(["plan"], public=True) == public and data_version(["plan"]) > signed_in
