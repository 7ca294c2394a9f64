"""Bulk changes from the task list: coordinators only; all selected tasks in scope, or nothing
changes."""

from datetime import date

import pytest
from django.urls import reverse

from yrd.core.models import AuditEntry
from yrd.plan.models import Task
from yrd.plan.status import Status
from yrd.plan.tests.factories import MilestoneFactory


def bulk(client, tasks, action, **extra):
    return client.post(
        reverse("plan:bulk"),
        {
            "tasks": [t.pk for t in tasks],
            "action": action,
            "next": reverse("plan:tasks") + "?area=1",
            **extra,
        },
    )


def dates(task):
    task.refresh_from_db()
    return task.start, task.end


def test_the_task_list_offers_checkboxes_for_tasks_the_coordinator_manages(client, people, tasks):
    client.force_login(people.jiangsu)
    page = client.get(reverse("plan:tasks"))
    boxes = {t.code for t in page.context["rows"] if t.manageable}
    assert boxes == {"1.01", "4.01"}  # issue 6, item 4: the lead's coordinators; 2.01 is only co-led
    assert 'id="bulk-form"' in page.content.decode()
    client.force_login(people.owner)
    page = client.get(reverse("plan:tasks"))
    assert 'name="tasks"' not in page.content.decode()


def test_shifting_dates_moves_the_tasks_and_their_open_milestones(client, people, tasks):
    open_one = MilestoneFactory(task=tasks.jiangsu, due_date=date(2025, 6, 30))
    done_one = MilestoneFactory(task=tasks.jiangsu, due_date=date(2024, 6, 30), done_date=date(2024, 6, 1))
    client.force_login(people.jiangsu)
    response = bulk(client, [tasks.jiangsu, tasks.unpublished], "shift", days="30")
    assert response.status_code == 302
    assert response["Location"] == reverse("plan:tasks") + "?area=1"
    for task in (tasks.jiangsu, tasks.unpublished):
        assert dates(task) == (date(2024, 1, 31), date(2027, 1, 30))
    open_one.refresh_from_db(), done_one.refresh_from_db()
    assert open_one.due_date == date(2025, 7, 30)
    assert done_one.due_date == date(2024, 6, 30)


def test_setting_the_end_date(client, people, tasks):
    client.force_login(people.region)
    bulk(client, [tasks.zhejiang, tasks.shanghai], "set_end", end="2026-06-30")
    assert dates(tasks.zhejiang)[1] == dates(tasks.shanghai)[1] == date(2026, 6, 30)


def test_marking_done_makes_the_derived_status_done(client, people, tasks):
    MilestoneFactory(task=tasks.jiangsu, due_date=date(2099, 1, 1))
    client.force_login(people.jiangsu)
    bulk(client, [tasks.jiangsu], "done")
    rows = {t.code: t for t in client.get(reverse("plan:tasks")).context["rows"]}
    assert rows["1.01"].status == Status.DONE
    assert rows["1.01"].latest_percent == 100


def test_publishing_and_withdrawing(client, people, tasks):
    client.force_login(people.jiangsu)
    bulk(client, [tasks.unpublished], "publish")
    assert Task.objects.get(pk=tasks.unpublished.pk).is_published
    bulk(client, [tasks.unpublished, tasks.jiangsu], "unpublish")
    assert not Task.objects.filter(pk__in=[tasks.unpublished.pk, tasks.jiangsu.pk], is_published=True).exists()


def test_one_task_outside_scope_refuses_the_whole_change(client, people, tasks):
    before = {t.pk: dates(t) for t in (tasks.jiangsu, tasks.zhejiang)}
    audit_before = AuditEntry.objects.count()
    client.force_login(people.jiangsu)
    response = bulk(client, [tasks.jiangsu, tasks.zhejiang], "shift", days="10")
    assert response.status_code == 403
    assert {t.pk: dates(t) for t in (tasks.jiangsu, tasks.zhejiang)} == before
    assert AuditEntry.objects.count() == audit_before


def test_an_unknown_task_id_refuses_the_whole_change(client, people, tasks):
    client.force_login(people.region)
    response = client.post(reverse("plan:bulk"), {"tasks": [tasks.jiangsu.pk, 999999], "action": "unpublish"})
    assert response.status_code == 403
    assert Task.objects.get(pk=tasks.jiangsu.pk).is_published


@pytest.mark.parametrize("who", ["owner", "stranger"])
def test_people_who_do_not_manage_tasks_are_refused(client, people, tasks, who):
    client.force_login(getattr(people, who))
    assert bulk(client, [tasks.shanghai], "unpublish").status_code == 403
    assert Task.objects.get(pk=tasks.shanghai.pk).is_published


def test_bulk_needs_a_login_and_a_post(client, people, tasks):
    assert bulk(client, [tasks.jiangsu], "unpublish").status_code == 302
    client.force_login(people.region)
    assert client.get(reverse("plan:bulk"))["Location"] == reverse("plan:tasks")
    assert Task.objects.get(pk=tasks.jiangsu.pk).is_published


def test_an_invalid_change_changes_nothing_and_says_why(client, people, tasks):
    client.force_login(people.region)
    response = bulk(client, [tasks.jiangsu, tasks.zhejiang], "set_end", end="2023-01-01")
    assert response.status_code == 302
    assert dates(tasks.jiangsu)[1] == dates(tasks.zhejiang)[1] == date(2026, 12, 31)
    assert "Nothing was changed" in client.get(response["Location"]).content.decode()


def test_missing_inputs_are_reported(client, people, tasks):
    client.force_login(people.region)
    response = bulk(client, [tasks.jiangsu], "shift")
    page = client.get(response["Location"]).content.decode()
    assert "Give the number of days" in page
    response = client.post(reverse("plan:bulk"), {"action": "publish"})
    assert "Select at least one task." in client.get(response["Location"]).content.decode()
    assert dates(tasks.jiangsu) == (date(2024, 1, 1), date(2026, 12, 31))


def test_the_message_counts_one_task_in_the_singular(client, people, tasks):
    client.force_login(people.region)
    page = client.post(
        reverse("plan:bulk"), {"tasks": [tasks.jiangsu.pk], "action": "unpublish"}, follow=True
    ).content.decode()
    assert "1 task changed." in page and "1 tasks" not in page
