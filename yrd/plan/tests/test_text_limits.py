"""Every text a person sends is checked against its limit before the database (SQLite would store
anything; PostgreSQL would refuse it with a 500), and a null where a value is needed is a 400 naming
the field (issue 6, items 8 and 9): through the API, the pages and imports."""

from datetime import date
from typing import get_args

import pytest
from django.test import Client
from django.urls import reverse

from yrd.core.tests.factories import person
from yrd.plan import schemas
from yrd.plan.io.importers import import_file
from yrd.plan.models import Milestone, ProgressReport, Task
from yrd.plan.tests.api import builders
from yrd.plan.tests.io.conftest import TASK_HEADER, csv_bytes, task_row

LONG = "长" * 20_000


@pytest.fixture
def world(reference):
    plan = builders.plan_with_areas()
    drc = builders.organisation("310000")
    task = builders.task(plan, "1.01", lead="310000", organisations=[drc])
    milestone = builders.milestone(task, date(2025, 6, 30))
    coordinator, owner = person("plan_coordinator", "YRD"), person("task_owner", "310000", organisation=drc)
    return plan, task, milestone, coordinator, owner


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def send(client, method, url, body):
    return getattr(client, method)(url, body, content_type="application/json")


def assert_refused(response, field, limit):
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid" and field in body["errors"], body
    assert str(limit) in body["errors"][field][0]


NEW_TASK = {"code": "9.01", "title_zh": "新任务", "start": "2025-01-01", "end": "2025-12-31", "leads": ["310000"]}


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title_zh", 300), ("title_en", 400), ("description_zh", 5000), ("kpi_name_en", 200), ("kpi_unit", 40)],
)
def test_an_overlong_task_text_is_a_400_naming_the_field_and_its_limit(world, field, limit):
    _plan, task, _m, coordinator, _owner = world
    client = signed_in(coordinator)
    assert_refused(send(client, "post", "/api/plan/tasks", {**NEW_TASK, field: LONG}), field, limit)
    assert_refused(send(client, "patch", f"/api/plan/tasks/{task.pk}", {field: LONG}), field, limit)
    assert not Task.objects.filter(code="9.01").exists()
    assert Task.objects.get(pk=task.pk).title_zh == "任务1.01"


def test_every_overlong_field_is_named_at_once(world):
    _plan, _task, _m, coordinator, _owner = world
    response = send(signed_in(coordinator), "post", "/api/plan/tasks", {**NEW_TASK, "title_zh": LONG, "stat": LONG})
    assert set(response.json()["errors"]) == {"title_zh", "stat"}


def test_text_at_its_limit_is_accepted(world):
    _plan, _task, _m, coordinator, _owner = world
    body = {**NEW_TASK, "title_zh": "题" * 300, "description_zh": "述" * 5000}
    assert send(signed_in(coordinator), "post", "/api/plan/tasks", body).status_code == 201


def test_an_overlong_milestone_title_is_a_400(world):
    _plan, task, milestone, coordinator, _owner = world
    client = signed_in(coordinator)
    body = {"title_zh": LONG, "due_date": "2025-09-30"}
    assert_refused(send(client, "post", f"/api/plan/tasks/{task.pk}/milestones", body), "title_zh", 200)
    assert_refused(send(client, "patch", f"/api/plan/milestones/{milestone.pk}", {"title_en": LONG}), "title_en", 300)


def test_an_overlong_narrative_is_a_400_by_api_and_by_page(world):
    _plan, task, _m, _coordinator, owner = world
    client = signed_in(owner)
    body = {"period_start": "2025-02-01", "period_end": "2025-02-28", "percent": 45, "narrative_zh": LONG}
    assert_refused(send(client, "post", f"/api/plan/tasks/{task.pk}/reports", body), "narrative_zh", 4000)
    page = client.post(
        reverse("plan:report-submit", args=[task.pk]),
        {**body, "risk_level": "low", "narrative_en": "", "kpi_value": "", "idempotency_key": ""},
    )
    assert page.status_code == 400 and 'id="error-narrative_zh"' in page.content.decode()
    assert not ProgressReport.objects.filter(period_start=date(2025, 2, 1)).exists()


