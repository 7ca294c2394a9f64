"""A progress report's idempotency key on file before the upgrade still replays its report after
it, now from the core store."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from yrd.core.models import User

BEFORE = [("plan", "0002_field_labels")]
AFTER = [("plan", "0003_idempotency_keys_in_core")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before_the_upgrade(transactional_db, reference):
    yield migrate(BEFORE)
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())  # leave the schema as the other tests expect it


def test_a_key_on_file_before_the_upgrade_replays_its_report_after_it(before_the_upgrade):
    old = before_the_upgrade
    shanghai = old.get_model("core", "Jurisdiction").objects.get(code="310000", level="province")
    drc = old.get_model("core", "Organisation").objects.create(
        name_zh="上海市发改委", name_en="Shanghai DRC", kind="government", jurisdiction=shanghai
    )
    owner = old.get_model("core", "User").objects.create(username="owner_before", organisation=drc)
    old.get_model("core", "RoleAssignment").objects.create(
        user=owner,
        role=old.get_model("core", "Role").objects.get(code="task_owner"),
        jurisdiction=shanghai,
        organisation=drc,
    )
    plan = old.get_model("plan", "Plan").objects.create(
        code="p", title_zh="计划", title_en="Plan", start=date(2024, 1, 1), end=date(2026, 12, 31)
    )
    task = old.get_model("plan", "Task").objects.create(
        plan=plan, code="1.01", title_zh="任务", start=date(2024, 1, 1), end=date(2026, 12, 31)
    )
    task.lead_jurisdictions.set([shanghai])
    task.responsible_organisations.set([drc])
    report = old.get_model("plan", "ProgressReport").objects.create(
        task=task,
        period_start=date(2025, 2, 1),
        period_end=date(2025, 2, 28),
        percent=45,
        narrative_zh="二月进展",
        kpi_value="3.5",
        submitted_by=owner,
        submitted_at=datetime(2025, 3, 3, tzinfo=UTC),
        idempotency_key="client-key-7",
    )

    migrate(AFTER)
    client = Client()
    # Made through the pre-upgrade models, the account has no password date: the password policy
    # (core.mlps) would send it to change its password first.
    User.objects.filter(pk=owner.pk).update(password_changed_at=datetime.now(UTC))
    client.force_login(User.objects.get(pk=owner.pk))
    body = {"period_start": "2025-02-01", "period_end": "2025-02-28", "percent": 45, "narrative_zh": "二月进展"}
    url = f"/api/plan/tasks/{task.pk}/reports"
    key = {"headers": {"Idempotency-Key": "client-key-7"}}
    retry = client.post(url, {**body, "kpi_value": "3.50"}, "application/json", **key)
    assert (retry.status_code, retry.json()["id"]) == (200, report.pk)
    other = client.post(url, {**body, "percent": 50}, "application/json", **key)
    assert other.status_code == 409
