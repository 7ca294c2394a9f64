#!/usr/bin/env python
"""How fast the plan overview answers with a full plan: 165 tasks x 36 monthly reports.

    python bench/plan_dashboard.py [--reps 30]

Prints the overview page's median server time (django.test.Client, in process, logged in as the
region coordinator) next to a trivial view's measured in the same run, and their ratio. Exits 1
when the ratio is above the target (5x). Builds its data in a temporary SQLite database, or in a
test database created next to DATABASE_URL's when that is set (dropped afterwards).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ["DJANGO_SETTINGS_MODULE"] = "yrd.settings.test"
warnings.filterwarnings("ignore", "No directory at", UserWarning)  # no collectstatic for a bench
TEMP_DIR = None
if not os.environ.get("DATABASE_URL"):
    TEMP_DIR = tempfile.TemporaryDirectory(prefix="yrd-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMP_DIR.name}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

TARGET = 5.0
TASKS, MONTHS, MILESTONES = 165, 36, 3
PLAN_START = date(2024, 1, 1)


def build():
    """The plan's 9 areas, 165 tasks led by the four provinces, 3 milestones and 36 monthly
    reports each (the last one awaiting review). Returns a region coordinator."""
    from yrd.core.models import Organisation, Role, RoleAssignment, User
    from yrd.core.reference import load_jurisdictions, load_roles, read_cities
    from yrd.core.selectors import provinces, region
    from yrd.plan.models import Area, Milestone, Plan, ProgressReport, Task

    load_jurisdictions(read_cities())
    load_roles()
    plan = Plan.objects.create(
        code="bench",
        title_zh="基准计划",
        title_en="Bench plan",
        start=PLAN_START,
        end=date(2026, 12, 31),
        stated_task_count=TASKS,
    )
    areas = Area.objects.bulk_create(
        Area(plan=plan, number=n, title_zh=f"领域{n}", title_en=f"Area {n}", stated_task_count=TASKS // 9)
        for n in range(1, 10)
    )
    province_list = list(provinces())
    orgs = Organisation.objects.bulk_create(
        Organisation(name_zh=f"{p.name_zh}发改委", name_en=f"{p.name_en} DRC", kind="government", jurisdiction=p)
        for p in province_list
    )
    tasks = Task.objects.bulk_create(
        Task(
            plan=plan,
            area=areas[n % 9],
            code=f"{n % 9 + 1}.{n // 9 + 1:02d}",
            title_zh=f"重点任务{n}",
            title_en=f"Key task {n}",
            start=plan.start,
            end=plan.end,
        )
        for n in range(TASKS)
    )
    _link(Task.lead_jurisdictions.through, "jurisdiction", [(t, province_list[n % 4]) for n, t in enumerate(tasks)])
    _link(
        Task.colead_jurisdictions.through,
        "jurisdiction",
        [(t, province_list[(n + 1) % 4]) for n, t in enumerate(tasks) if n % 5 == 0],
    )
    _link(Task.responsible_organisations.through, "organisation", [(t, orgs[n % 4]) for n, t in enumerate(tasks)])
    Milestone.objects.bulk_create(
        Milestone(
            task=t,
            title_zh=f"节点{k}",
            due_date=PLAN_START + timedelta(days=365 * k),
            done_date=PLAN_START + timedelta(days=365 * k - 10) if (n + k) % 4 else None,
        )
        for n, t in enumerate(tasks)
        for k in range(1, MILESTONES + 1)
    )
    coordinator = User.objects.create(username="bench-coordinator", language="en")
    RoleAssignment.objects.create(
        user=coordinator, role=Role.objects.get(code="plan_coordinator"), jurisdiction=region()
    )
    now = timezone.now()
    ProgressReport.objects.bulk_create(
        (_report(t, n, month, coordinator, now) for n, t in enumerate(tasks) for month in range(MONTHS)),
        batch_size=1000,
    )
    return coordinator


def _link(through, target, pairs):
    through.objects.bulk_create(through(task=task, **{target: obj}) for task, obj in pairs)


def _report(task, n, month, by, now):
    from yrd.plan.models import ProgressReport

    start = date(PLAN_START.year + month // 12, month % 12 + 1, 1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return ProgressReport(
        task=task,
        period_start=start,
        period_end=end,
        percent=max(0, min(100, (month + 1) * 3 - n % 7)),
        narrative_zh=f"{start:%Y年%m月}进展",
        risk_level=("low", "medium", "high")[(n + month) % 3],
        submitted_by=by,
        submitted_at=now,
        review_state="submitted" if month == MONTHS - 1 else "accepted",
    )


def median_ms(client, url, reps, expect=200, before=None):
    times = []
    for _ in range(reps):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        if response.status_code != expect:
            sys.exit(f"{url} answered {response.status_code}")
    return statistics.median(times) * 1000


def measure(coordinator, reps):
    """Median times of the overview (served from the page cache, and cold: cache emptied before
    each request), the reference view, and an empty page on base.html."""
    from django.core.cache import cache

    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    urls = {
        "overview": reverse("plan:overview"),
        "overview cold": reverse("plan:overview"),
        "trivial": reverse("bench-trivial"),
        "empty page": reverse("bench-empty-page"),
    }
    before = {"overview cold": cache.clear}
    for url in urls.values():  # warm templates and the query planner
        median_ms(client, url, 5)
    times = {name: [] for name in urls}
    for _ in range(reps):  # interleaved, so a slow spell of the machine hits all alike
        for name, url in urls.items():
            times[name].append(median_ms(client, url, 1, before=before.get(name)))
    return urls, {name: statistics.median(values) for name, values in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30, help="measured requests per view (default 30)")
    args = parser.parse_args()
    setup_test_environment()
    vendor = connection.vendor
    if TEMP_DIR is None:
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    else:
        call_command("migrate", verbosity=0)
    try:
        started = time.perf_counter()
        coordinator = build()
        print(
            f"Built {TASKS} tasks x {MONTHS} monthly reports (+{TASKS * MILESTONES} "
            f"milestones) on {vendor} in {time.perf_counter() - started:.1f} s."
        )
        with override_settings(ROOT_URLCONF="plan_dashboard_urls"):
            urls, medians = measure(coordinator, args.reps)
    finally:
        if TEMP_DIR is None:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        else:
            connection.close()
            TEMP_DIR.cleanup()
    for name, url in urls.items():
        note = "  (context only)" if name in ("empty page", "overview cold") else ""
        print(f"{name:<14}{url:<22} median {medians[name]:8.2f} ms  ({args.reps} requests){note}")
    ratio = medians["overview"] / medians["trivial"]
    cold = medians["overview cold"] / medians["trivial"]
    verdict = "OK" if ratio <= TARGET else "TOO SLOW"
    print(f"cold ratio    {cold:.1f}x  (after every plan write the first request per reader pays this)")
    print(f"ratio         {ratio:.1f}x  (target <= {TARGET:g}x): {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
