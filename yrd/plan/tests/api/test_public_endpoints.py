from django.test import Client

PUBLIC_FIELDS = {
    "code",
    "area",
    "title_zh",
    "title_en",
    "start",
    "end",
    "status",
    "latest_percent",
    "late_milestones",  # issue 6: the public page names the milestone that is overdue
    "lead_jurisdictions",
    "colead_jurisdictions",
    "kpi_name_zh",
    "kpi_name_en",
    "kpi_target",
    "kpi_unit",
    "demo_details",
}


def test_the_public_list_holds_published_tasks_only(world):
    body = Client().get("/api/plan/public/tasks").json()
    assert body["total"] == 2
    assert [item["code"] for item in body["items"]] == ["1.01", "2.01"]


def test_the_public_list_shows_published_fields_only(world):
    item = Client().get("/api/plan/public/tasks").json()["items"][0]
    assert set(item) == PUBLIC_FIELDS


def test_the_public_list_filters_by_area_and_status(world):
    client = Client()
    items = client.get("/api/plan/public/tasks", {"area": 2}).json()["items"]
    assert [item["code"] for item in items] == ["2.01"]
    assert client.get("/api/plan/public/tasks", {"status": "done"}).json()["total"] == 0


def test_areas_come_with_stated_and_published_task_counts(world):
    areas = Client().get("/api/plan/areas").json()
    assert [(a["number"], a["stated_task_count"], a["task_count"]) for a in areas] == [
        (1, 11, 1),
        (2, 12, 1),
        (3, 13, 0),  # area 3's only task is not published
    ]


def test_areas_are_an_empty_list_before_any_plan_is_loaded(db):
    assert Client().get("/api/plan/areas").json() == []
