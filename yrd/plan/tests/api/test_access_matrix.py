"""Every persona x every endpoint x a task of the persona's own jurisdiction and one of another:
the exact status code. Not visible is 404 (nothing is revealed); visible but not allowed is 403."""

import pytest

from .conftest import client_for

PERSONAS = ["region_coordinator", "jiangsu_coordinator", "shanghai_owner", "stranger", "anonymous", "token_caller"]
# The province of a task in the persona's own jurisdiction, and of one in another.
OWN = {
    "region_coordinator": "310000",
    "jiangsu_coordinator": "320000",
    "shanghai_owner": "310000",
    "stranger": "310000",
    "anonymous": "310000",
    "token_caller": "330000",
}
OTHER = {
    "region_coordinator": "320000",
    "jiangsu_coordinator": "310000",
    "shanghai_owner": "320000",
    "stranger": "320000",
    "anonymous": "320000",
    "token_caller": "310000",
}


def get_task(client, task):
    return client.get(f"/api/plan/tasks/{task.pk}")


def update_task(client, task):
    return client.patch(f"/api/plan/tasks/{task.pk}", {"title_en": "Renamed"}, content_type="application/json")


def create_task(client, task):
    lead = task.lead_jurisdictions.get().code
    body = {
        "code": f"N.{task.pk}",
        "title_zh": "新任务",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "leads": [lead],
        "area": 1,
    }
    return client.post("/api/plan/tasks", body, content_type="application/json")


def list_milestones(client, task):
    return client.get(f"/api/plan/tasks/{task.pk}/milestones")


def create_milestone(client, task):
    body = {"title_zh": "新节点", "due_date": "2025-09-30"}
    return client.post(f"/api/plan/tasks/{task.pk}/milestones", body, content_type="application/json")


def update_milestone(client, task):
    milestone = task.milestones.get()
    return client.patch(
        f"/api/plan/milestones/{milestone.pk}", {"done_date": "2025-06-01"}, content_type="application/json"
    )


def list_reports(client, task):
    return client.get(f"/api/plan/tasks/{task.pk}/reports")


def submit_report(client, task):
    body = {"period_start": "2025-02-01", "period_end": "2025-02-28", "percent": 45, "narrative_zh": "二月进展"}
    return client.post(
        f"/api/plan/tasks/{task.pk}/reports",
        body,
        content_type="application/json",
        headers={"Idempotency-Key": f"matrix-{task.pk}"},
    )


def review_report(client, task):
    report = task.reports.get()
    return client.post(f"/api/plan/reports/{report.pk}/review", {"decision": "accept"}, content_type="application/json")


READ = {
    "region_coordinator": (200, 200),
    "jiangsu_coordinator": (200, 404),
    "shanghai_owner": (200, 404),
    "stranger": (404, 404),
    "anonymous": (401, 401),
    "token_caller": (200, 404),
}
MANAGE = {**READ, "shanghai_owner": (403, 404)}
MANAGE_NEW = {code: tuple(201 if s == 200 else s for s in pair) for code, pair in MANAGE.items()}
EXPECTED = {
    get_task: READ,
    list_milestones: READ,
    list_reports: READ,
    update_task: MANAGE,
    update_milestone: MANAGE,
    review_report: MANAGE,
    create_milestone: MANAGE_NEW,
    create_task: {
        "region_coordinator": (201, 201),
        "jiangsu_coordinator": (201, 403),
        "shanghai_owner": (403, 403),
        "stranger": (403, 403),
        "anonymous": (401, 401),
        "token_caller": (201, 403),
    },
    submit_report: {
        "region_coordinator": (403, 403),
        "jiangsu_coordinator": (403, 404),
        "shanghai_owner": (201, 404),
        "stranger": (404, 404),
        "anonymous": (401, 401),
        "token_caller": (403, 404),
    },
}
CASES = [
    pytest.param(endpoint, persona, which, id=f"{endpoint.__name__}-{persona}-{which}")
    for endpoint in EXPECTED
    for persona in PERSONAS
    for which in ("own", "other")
]


@pytest.mark.parametrize(("endpoint", "persona", "which"), CASES)
def test_each_persona_gets_exactly_its_status(world, endpoint, persona, which):
    code = (OWN if which == "own" else OTHER)[persona]
    response = endpoint(client_for(world, persona), world.tasks[code])
    expected = EXPECTED[endpoint][persona][0 if which == "own" else 1]
    assert response.status_code == expected, response.content
    assert response.status_code < 500


SEES = {
    "region_coordinator": {"310000", "320000", "330000"},
    "jiangsu_coordinator": {"320000"},
    "shanghai_owner": {"310000"},
    "stranger": set(),
    "token_caller": {"330000"},
}


@pytest.mark.parametrize("persona", sorted(SEES))
def test_the_task_list_holds_exactly_what_the_persona_may_see(world, persona):
    response = client_for(world, persona).get("/api/plan/tasks")
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {world.tasks[code].pk for code in SEES[persona]}


def test_the_task_list_refuses_anonymous_callers(world):
    response = client_for(world, "anonymous").get("/api/plan/tasks")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", ["/api/plan/areas", "/api/plan/public/tasks"])
def test_public_endpoints_answer_everyone(world, persona, url):
    assert client_for(world, persona).get(url).status_code == 200
