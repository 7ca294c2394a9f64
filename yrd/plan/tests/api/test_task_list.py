from datetime import date

import pytest

from . import builders
from .conftest import client_for


@pytest.fixture
def coordinator(world):
    return client_for(world, "region_coordinator")


def codes(response):
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["items"]]


def test_it_filters_by_area_number(world, coordinator):
    assert codes(coordinator.get("/api/plan/tasks", {"area": 2})) == ["2.01"]


def test_a_province_filter_includes_tasks_its_cities_lead_or_colead(world, coordinator):
    assert codes(coordinator.get("/api/plan/tasks", {"jurisdiction": "320000"})) == ["2.01"]
    assert codes(coordinator.get("/api/plan/tasks", {"jurisdiction": "340000"})) == ["2.01"]
    assert codes(coordinator.get("/api/plan/tasks", {"jurisdiction": "320500"})) == ["2.01"]
    assert codes(coordinator.get("/api/plan/tasks", {"jurisdiction": "340100"})) == []


def test_it_searches_code_and_both_titles(world, coordinator):
    assert codes(coordinator.get("/api/plan/tasks", {"q": "Task 3.01"})) == ["3.01"]
    assert codes(coordinator.get("/api/plan/tasks", {"q": "任务1.01"})) == ["1.01"]


def test_it_filters_by_derived_status(world, coordinator):
    builders.task(world.plan, "1.02", start=date(2099, 1, 1), end=date(2099, 12, 31))
    assert codes(coordinator.get("/api/plan/tasks", {"status": "not_started"})) == ["1.02"]
    # Issue 6: their milestone is late, the tasks (ending 2026-12-31) are not: milestone_overdue.
    late = codes(coordinator.get("/api/plan/tasks", {"status": "milestone_overdue"}))
    assert late == ["1.01", "2.01", "3.01"]
    assert codes(coordinator.get("/api/plan/tasks", {"status": "overdue"})) == []


def test_it_pages_with_a_total(world, coordinator):
    body = coordinator.get("/api/plan/tasks", {"limit": 2, "offset": 1}).json()
    assert body["total"] == 3 and body["limit"] == 2 and body["offset"] == 1
    assert [item["code"] for item in body["items"]] == ["2.01", "3.01"]


def test_a_task_carries_its_derived_status_and_leads(world, coordinator):
    task = world.tasks["320000"]
    body = coordinator.get(f"/api/plan/tasks/{task.pk}").json()
    assert body["status"] == "milestone_overdue" and body["overdue_milestones"] == 1
    assert body["latest_percent"] == 40 and body["area"] == 2
    assert [j["code"] for j in body["lead_jurisdictions"]] == ["320500"]
    assert [j["code"] for j in body["colead_jurisdictions"]] == ["340000"]
    assert [o["id"] for o in body["responsible_organisations"]] == [world.orgs["320000"].pk]


@pytest.mark.parametrize("params", [{"jurisdiction": "999999"}, {"jurisdiction": "abc"}])
def test_an_unknown_adcode_is_a_400_naming_the_field(world, coordinator, params):
    response = coordinator.get("/api/plan/tasks", params)
    assert response.status_code == 400
    assert "jurisdiction" in response.json()["errors"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1000}, {"offset": -1}, {"status": "late"}, {"area": "x"}])
def test_bad_query_values_are_refused_by_the_schema(world, coordinator, params):
    response = coordinator.get("/api/plan/tasks", params)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_an_unknown_area_filter_finds_nothing(world, coordinator):
    assert codes(coordinator.get("/api/plan/tasks", {"area": 42})) == []
