import pytest

from .conftest import client_for


@pytest.fixture
def coordinator(world):
    return client_for(world, "region_coordinator")


def test_a_coordinator_adds_a_milestone(world, coordinator):
    task = world.tasks["320000"]
    body = {"title_zh": "中期评估", "title_en": "Mid-term", "due_date": "2025-12-31"}
    response = coordinator.post(f"/api/plan/tasks/{task.pk}/milestones", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["task"] == task.pk
    listed = coordinator.get(f"/api/plan/tasks/{task.pk}/milestones").json()
    assert [m["due_date"] for m in listed] == ["2025-06-30", "2025-12-31"]


def test_completing_the_overdue_milestone_lifts_the_overdue_status(world, coordinator):
    task = world.tasks["310000"]
    milestone = task.milestones.get()
    response = coordinator.patch(
        f"/api/plan/milestones/{milestone.pk}", {"done_date": "2025-06-20"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["done_date"] == "2025-06-20"
    assert coordinator.get(f"/api/plan/tasks/{task.pk}").json()["overdue_milestones"] == 0


def test_reopening_a_milestone_takes_a_null_done_date(world, coordinator):
    milestone = world.tasks["310000"].milestones.get()
    milestone.done_date = milestone.due_date
    milestone.save()
    response = coordinator.patch(
        f"/api/plan/milestones/{milestone.pk}", {"done_date": None}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["done_date"] is None


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"title_zh": "x", "due_date": "2025-02-30"}, 422),
        ({"title_zh": "x"}, 422),
        ({"title_zh": "", "due_date": "2025-02-01"}, 400),
    ],
)
def test_a_bad_milestone_is_refused(world, coordinator, body, status):
    task = world.tasks["310000"]
    response = coordinator.post(f"/api/plan/tasks/{task.pk}/milestones", body, content_type="application/json")
    assert response.status_code == status
    assert task.milestones.count() == 1


def test_an_unknown_milestone_is_a_404(world, coordinator):
    response = coordinator.patch("/api/plan/milestones/999999", {"title_en": "x"}, content_type="application/json")
    assert response.status_code == 404
