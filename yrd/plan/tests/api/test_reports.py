import pytest
from django.core import mail
from django.test import Client

from yrd.core.models import Notification
from yrd.core.tests.factories import person
from yrd.plan.models import ProgressReport

from . import builders
from .conftest import client_for

BODY = {
    "period_start": "2025-02-01",
    "period_end": "2025-02-28",
    "percent": 45,
    "narrative_zh": "二月进展",
    "risk_level": "medium",
    "kpi_value": "3.5",
}


@pytest.fixture
def owner(world):
    return client_for(world, "shanghai_owner")


@pytest.fixture
def task(world):
    return world.tasks["310000"]


def submit(client, task, body=BODY, key="key-1"):
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(f"/api/plan/tasks/{task.pk}/reports", body, content_type="application/json", headers=headers)


def test_an_owner_submits_a_report(world, owner, task):
    response = submit(owner, task)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["percent"], body["review_state"], body["kpi_value"]) == (45, "submitted", "3.50")
    assert body["submitted_by"] == str(world.people["shanghai_owner"])


def test_a_retry_with_the_same_key_answers_200_with_the_first_report(owner, task):
    first = submit(owner, task)
    again = submit(owner, task)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert task.reports.filter(period_start="2025-02-01").count() == 1


def test_the_same_key_for_a_different_report_is_a_409(owner, task):
    submit(owner, task)
    response = submit(owner, task, {**BODY, "percent": 50})
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_reused"


def test_the_same_key_on_another_task_is_a_409_and_another_persons_key_is_theirs(world, owner, task):
    # Issue 6, item 3: keys are per sender (core.idempotency); a colleague's equal key is their own
    # request, here refused because the period is already reported, never answered with my report.
    first = submit(owner, task)
    other_task = builders.task(world.plan, "1.09", organisations=[world.orgs["310000"]])
    assert submit(owner, other_task).status_code == 409
    colleague = Client()
    colleague.force_login(person("task_owner", "310000", organisation=world.orgs["310000"]))
    theirs = submit(colleague, task)
    assert theirs.status_code == 409 and theirs.json()["code"] == "period_reported"
    assert first.json()["id"] == task.reports.get(period_start="2025-02-01").pk


def test_a_second_report_for_the_same_period_is_a_409(owner, task):
    submit(owner, task, key="a")
    response = submit(owner, task, {**BODY, "percent": 50}, key="b")
    assert response.status_code == 409 and response.json()["code"] == "period_reported"


def test_a_report_without_a_key_is_accepted_once(owner, task):
    assert submit(owner, task, key=None).status_code == 201
    assert submit(owner, task, key=None).status_code == 409


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"percent": 101}, 422),
        ({"percent": -1}, 422),
        ({"period_end": "2025-01-31"}, 400),
        ({"period_start": "2025-02-31"}, 422),
        ({"narrative_zh": ""}, 400),
        ({"risk_level": "extreme"}, 422),
        ({"kpi_value": "1e20"}, 422),
    ],
)
def test_a_bad_report_is_refused_and_nothing_is_written(owner, task, change, status):
    before = ProgressReport.objects.count()
    response = submit(owner, task, {**BODY, **change})
    assert response.status_code == status, response.content
    assert ProgressReport.objects.count() == before


def test_an_overlong_idempotency_key_is_refused(owner, task):
    assert submit(owner, task, key="k" * 81).status_code == 422


def test_reports_are_listed_newest_period_first(owner, task):
    submit(owner, task)
    listed = owner.get(f"/api/plan/tasks/{task.pk}/reports").json()
    assert [r["period_start"] for r in listed] == ["2025-02-01", "2025-01-01"]


def test_a_coordinator_accepts_a_report_and_the_submitter_is_told(world, task):
    report = task.reports.get()
    client = client_for(world, "region_coordinator")
    response = client.post(
        f"/api/plan/reports/{report.pk}/review", {"decision": "accept"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["review_state"] == "accepted"
    assert Notification.objects.filter(recipient=report.submitted_by).count() == 1
    assert len(mail.outbox) == 0  # sent after commit; the test transaction never commits


def test_reviewing_twice_is_a_409(world, task):
    report = task.reports.get()
    client = client_for(world, "region_coordinator")
    url = f"/api/plan/reports/{report.pk}/review"
    client.post(url, {"decision": "accept"}, content_type="application/json")
    response = client.post(url, {"decision": "return", "comment": "again"}, content_type="application/json")
    assert response.status_code == 409 and response.json()["code"] == "already_reviewed"


def test_returning_a_report_needs_a_comment(world, task):
    report = task.reports.get()
    client = client_for(world, "region_coordinator")
    url = f"/api/plan/reports/{report.pk}/review"
    response = client.post(url, {"decision": "return"}, content_type="application/json")
    assert response.status_code == 400 and "review_comment" in response.json()["errors"]
    response = client.post(url, {"decision": "return", "comment": "缺少佐证材料"}, content_type="application/json")
    assert response.json()["review_state"] == "returned"


def test_an_unknown_decision_or_report_is_refused(world):
    client = client_for(world, "region_coordinator")
    report = world.tasks["310000"].reports.get()
    assert (
        client.post(
            f"/api/plan/reports/{report.pk}/review", {"decision": "maybe"}, content_type="application/json"
        ).status_code
        == 422
    )
    assert (
        client.post(
            "/api/plan/reports/999999/review", {"decision": "accept"}, content_type="application/json"
        ).status_code
        == 404
    )
