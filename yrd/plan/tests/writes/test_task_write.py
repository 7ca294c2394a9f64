from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.models import AuditEntry
from yrd.core.tests.factories import jurisdiction, person
from yrd.plan import writes
from yrd.plan.models import Task
from yrd.plan.tests.factories import TaskFactory, area


def create(user, plan, code="9.01", leads=("320000",), **fields):
    return writes.task_create(
        acting_user=user,
        plan=plan,
        code=code,
        title_zh="任务",
        start=date(2024, 1, 1),
        end=date(2026, 12, 31),
        area=area(9, plan),
        leads=[jurisdiction(c) for c in leads],
        **fields,
    )


def test_a_coordinator_creates_a_task_in_their_province_and_it_is_audited(reference, plan):
    task = create(person("plan_coordinator", "320000"), plan)
    entry = AuditEntry.objects.latest("seq")
    assert entry.action == "plan.task.create" and entry.object_id == str(task.pk)
    assert entry.data["lead_jurisdictions"] == ["320000"]


def test_a_coordinator_may_not_create_a_task_led_by_another_province(reference, plan):
    with pytest.raises(PermissionDenied):
        create(person("plan_coordinator", "320000"), plan, leads=("330000",))
    assert not Task.objects.exists()


def test_a_task_owner_may_not_create_tasks(reference, plan):
    with pytest.raises(PermissionDenied):
        create(person("task_owner", "YRD"), plan)


def test_an_end_before_the_start_is_refused_by_field(reference, plan):
    with pytest.raises(ValidationError) as error:
        writes.task_create(
            acting_user=person("plan_coordinator", "YRD"),
            plan=plan,
            code="x",
            title_zh="t",
            start=date(2025, 1, 1),
            end=date(2024, 1, 1),
        )
    assert "end" in error.value.message_dict
    assert not Task.objects.exists()


def test_an_update_records_old_and_new_values(reference, plan):
    task = TaskFactory(leads=["320000"])
    writes.task_update(acting_user=person("plan_coordinator", "320000"), task=task, end=date(2026, 6, 30))
    entry = AuditEntry.objects.latest("seq")
    assert entry.data == {"end": ["2026-12-31", "2026-06-30"]}


def test_an_unknown_field_is_refused(reference, plan):
    task = TaskFactory(leads=["320000"])
    with pytest.raises(ValidationError):
        writes.task_update(acting_user=person("plan_coordinator", "320000"), task=task, plan=None)


def test_moving_a_task_to_a_province_outside_my_scope_is_refused(reference, plan):
    task = TaskFactory(leads=["320000"])
    with pytest.raises(PermissionDenied):
        writes.task_update(acting_user=person("plan_coordinator", "320000"), task=task, leads=[jurisdiction("330000")])
    assert [j.code for j in task.lead_jurisdictions.all()] == ["320000"]
