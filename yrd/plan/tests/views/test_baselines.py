"""Baselines: coordinators freeze the plan; the comparison shows only tasks the reader may see."""

from datetime import date

import pytest
from django.urls import reverse

from yrd.plan import writes
from yrd.plan.models import Baseline
from yrd.plan.tests.factories import TaskFactory, area


@pytest.fixture
def baseline(people, tasks, plan):
    return writes.baseline_freeze(acting_user=people.region, plan=plan, name="Start of 2025")


def test_a_coordinator_freezes_the_plan(client, people, tasks):
    client.force_login(people.jiangsu)
    response = client.post(reverse("plan:baselines"), {"name": "Before the mid-term review"})
    baseline = Baseline.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plan:baseline", args=[baseline.pk])
    assert (baseline.name, baseline.taken_by, len(baseline.snapshot)) == (
        "Before the mid-term review",
        people.jiangsu,
        6,
    )


def test_a_task_owner_may_list_baselines_but_not_freeze_one(client, people, baseline):
    client.force_login(people.owner)
    page = client.get(reverse("plan:baselines"))
    assert page.status_code == 200
    assert "Start of 2025" in page.content.decode()
    assert 'id="freeze-form"' not in page.content.decode()
    assert client.post(reverse("plan:baselines"), {"name": "mine"}).status_code == 403
    assert Baseline.objects.count() == 1


def test_the_freeze_form_needs_a_name(client, people, tasks):
    client.force_login(people.region)
    response = client.post(reverse("plan:baselines"), {"name": ""})
    assert response.status_code == 400
    assert not Baseline.objects.exists()


def test_the_comparison_shows_added_removed_and_changed_tasks_with_old_and_new_values(
    client, people, tasks, baseline, plan
):
    writes.task_update(acting_user=people.region, task=tasks.jiangsu, end=date(2026, 6, 30))
    TaskFactory(code="5.01", area=area(5, plan), leads=["320000"], title_zh="任务5.01", title_en="Task 5.01")
    tasks.zhejiang.delete()
    client.force_login(people.region)
    page = client.get(reverse("plan:baseline", args=[baseline.pk]))
    assert page.status_code == 200
    changed = {item["code"]: item["fields"] for item in page.context["changed"]}
    assert changed == {"1.01": [{"name": "End", "old": "2026-12-31", "new": "2026-06-30"}]}
    assert [t.code for t in page.context["added"]] == ["5.01"]
    assert [item["code"] for item in page.context["removed"]] == ["1.02"]
    text = page.content.decode()
    assert "2026-12-31" in text and "2026-06-30" in text


def test_the_comparison_hides_tasks_outside_the_readers_scope(client, people, tasks, baseline):
    writes.task_update(acting_user=people.region, task=tasks.jiangsu, end=date(2026, 6, 30))
    writes.task_update(acting_user=people.region, task=tasks.zhejiang, end=date(2026, 6, 30))
    tasks.shanghai_other.delete()
    client.force_login(people.jiangsu)
    page = client.get(reverse("plan:baseline", args=[baseline.pk]))
    assert [item["code"] for item in page.context["changed"]] == ["1.01"]
    assert page.context["removed"] == []
    client.force_login(people.region)
    page = client.get(reverse("plan:baseline", args=[baseline.pk]))
    assert [item["code"] for item in page.context["removed"]] == ["3.02"]


def test_a_removed_task_is_shown_to_the_owner_of_its_organisation(client, people, tasks, baseline):
    tasks.shanghai.delete()
    tasks.shanghai_other.delete()
    client.force_login(people.owner)
    page = client.get(reverse("plan:baseline", args=[baseline.pk]))
    assert [item["code"] for item in page.context["removed"]] == ["3.01"]


def test_baseline_pages_need_a_role(client, people, baseline):
    assert client.get(reverse("plan:baseline", args=[baseline.pk])).status_code == 302
    client.force_login(people.stranger)
    assert client.get(reverse("plan:baseline", args=[baseline.pk])).status_code == 404
    client.force_login(people.region)
    assert client.get(reverse("plan:baseline", args=[baseline.pk + 1])).status_code == 404
