#!/usr/bin/env python
"""How fast the public statistics page answers at 10,000 and 1,000,000 applications.

    python bench/services_stats.py [--sizes 10000 1000000] [--reps 20]

For each size it fills the database with decided and open applications (bulk inserts with their
handling steps and recorded clocks), then times `/services/statistics/` warm (figures cached until
the next write) and cold (cache emptied before each request) next to a trivial view measured in the
same run, and prints the ratios. Target: warm <= 5x trivial at 1M and not growing with the count.
Exits 1 when the target is missed. Works in a temporary SQLite file, or in a test database created
next to DATABASE_URL's when that is set (dropped afterwards).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ["DJANGO_SETTINGS_MODULE"] = "yrd.settings.test"
warnings.filterwarnings("ignore", "No directory at", UserWarning)
TEMP_DIR = None
if not os.environ.get("DATABASE_URL"):
    TEMP_DIR = tempfile.TemporaryDirectory(prefix="yrd-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMP_DIR.name}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

TARGET = 5.0
BATCH = 20_000
STATES = ["submitted", "received", "forwarded", "accepted", "in_handling", "decided", "delivered", "rejected"]


def world():
    """Jurisdictions, roles, six items with an authority per province, a window per province."""
    from yrd.core.reference import load_jurisdictions, load_roles, read_cities
    from yrd.core.tests.factories import jurisdiction
    from yrd.services.tests import factories as f

    load_jurisdictions(read_cities())
    load_roles()
    items = [f.service_item(f"bench-{n}") for n in range(6)]
    provinces = [jurisdiction(code, "province") for code in ("310000", "320000", "330000", "340000")]
    windows = [f.window(code) for code in ("310000", "320500", "330100", "340100")]
    authorities = {(item.pk, p.pk): item.authorities.get(province=p).organisation for item in items for p in provinces}
    return items, provinces, windows, authorities


def fill(count, start, items, provinces, windows, authorities, rng):
    """`count` more applications (numbers from `start`) with one handling step each."""
    from yrd.services.models import Application, HandlingStep

    now = timezone.now()
    for offset in range(start, start + count, BATCH):
        size = min(BATCH, start + count - offset)
        applications = [_application(offset + i, items, windows, now, rng) for i in range(size)]
        Application.objects.bulk_create(applications, batch_size=5000)
        steps = []
        for application in applications:
            province = rng.choice(provinces)
            steps.append(
                HandlingStep(
                    application=application,
                    jurisdiction=province,
                    authority=authorities[(application.item_id, province.pk)],
                )
            )
        HandlingStep.objects.bulk_create(steps, batch_size=5000)


def _application(n, items, windows, now, rng):
    from yrd.services.models import Application

    state = rng.choice(STATES)
    window = rng.choice(windows + [None])
    decided = state in ("decided", "delivered")
    worked = rng.randint(1, 25)
    return Application(
        number=f"B{n:010d}",
        item=rng.choice(items),
        mode="remote" if window else "online",
        channel="window" if window else "online",
        receiving_window=window,
        applicant_kind="person",
        applicant_name=f"申请人{n}",
        applicant_id_number="",
        state=state,
        submitted_at=now - timedelta(days=rng.randint(1, 700)),
        time_limit_days=20,
        worked_days=worked if decided else None,
        on_time=(worked <= 20) if decided else None,
        is_demo=True,
    )


def median_ms(client, url, reps, before=None):
    times = []
    for _ in range(reps):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000


def measure(reps):
    client = Client()
    urls = {
        "statistics": "/services/statistics/",
        "statistics cold": "/services/statistics/",
        "trivial": "/bench/trivial/",
    }
    before = {"statistics cold": cache.clear}
    for url in urls.values():
        median_ms(client, url, 3)
    times = {name: [] for name in urls}
    for _ in range(reps):  # interleaved, so a slow spell of the machine hits all alike
        for name, url in urls.items():
            times[name].append(median_ms(client, url, 1, before=before.get(name)))
    return {name: statistics.median(values) for name, values in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--reps", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    rng = random.Random(2026)
    results, done = [], 0
    try:
        items, provinces, windows, authorities = world()
        with override_settings(ROOT_URLCONF="plan_dashboard_urls"):
            for size in sorted(args.sizes):
                started = time.perf_counter()
                fill(size - done, done, items, provinces, windows, authorities, rng)
                done = size
                print(
                    f"{size:>9,} applications on {connection.vendor} (filled in {time.perf_counter() - started:.0f} s)"
                )
                times = measure(args.reps)
                warm, cold = times["statistics"] / times["trivial"], times["statistics cold"] / times["trivial"]
                results.append((size, warm))
                print(
                    f"    statistics warm {times['statistics']:8.2f} ms   cold {times['statistics cold']:9.2f} ms   "
                    f"trivial {times['trivial']:6.2f} ms   warm ratio {warm:5.1f}x   cold ratio {cold:7.1f}x"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    largest, warm = results[-1]
    growth = warm / results[0][1] if len(results) > 1 else 1.0
    ok = warm <= TARGET and growth <= 2.0
    print(
        f"warm ratio at {largest:,}: {warm:.1f}x (target <= {TARGET:.0f}x); growth from the smallest size {growth:.2f}x"
    )
    print("OK" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
