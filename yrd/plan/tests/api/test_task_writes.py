import pytest

from yrd.core.models import AuditEntry
from yrd.plan.models import Task

from .conftest import client_for

NEW = {
    "code": "9.99",
    "title_zh": "新任务",
    "title_en": "New task",
    "start": "2025-01-01",
    "end": "2026-06-30",
    "leads": ["310000"],
    "coleads": ["320500"],
    "area": 2,
    "kpi_target": "12.5",
    "kpi_unit": "%",
}


@pytest.fixture
def coordinator(world):
    return client_for(world, "region_coordinator")


def post(client, body):
    return client.post("/api/plan/tasks", body, content_type="application/json")


def patch(client, task, body):
    return client.patch(f"/api/plan/tasks/{task.pk}", body, content_type="application/json")


def test_a_coordinator_creates_a_task_with_leads_and_area(world, coordinator):
    body = {**NEW, "organisations": [world.orgs["310000"].pk]}
    response = post(coordinator, body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["area"] == 2 and created["kpi_target"] == "12.50"
    assert [j["code"] for j in created["lead_jurisdictions"]] == ["310000"]
    assert [j["code"] for j in created["colead_jurisdictions"]] == ["320500"]
    assert created["status"] in {"on_track", "at_risk", "not_started", "overdue"}
    audit = AuditEntry.objects.filter(action="plan.task.create", object_id=str(created["id"]))
    assert audit.exists()


def test_a_patch_changes_only_the_fields_sent(world, coordinator):
    task = world.tasks["310000"]
    response = patch(coordinator, task, {"title_en": "Renamed", "area": None})
    assert response.status_code == 200, response.content
    task.refresh_from_db()
    assert (task.title_en, task.area, task.title_zh) == ("Renamed", None, "任务1.01")


def test_a_patch_can_reassign_the_leads(world, coordinator):
    task = world.tasks["310000"]
    response = patch(coordinator, task, {"leads": ["330100"], "organisations": []})
    assert response.status_code == 200
    assert [j["code"] for j in response.json()["lead_jurisdictions"]] == ["330100"]
    assert response.json()["responsible_organisations"] == []


def test_a_province_coordinator_may_not_move_a_task_out_of_its_province(world):
    client = client_for(world, "jiangsu_coordinator")
    response = patch(client, world.tasks["320000"], {"leads": ["310000"]})
    assert response.status_code == 403
    assert world.tasks["320000"].lead_jurisdictions.get().code == "320500"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"area": 42}, "area"),
        ({"leads": ["999999"]}, "leads"),
        ({"coleads": ["12"]}, "coleads"),
        ({"organisations": [987654]}, "organisations"),
        ({"end": "2023-12-31"}, "end"),
        ({"code": "1.01"}, "__all__"),
        ({"kpi_target": "-1"}, "kpi_target"),
        ({"title_zh": ""}, "title_zh"),
    ],
)
def test_an_invalid_task_is_a_400_naming_the_field_and_nothing_is_written(world, coordinator, change, field):
    before = Task.objects.count()
    response = post(coordinator, {**NEW, **change})
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid" and field in body["errors"]
    assert Task.objects.count() == before


@pytest.mark.parametrize(
    "change",
    [{"start": "2025-13-01"}, {"end": "not a date"}, {"leads": "310000x"}, {"kpi_target": "lots"}],
)
def test_values_of_the_wrong_type_are_refused_by_the_schema(world, coordinator, change):
    response = post(coordinator, {**NEW, **change})
    assert response.status_code == 422
    assert response.json()["errors"]


def test_a_null_title_is_a_400_naming_the_field(world, coordinator):
    # Issue 6, item 9: a null where a value is needed is a value error naming the field (was a 422).
    response = post(coordinator, {**NEW, "title_zh": None})
    assert response.status_code == 400 and list(response.json()["errors"]) == ["title_zh"]


def test_a_patch_with_a_bad_value_is_a_400_and_changes_nothing(world, coordinator):
    task = world.tasks["310000"]
    response = patch(coordinator, task, {"title_en": "Renamed", "end": "2020-01-01"})
    assert response.status_code == 400
    task.refresh_from_db()
    assert task.title_en == "Task 1.01"


@pytest.mark.parametrize("raw", ["{not json", "[1, 2", "\x00"])
def test_malformed_json_is_a_400(world, coordinator, raw):
    response = coordinator.post("/api/plan/tasks", raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["message"]


def test_a_json_body_that_is_not_an_object_is_refused(world, coordinator):
    response = coordinator.post("/api/plan/tasks", "[1, 2]", content_type="application/json")
    assert response.status_code == 422


def test_an_unknown_task_is_a_404(world, coordinator):
    assert coordinator.get("/api/plan/tasks/999999").status_code == 404
    assert patch(coordinator, Task(pk=999999), {"title_en": "x"}).status_code == 404
