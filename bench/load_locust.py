"""The locustfile of bench/load.py (locust runs in its own process: gevent cannot share one with
Django). Request names are the groups the bench reports: "trivial", "read", "submit"."""

import itertools
import json
import os
import random
import uuid
from datetime import date, timedelta

from locust import FastHttpUser, between, constant, task

SETUP = json.loads(os.environ["YRD_LOAD_SETUP"])
PHASE = os.environ["YRD_LOAD_PHASE"]  # trivial | reads | mixed
READS = [
    "/plan/public/",
    "/plan/public/?area=1",
    "/api/plan/public/tasks",
    "/api/plan/areas",
    "/services/",
    "/services/statistics/",
    "/api/services/catalogue",
    "/green/",
    "/api/green/sites",
    "/culture/",
    "/api/culture/resources",
    "/innovation/",
    "/api/innovation/instruments",
    "/api/transport/network/hubs",
    "/api/lowalt/sites",
    "/market/statistics/",
]
LANGUAGES = ["zh-hans", "en"]
# A task takes one report per period: each submission reports on a day of its own, from a random
# start so that runs on a kept database do not meet earlier runs' days.
DAYS = itertools.count(random.randrange(0, 2_000_000))


class Visitor(FastHttpUser):
    """Full speed for the trivial and reads phases; a person (0.5-1.5 s between pages) when mixed."""

    wait_time = between(0.5, 1.5) if PHASE == "mixed" else constant(0)

    def on_start(self):
        self.language = random.choice(LANGUAGES)

    @task(10 if PHASE in ("reads", "mixed") else 0)
    def read(self):
        self.client.get(random.choice(READS), name="read", headers={"Accept-Language": self.language})

    @task(10 if PHASE == "trivial" else 2 if PHASE == "mixed" else 0)
    def trivial(self):
        self.client.get("/api/health", name="trivial")

    @task(1 if PHASE == "mixed" else 0)
    def submit_report(self):
        report = SETUP["report"]
        day = (date(1000, 1, 1) + timedelta(days=next(DAYS))).isoformat()
        body = {**report["body"], "period_start": day, "period_end": day}
        self._submit(f"/api/plan/tasks/{report['task']}/reports", body, SETUP["owner"])

    @task(1 if PHASE == "mixed" else 0)
    def submit_application(self):
        self._submit("/api/services/applications", SETUP["application"]["body"], SETUP["applicant"])

    def _submit(self, url, body, key):
        headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": uuid.uuid4().hex}
        with self.client.post(url, json=body, headers=headers, name="submit", catch_response=True) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {response.text[:200]}")
