"""The platform under faults, with real processes (yrd/tests/processes.py):

- the server SIGKILLed in the middle of a burst of idempotent submissions, restarted, the clients
  retrying: every submission exists exactly once and the audit chains verify;
- the database stopped and started under a running server: 503 with a clear message while it is
  down (the site's page in both languages, JSON under /api/), and answers again without a restart.

Both run in the PostgreSQL leg of CI only: the server processes share the suite's database there,
and the database test copies its schema into a throwaway cluster made with initdb."""

import json
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection

from yrd.core.models import ApiToken, IdempotencyKey
from yrd.core.writes import api_token_create
from yrd.plan.models import ProgressReport
from yrd.plan.tests.api import builders
from yrd.tests.processes import Cluster, Server, database_url, postgres_bin, request

MONTHS = range(1, 13)


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL leg: the server processes need a database they can share")


def submission(month: int) -> dict:
    return {
        "period_start": f"2025-{month:02}-01",
        "period_end": f"2025-{month:02}-28",
        "percent": month * 5,
        "narrative_zh": f"{month}月进展",
    }


class Burst:
    """Clients sending one report per month, each with its own Idempotency-Key, retrying every
    failure (refused connection, dropped connection, 5xx) until the server answers 200 or 201."""

    def __init__(self, server, task, key, clients=4):
        self.server, self.task, self.key = server, task, key
        self.answers, self.failures, self.refusals = {}, 0, []
        self.lock = threading.Lock()
        months = list(MONTHS)
        self.threads = [threading.Thread(target=self._send, args=(months[i::clients],)) for i in range(clients)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def join(self):
        for thread in self.threads:
            thread.join(600)

    def _send(self, months):
        for month in months:
            self._until_answered(month)

    def _until_answered(self, month):
        for _attempt in range(10_000):
            try:
                status, _headers, body = request(
                    f"{self.server.url}/api/plan/tasks/{self.task.pk}/reports",
                    method="POST",
                    body=submission(month),
                    headers={"Authorization": f"Bearer {self.key}", "Idempotency-Key": f"burst-{month}"},
                )
            except OSError:
                status = None
            with self.lock:
                if status in (200, 201):
                    self.answers[month] = json.loads(body)["id"]
                    return
                if status is not None and status < 500:
                    self.refusals.append((month, status, body))
                    return
                self.failures += 1
            time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_a_killed_server_loses_no_submission_and_makes_none_twice(postgresql, reference):
    task, owner = builders.owned_task()
    _token, key = api_token_create(acting_user=owner, name="burst", scope=ApiToken.READ_WRITE)
    server = Server(database_url()).start()
    try:
        burst = Burst(server, task, key)
        burst.start()
        while len(burst.answers) < 2 and any(t.is_alive() for t in burst.threads):
            time.sleep(0.005)
        server.kill()  # master and workers, whatever they were doing
        server.start()
        burst.join()
    finally:
        server.stop()

    assert burst.refusals == []
    assert burst.failures > 0, "the kill did not interrupt the burst"
    reports = ProgressReport.objects.filter(task=task)
    assert sorted(r.period_start.month for r in reports) == list(MONTHS)  # each once
    assert set(burst.answers.values()) == {r.pk for r in reports}
    assert IdempotencyKey.objects.filter(operation="plan.report.submit").count() == len(MONTHS)
    call_command("audit_verify")


@pytest.mark.django_db
def test_while_the_database_is_down_requests_get_503_and_it_recovers_without_a_restart(postgresql):
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb) are not installed")
    cluster = Cluster(bindir).create()
    server = None
    try:
        cluster.copy_schema_from(database_url())
        # Kept connections (DB_CONN_MAX_AGE): the hardest case, a worker holding one across the restart.
        server = Server(cluster.url, DB_CONN_MAX_AGE="600").start()
        assert request(server.url + "/plan/public/")[0] == 200
        assert request(server.url + "/api/plan/public/tasks")[0] == 200

        cluster.stop()
        status, headers, body = request(server.url + "/plan/public/")
        page = body.decode()
        assert status == 503 and headers["Retry-After"] == "30"
        assert "数据库暂时无法连接" in page and "The database cannot be reached" in page
        status, headers, body = request(server.url + "/api/plan/public/tasks")
        assert status == 503 and headers["Content-Type"].startswith("application/json")
        assert json.loads(body)["code"] == "database_unavailable"
        chinese = request(server.url + "/api/plan/areas", headers={"Accept-Language": "zh-hans"})
        assert chinese[0] == 503 and json.loads(chinese[2])["message"] == "数据库暂时无法连接，请稍后再试。"

        cluster.start()
        assert request(server.url + "/plan/public/")[0] == 200
        assert request(server.url + "/api/plan/public/tasks")[0] == 200
    finally:
        if server is not None:
            server.stop()
        cluster.destroy()
