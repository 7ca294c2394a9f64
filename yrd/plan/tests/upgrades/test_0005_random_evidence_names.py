"""Evidence stored before the upgrade under the name it was sent with is moved to a random name,
its content intact and the old file gone."""

import re
from datetime import UTC, date, datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from yrd.plan.models import Evidence

PDF = b"%PDF-1.7\n" + b"1" * 32


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before_the_upgrade(transactional_db, reference):
    yield migrate([("plan", "0004_text_limits")])
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_evidence_stored_under_its_sent_name_moves_to_a_random_name(before_the_upgrade):
    old = before_the_upgrade
    plan = old.get_model("plan", "Plan").objects.create(
        code="p", title_zh="计划", title_en="Plan", start=date(2024, 1, 1), end=date(2026, 12, 31)
    )
    task = old.get_model("plan", "Task").objects.create(
        plan=plan, code="1.01", title_zh="任务", start=date(2024, 1, 1), end=date(2026, 12, 31)
    )
    report = old.get_model("plan", "ProgressReport").objects.create(
        task=task,
        period_start=date(2025, 2, 1),
        period_end=date(2025, 2, 28),
        percent=45,
        narrative_zh="二月进展",
        submitted_at=datetime(2025, 3, 3, tzinfo=UTC),
    )
    stored = default_storage.save("plan/evidence/2025/03/张三身份证.pdf", ContentFile(PDF))
    evidence = old.get_model("plan", "Evidence").objects.create(
        report=report, file=stored, original_name="张三身份证.pdf", content_type="application/pdf", size=41, sha256="0"
    )

    migrate([("plan", "0005_random_evidence_names")])
    moved = Evidence.objects.get(pk=evidence.pk)
    assert re.fullmatch(r"plan/evidence/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", moved.file.name)
    assert moved.file.read() == PDF and moved.original_name == "张三身份证.pdf"
    assert not default_storage.exists(stored)
