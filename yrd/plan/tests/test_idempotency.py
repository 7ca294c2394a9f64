"""A request sent twice does its work once (issue 6, item 3). The API's `Idempotency-Key` and the
random key of each rendered form go through core.idempotency: keys are per sender, the same key
with the same request replays the first result, and with a different request is refused."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from yrd.core.models import AuditEntry, IdempotencyKey
from yrd.core.tests.factories import person
from yrd.plan.models import Baseline, ProgressReport, Task
from yrd.plan.tests.api import builders

BODY = {"period_start": "2025-02-01", "period_end": "2025-02-28", "percent": 45, "narrative_zh": "二月进展"}


@pytest.fixture
def shanghai(reference):
    plan = builders.plan_with_areas()
    drc = builders.organisation("310000")
    task = builders.task(plan, "1.01", lead="310000", organisations=[drc])
    other = builders.task(plan, "1.02", lead="310000", organisations=[drc])
    owners = [person("task_owner", "310000", organisation=drc) for _ in range(2)]
    return plan, task, other, owners


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def api_submit(client, task, body=BODY, key="key-1"):
    return client.post(
        f"/api/plan/tasks/{task.pk}/reports", body, content_type="application/json", headers={"Idempotency-Key": key}
    )


def test_two_people_using_the_same_key_never_meet(shanghai):
    _plan, task, other, (first, second) = shanghai
    assert api_submit(signed_in(first), task).status_code == 201
    response = api_submit(signed_in(second), other)  # the same key, someone else's request
    assert response.status_code == 201, response.content
    assert response.json()["submitted_by"] == str(second)
    assert ProgressReport.objects.count() == 2


def test_the_api_keeps_its_keys_in_the_core_store(shanghai):
    _plan, task, _other, (owner, _) = shanghai
    report = api_submit(signed_in(owner), task).json()
    stored = IdempotencyKey.objects.get()
    assert (stored.operation, stored.key, stored.result_id) == ("plan.report.submit", "key-1", str(report["id"]))


def page_submit(client, task, key, **changes):
    data = {
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "percent": "40",
        "risk_level": "low",
        "narrative_zh": "",
        "narrative_en": "Tender documents published.",
        "kpi_value": "",
        "idempotency_key": key,
        **changes,
    }
    return client.post(reverse("plan:report-submit", args=[task.pk]), data)


def form_key(client, url):
    page = client.get(url).content.decode()
    start = page.index('name="idempotency_key" value="') + len('name="idempotency_key" value="')
    return page[start : page.index('"', start)]


def test_every_rendered_report_form_carries_its_own_random_key(shanghai):
    _plan, task, _other, (owner, _) = shanghai
    client = signed_in(owner)
    url = reverse("plan:task", args=[task.pk])
    keys = {form_key(client, url) for _ in range(3)}
    assert len(keys) == 3 and all(len(k) >= 32 for k in keys)


def test_a_form_sent_again_with_other_values_is_refused_and_nothing_is_written(shanghai):
    _plan, task, _other, (owner, _) = shanghai
    client = signed_in(owner)
    assert page_submit(client, task, "form-1").status_code == 302
    response = page_submit(client, task, "form-1", period_start="2025-04-01", period_end="2025-04-30")
    assert response.status_code == 400
    assert "Reload the page" in response.content.decode()
    assert ProgressReport.objects.count() == 1


def test_a_form_sent_twice_says_it_was_already_recorded(shanghai):
    _plan, task, _other, (owner, _) = shanghai
    client = signed_in(owner)
    page_submit(client, task, "form-1")
    response = page_submit(client, task, "form-1")
    assert response.status_code == 302 and ProgressReport.objects.count() == 1
    assert "already" in client.get(response["Location"]).content.decode()


def test_freezing_twice_from_one_form_makes_one_baseline(shanghai):
    _plan, _task, _other, _owners = shanghai
    client = signed_in(person("plan_coordinator", "YRD"))
    key = form_key(client, reverse("plan:baselines"))
    first = client.post(reverse("plan:baselines"), {"name": "Mid-term", "idempotency_key": key})
    again = client.post(reverse("plan:baselines"), {"name": "Mid-term", "idempotency_key": key})
    assert Baseline.objects.count() == 1
    assert first["Location"] == again["Location"] == reverse("plan:baseline", args=[Baseline.objects.get().pk])


def test_a_bulk_change_sent_twice_shifts_the_dates_once(shanghai):
    _plan, task, _other, _owners = shanghai
    client = signed_in(person("plan_coordinator", "YRD"))
    key = form_key(client, reverse("plan:tasks"))
    data = {"tasks": [task.pk], "action": "shift", "days": "30", "idempotency_key": key}
    client.post(reverse("plan:bulk"), data)
    client.post(reverse("plan:bulk"), data)
    task.refresh_from_db()
    assert (task.start, task.end) == (date(2024, 1, 31), date(2027, 1, 30))
    assert AuditEntry.objects.filter(action="plan.task.update", object_id=str(task.pk)).count() == 1


def test_a_bulk_form_reused_for_another_change_is_refused(shanghai):
    _plan, task, _other, _owners = shanghai
    client = signed_in(person("plan_coordinator", "YRD"))
    key = form_key(client, reverse("plan:tasks"))
    client.post(reverse("plan:bulk"), {"tasks": [task.pk], "action": "shift", "days": "30", "idempotency_key": key})
    client.post(reverse("plan:bulk"), {"tasks": [task.pk], "action": "unpublish", "idempotency_key": key})
    assert Task.objects.get(pk=task.pk).is_published
