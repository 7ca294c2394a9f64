"""Who may do what on a task (README, "The plan tracker"): the lead province's coordinators (and the
region's) edit a task, its milestones and its leads, and review its reports; the co-lead provinces'
task owners report on their part; adding or removing a jurisdiction needs rights over it.

Every role x a task Jiangsu leads, one Jiangsu co-leads, one it has nothing to do with x every
write, through the API and through the pages: the exact answer."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from yrd.core.tests.factories import person
from yrd.plan.io.importers import import_file
from yrd.plan.tests.api import builders
from yrd.plan.tests.io.conftest import TASK_HEADER, csv_bytes, task_row

ROLES = ["region_coordinator", "jiangsu_coordinator", "jiangsu_owner", "stranger", "anonymous"]
SIDES = ["lead", "colead", "unrelated"]  # the task, seen from Jiangsu


@pytest.fixture
def world(reference):
    plan = builders.plan_with_areas()
    drc = {code: builders.organisation(code) for code in ("310000", "320000", "330000")}
    both = [drc["310000"], drc["320000"]]
    tasks = {
        "lead": builders.task(plan, "1.01", lead="320000", coleads=["310000"], organisations=both),
        "colead": builders.task(plan, "1.02", lead="310000", coleads=["320000"], organisations=both),
        "unrelated": builders.task(plan, "1.03", lead="330000", organisations=[drc["330000"]]),
    }
    reporter = person("task_owner", "YRD")
    for task in tasks.values():
        builders.milestone(task, date(2025, 6, 30))
        builders.report(task, reporter)
    people = {
        "region_coordinator": person("plan_coordinator", "YRD"),
        "jiangsu_coordinator": person("plan_coordinator", "320000"),
        "jiangsu_owner": person("task_owner", "320000", organisation=drc["320000"]),
        "stranger": person(),
        "anonymous": None,
    }
    return plan, tasks, people


def client_of(people, role):
    client = Client()
    if people[role] is not None:
        client.force_login(people[role])
    return client


# --- the API --------------------------------------------------------------------------------------


def api_edit(client, task):
    return client.patch(f"/api/plan/tasks/{task.pk}", {"title_en": "Renamed"}, content_type="application/json")


def api_unpublish(client, task):
    return client.patch(f"/api/plan/tasks/{task.pk}", {"is_published": False}, content_type="application/json")


def api_remove_coleads(client, task):
    return client.patch(f"/api/plan/tasks/{task.pk}", {"coleads": []}, content_type="application/json")


def api_add_milestone(client, task):
    body = {"title_zh": "新节点", "due_date": "2025-09-30"}
    return client.post(f"/api/plan/tasks/{task.pk}/milestones", body, content_type="application/json")


def api_close_milestone(client, task):
    milestone = task.milestones.get()
    body = {"done_date": "2025-06-01"}
    return client.patch(f"/api/plan/milestones/{milestone.pk}", body, content_type="application/json")


def api_submit_report(client, task):
    body = {"period_start": "2025-02-01", "period_end": "2025-02-28", "percent": 45, "narrative_zh": "二月进展"}
    return client.post(f"/api/plan/tasks/{task.pk}/reports", body, content_type="application/json")


def api_review_report(client, task):
    report = task.reports.get()
    return client.post(f"/api/plan/reports/{report.pk}/review", {"decision": "accept"}, content_type="application/json")


# role -> (lead, colead, unrelated)
MANAGES = {
    "region_coordinator": (200, 200, 200),
    "jiangsu_coordinator": (200, 403, 404),
    "jiangsu_owner": (403, 403, 404),
    "stranger": (404, 404, 404),
    "anonymous": (401, 401, 401),
}
API = {
    api_edit: MANAGES,
    api_unpublish: MANAGES,
    # The lead task's co-lead is Shanghai: a Jiangsu coordinator has no rights over it.
    api_remove_coleads: {**MANAGES, "jiangsu_coordinator": (403, 403, 404)},
    api_add_milestone: {role: tuple(201 if s == 200 else s for s in row) for role, row in MANAGES.items()},
    api_close_milestone: MANAGES,
    api_review_report: MANAGES,
    api_submit_report: {
        "region_coordinator": (403, 403, 403),
        "jiangsu_coordinator": (403, 403, 404),
        "jiangsu_owner": (201, 201, 404),
        "stranger": (404, 404, 404),
        "anonymous": (401, 401, 401),
    },
}


@pytest.mark.parametrize(
    ("write", "role", "side"),
    [pytest.param(w, r, s, id=f"{w.__name__}-{r}-{s}") for w in API for r in ROLES for s in SIDES],
)
def test_each_role_may_do_exactly_its_part_through_the_api(world, write, role, side):
    _plan, tasks, people = world
    before = tasks[side].title_en, tasks[side].colead_jurisdictions.count(), tasks[side].is_published
    response = write(client_of(people, role), tasks[side])
    expected = API[write][role][SIDES.index(side)]
    assert response.status_code == expected, response.content
    if response.status_code >= 400:
        tasks[side].refresh_from_db()
        after = tasks[side].title_en, tasks[side].colead_jurisdictions.count(), tasks[side].is_published
        assert after == before


def test_adding_a_jurisdiction_needs_rights_over_it_and_keeping_one_needs_none(world):
    _plan, tasks, people = world
    client = client_of(people, "jiangsu_coordinator")
    task = tasks["lead"]  # co-led by Shanghai
    url = f"/api/plan/tasks/{task.pk}"
    keep_and_add = client.patch(url, {"coleads": ["310000", "320100"]}, content_type="application/json")
    assert keep_and_add.status_code == 200, keep_and_add.content
    add_other = client.patch(url, {"coleads": ["310000", "320100", "340000"]}, content_type="application/json")
    assert add_other.status_code == 403
    hand_over = client.patch(url, {"leads": ["310000"]}, content_type="application/json")
    assert hand_over.status_code == 403
    assert sorted(j.code for j in task.colead_jurisdictions.all()) == ["310000", "320100"]
    assert [j.code for j in task.lead_jurisdictions.all()] == ["320000"]


def test_only_a_region_coordinator_may_leave_a_task_without_leads(world):
    _plan, tasks, people = world
    body = {"leads": []}
    url = f"/api/plan/tasks/{tasks['lead'].pk}"
    assert client_of(people, "jiangsu_coordinator").patch(url, body, content_type="application/json").status_code == 403
    assert client_of(people, "region_coordinator").patch(url, body, content_type="application/json").status_code == 200


# --- the pages ------------------------------------------------------------------------------------


def outcome(response):
    """What a person sees: done (2xx, or a redirect back to the page), login, 403 or 404."""
    if response.status_code == 302 and "/login" in response["Location"]:
        return "login"
    return "done" if response.status_code in (200, 302) else str(response.status_code)


def page_submit_report(client, task):
    data = {
        "period_start": "2025-02-01",
        "period_end": "2025-02-28",
        "percent": "45",
        "risk_level": "low",
        "narrative_zh": "二月进展",
        "narrative_en": "",
        "kpi_value": "",
        "idempotency_key": "",
        "evidence": SimpleUploadedFile("scan.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
    }
    return client.post(reverse("plan:report-submit", args=[task.pk]), data)


def page_review_report(client, task):
    report = task.reports.get()
    return client.post(reverse("plan:report-review", args=[report.pk]), {"decision": "accept"})


def page_bulk_unpublish(client, task):
    return client.post(reverse("plan:bulk"), {"tasks": [task.pk], "action": "unpublish"})


PAGES = {
    page_submit_report: {
        "region_coordinator": ("403", "403", "403"),
        "jiangsu_coordinator": ("403", "403", "404"),
        "jiangsu_owner": ("done", "done", "404"),
        "stranger": ("404", "404", "404"),
        "anonymous": ("login", "login", "login"),
    },
    page_review_report: {
        "region_coordinator": ("done", "done", "done"),
        "jiangsu_coordinator": ("done", "403", "404"),
        "jiangsu_owner": ("403", "403", "404"),
        "stranger": ("404", "404", "404"),
        "anonymous": ("login", "login", "login"),
    },
    page_bulk_unpublish: {
        "region_coordinator": ("done", "done", "done"),
        "jiangsu_coordinator": ("done", "403", "403"),
        "jiangsu_owner": ("403", "403", "403"),
        "stranger": ("403", "403", "403"),
        "anonymous": ("login", "login", "login"),
    },
}


@pytest.mark.parametrize(
    ("write", "role", "side"),
    [pytest.param(w, r, s, id=f"{w.__name__}-{r}-{s}") for w in PAGES for r in ROLES for s in SIDES],
)
def test_each_role_may_do_exactly_its_part_through_the_pages(world, write, role, side):
    _plan, tasks, people = world
    response = write(client_of(people, role), tasks[side])
    assert outcome(response) == PAGES[write][role][SIDES.index(side)]


# role -> (review forms offered, report form offered) on the lead and the co-lead task
TASK_PAGE = {
    "region_coordinator": ((True, False), (True, False)),
    "jiangsu_coordinator": ((True, False), (False, False)),
    "jiangsu_owner": ((False, True), (False, True)),
}


@pytest.mark.parametrize("role", sorted(TASK_PAGE))
def test_the_task_page_offers_reviewing_and_reporting_to_exactly_those_who_may(world, role):
    _plan, tasks, people = world
    client = client_of(people, role)
    for side, expected in zip(("lead", "colead"), TASK_PAGE[role], strict=True):
        page = client.get(reverse("plan:task", args=[tasks[side].pk])).content.decode()
        review_url = reverse("plan:report-review", args=[tasks[side].reports.get().pk])
        offered = (f'action="{review_url}"' in page, 'id="report"' in page)
        assert offered == expected, side


def test_the_task_list_offers_bulk_changes_only_on_the_tasks_a_coordinator_leads(world):
    _plan, tasks, people = world
    page = client_of(people, "jiangsu_coordinator").get(reverse("plan:tasks")).content.decode()
    assert f'name="tasks" value="{tasks["lead"].pk}"' in page
    assert f'name="tasks" value="{tasks["colead"].pk}"' not in page


def test_the_review_queue_holds_only_the_reports_of_tasks_the_coordinator_leads(world):
    _plan, tasks, people = world
    page = client_of(people, "jiangsu_coordinator").get(reverse("plan:reviews")).content.decode()
    assert f'id="report-{tasks["lead"].reports.get().pk}"' in page
    assert f'id="report-{tasks["colead"].reports.get().pk}"' not in page


def test_an_import_may_not_edit_a_task_the_coordinator_only_coleads(world):
    plan, tasks, people = world
    rows = [TASK_HEADER, task_row("1.02", lead="310000", colead="320000", area="1", title_zh="改写")]
    result = import_file(acting_user=people["jiangsu_coordinator"], kind="tasks", data=csv_bytes(rows), plan=plan)
    assert [(e.row, e.column) for e in result.errors] == [(2, "code")]
    tasks["colead"].refresh_from_db()
    assert tasks["colead"].title_zh == "任务1.02"
