#!/usr/bin/env python
"""The public heritage map and catalogue with 100,000 resources.

    .venv/bin/python bench/heritage.py [--resources 100000] [--reps 30]

Fills the database with resources spread over the region (bulk inserts; 90 % published, 5 % of those
sensitive), then times, as an anonymous reader through Django's whole stack (`django.test.Client`):
- the map tile query `/api/culture/map?bbox=...` for a box around Suzhou (about 0.5° x 0.3°; with
  this many sites the answer is counts per 0.1° cell) and a zoomed-in box (0.1° x 0.1°, the points),
- the first page of the catalogue list `/api/culture/resources`,
- a catalogue search `/api/culture/resources?q=...` by part of a name,
- the catalogue page `/culture/` (map of everything published, list, filters),
next to a trivial view measured in the same run, interleaved, and prints each median and its ratio.
The public's map tiles and list pages are the same for every reader, so they are cached until the
next write (`yrd.core.caching.cached`, keyed by the audit chain's head); each is timed warm (as most
readers get it) and cold (cache emptied before each request, as the first reader after a write).
Target: map tiles, list and search, warm, each at most 5x the trivial view; cold is printed for
context. Also prints the peak resident memory of the process. Exits 1 when a target is missed.
Works in a temporary SQLite file, or in a test database created next to DATABASE_URL's when that
is set (dropped afterwards).
"""

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import warnings
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402

TARGET = 5.0
BATCH = 10_000
KINDS = ["water_town", "historic_area", "park_site", "building", "bridge", "intangible"]
SYLLABLES = "古 桥 寺 塔 园 宅 祠 堂 楼 阁 亭 坊 街 巷 井 庙 书 院 馆 门".split()


def fill(count: int, rng: random.Random) -> None:
    from yrd.core.models import Jurisdiction
    from yrd.culture import geo
    from yrd.culture.models import HeritageResource

    cities = list(Jurisdiction.objects.filter(level="city"))
    for start in range(0, count, BATCH):
        rows = []
        for n in range(start, min(start + BATCH, count)):
            city = rng.choice(cities)
            lon = float(city.longitude) + rng.uniform(-0.4, 0.4)
            lat = float(city.latitude) + rng.uniform(-0.3, 0.3)
            name = "".join(rng.choice(SYLLABLES) for _ in range(3))
            rows.append(
                HeritageResource(
                    code=f"b{n:07d}",
                    city=city,
                    kind=rng.choice(KINDS),
                    name_zh=f"{city.name_zh}{name}{n}",
                    name_en=f"{city.name_en} heritage {n}",
                    protection="none",
                    geometry={"type": "Point", "coordinates": [lon, lat]},
                    longitude=lon,
                    latitude=lat,
                    cell=geo.cell_of(lon, lat),
                    sensitive=rng.random() < 0.05,
                    published=rng.random() < 0.9,
                    is_demo=True,
                )
            )
        HeritageResource.objects.bulk_create(rows, batch_size=2000)
    with connection.cursor() as cursor:  # the planner's statistics, as autovacuum keeps them in service
        cursor.execute(f"ANALYZE {HeritageResource._meta.db_table}")


def median_ms(client, url, before=None) -> float:
    if before:
        before()
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed * 1000


def measure(urls: dict, reps: int) -> dict:
    from django.core.cache import cache

    client = Client()
    for url in urls.values():
        for _ in range(3):
            median_ms(client, url)
    times = {name: [] for name in urls}
    for _ in range(reps):  # interleaved, so a slow spell of the machine hits all alike
        for name, url in urls.items():
            # a cold run empties the cache first; a warm one asks once untimed, since the cold runs
            # of this round have emptied the cache since its last turn
            before = cache.clear if name.endswith("cold") else (lambda url=url: client.get(url))
            times[name].append(median_ms(client, url, before))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from yrd.core.reference import load_jurisdictions, load_roles, read_cities

        load_jurisdictions(read_cities())
        load_roles()
        started = time.perf_counter()
        fill(args.resources, random.Random(2026))
        print(f"{args.resources:,} resources on {connection.vendor} (filled in {time.perf_counter() - started:.0f} s)")
        paths = {
            "map tile": "/api/culture/map?bbox=120.4,31.1,120.9,31.4",
            "map zoomed in": "/api/culture/map?bbox=120.55,31.25,120.65,31.35",
            "list": "/api/culture/resources",
            "search": "/api/culture/resources?q=%E8%8B%8F%E5%B7%9E%E5%B8%82%E5%8F%A4%E6%A1%A5",  # 苏州市古桥
        }
        urls = {**paths, **{f"{name} cold": path for name, path in paths.items()}}
        urls.update({"catalogue page": "/culture/", "trivial": "/bench/trivial/"})
        with override_settings(ROOT_URLCONF="plan_dashboard_urls"):
            times = measure(urls, args.reps)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    trivial = times["trivial"]
    ok = True
    for name, ms in times.items():
        ratio = ms / trivial
        judged = name in ("map tile", "map zoomed in", "list", "search")
        ok &= ratio <= TARGET or not judged
        verdict = f"(target <= {TARGET:.0f}x)" if judged else "(for context)"
        print(f"    {name:<20} p50 {ms:9.2f} ms   ratio {ratio:6.1f}x {verdict if name != 'trivial' else ''}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak:.0f} MB")
    print("OK" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
