"""Two coordinators review the same report at the same moment, on two database connections: one
decision is recorded, the other is told the report was already reviewed. PostgreSQL only (SQLite
has no row locks)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import person
from yrd.plan import writes
from yrd.plan.models import ProgressReport
from yrd.plan.tests.api import builders

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def waiting_on_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return cursor.fetchone()[0]


def test_two_reviewers_cannot_both_decide_on_one_report(reference):
    plan = builders.plan_with_areas()
    task = builders.task(plan, "1.01", lead="320000")
    report = builders.report(task, person("task_owner", "YRD"))
    first, second = person("plan_coordinator", "320000"), person("plan_coordinator", "YRD")
    outcomes, first_decided, let_first_commit = {}, threading.Event(), threading.Event()

    def review(name, user, accept, read_first=None):
        stale = ProgressReport.objects.get(pk=report.pk)  # both read it while it awaits review
        if read_first:
            read_first.wait(10)
        try:
            with transaction.atomic():
                writes.report_review(acting_user=user, report=stale, accept=accept, comment="" if accept else "缺材料")
                if name == "first":
                    first_decided.set()
                    let_first_commit.wait(10)  # hold the transaction open while the second reviewer tries
            outcomes[name] = "recorded"
        except Conflict as conflict:
            outcomes[name] = conflict.code
        finally:
            connections.close_all()

    one = threading.Thread(target=review, args=("first", first, True))
    two = threading.Thread(target=review, args=("second", second, False, first_decided))
    one.start()
    two.start()
    first_decided.wait(10)
    deadline = time.monotonic() + 10
    while not waiting_on_a_lock() and time.monotonic() < deadline:
        time.sleep(0.05)
    let_first_commit.set()
    one.join(10)
    two.join(10)

    assert outcomes == {"first": "recorded", "second": "already_reviewed"}
    report.refresh_from_db()
    assert report.review_state == ProgressReport.Review.ACCEPTED and report.reviewed_by == first
    assert AuditEntry.objects.filter(action="plan.report.review", object_id=str(report.pk)).count() == 1