def test_an_overlong_review_comment_is_refused_by_api_and_by_page(world):
    _plan, task, _m, coordinator, owner = world
    report = builders.report(task, owner)
    client = signed_in(coordinator)
    body = {"decision": "return", "comment": LONG}
    assert_refused(send(client, "post", f"/api/plan/reports/{report.pk}/review", body), "comment", 2000)
    response = client.post(reverse("plan:report-review", args=[report.pk]), body, follow=True)
    assert "2000" in response.content.decode()
    report.refresh_from_db()
    assert report.review_state == ProgressReport.Review.SUBMITTED


def test_an_import_refuses_an_overlong_description_naming_the_row(world):
    plan, _task, _m, coordinator, _owner = world
    rows = [TASK_HEADER, task_row("9.02", lead="310000", description_zh=LONG)]
    result = import_file(acting_user=coordinator, kind="tasks", data=csv_bytes(rows), plan=plan)
    assert [(e.row, e.column) for e in result.errors] == [(2, "description_zh")]
    assert "5000" in result.errors[0].reason


INPUTS = [schemas.TaskCreateIn, schemas.TaskUpdateIn, schemas.MilestoneCreateIn, schemas.MilestoneUpdateIn]
INPUTS += [schemas.ReportCreateIn, schemas.ReportReviewIn]


@pytest.mark.parametrize("schema", INPUTS, ids=lambda s: s.__name__)
def test_every_text_field_of_every_input_carries_its_limit(schema):
    fields = schema.model_fields.items()
    texts = [name for name, field in fields if str in (field.annotation, *get_args(field.annotation))]
    documented = schema.model_json_schema()["properties"]
    limited = {name: documented[name].get("items", documented[name]) for name in texts}
    assert texts and [name for name, prop in limited.items() if "maxLength" not in prop] == []


# --- item 9: a null where a value is needed ---------------------------------------------------

TASK_NOT_NULL = ["code", "title_zh", "title_en", "description_zh", "description_en", "start", "end"]
TASK_NOT_NULL += ["leads", "coleads", "organisations", "kpi_name_zh", "kpi_name_en", "kpi_unit", "stat", "is_published"]


@pytest.mark.parametrize("field", TASK_NOT_NULL)
def test_a_null_for_a_task_field_that_needs_a_value_is_a_400_naming_it(world, field):
    _plan, task, _m, coordinator, _owner = world
    response = send(signed_in(coordinator), "patch", f"/api/plan/tasks/{task.pk}", {field: None})
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == [field]
    assert Task.objects.get(pk=task.pk).title_en == "Task 1.01"


def test_nulls_that_mean_something_are_still_accepted(world):
    _plan, task, milestone, coordinator, _owner = world
    client = signed_in(coordinator)
    assert send(client, "patch", f"/api/plan/tasks/{task.pk}", {"area": None, "kpi_target": None}).status_code == 200
    assert send(client, "patch", f"/api/plan/milestones/{milestone.pk}", {"done_date": None}).status_code == 200


@pytest.mark.parametrize("field", ["title_zh", "title_en", "due_date"])
def test_a_null_for_a_milestone_field_that_needs_a_value_is_a_400_naming_it(world, field):
    _plan, _task, milestone, coordinator, _owner = world
    response = send(signed_in(coordinator), "patch", f"/api/plan/milestones/{milestone.pk}", {field: None})
    assert response.status_code == 400 and list(response.json()["errors"]) == [field]
    assert Milestone.objects.get(pk=milestone.pk).title_zh == milestone.title_zh


def test_the_openapi_schema_says_which_fields_may_be_null(world):
    properties = schemas.TaskUpdateIn.model_json_schema()["properties"]
    assert properties["title_en"]["type"] == "string" and "anyOf" not in properties["title_en"]
    assert {"type": "null"} in properties["area"]["anyOf"]
