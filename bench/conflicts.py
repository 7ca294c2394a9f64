"""Strategic conflict check per new intent: the spatial-temporal index against brute force, same run.

    .venv/bin/python bench/conflicts.py [--intents 100000] [--queries 1000] [--brute 60] [--seed 14]

Builds a day of accepted traffic around the region's 41 cities (each city's share by population):
deliveries along 1–4-leg routes with 20–60 m buffers in 30 m altitude layers, and inspection areas
of 150–800 m radius, 10 min to 1.5 h, busier by day than by night. Every intent goes through the
engine as an operator's would: checked against the index, accepted if free, otherwise moved to the
free window the engine offers (dropped when there is none). So the accepted set is conflict-free
and the index is built by 100,000 live inserts, not a bulk load.

Then `--queries` new intents from the same distribution are checked with `assess` (index), and the
first `--brute` of them also with `brute_assess` (every pair of volumes, no index), interleaved; the
two answers must be identical. Prints p50 and p99 of each, the ratio of the p50s, and peak memory
(max RSS). Exits 1 unless p50 ≤ 5 ms and the index is ≥ 100× faster than brute force.
"""

from __future__ import annotations

import argparse
import csv
import gc
import math
import resource
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from yrd.lowalt.conflicts import (  # noqa: E402
    AltitudeBand,
    OperationalIntent,
    RestrictionSet,
    TimeWindow,
    Volume4D,
    VolumeIndex,
    assess,
    brute_assess,
)
from yrd.lowalt.conflicts.geo import to_metric  # noqa: E402

CITIES = Path(__file__).resolve().parent.parent / "yrd" / "core" / "data" / "cities.csv"
CST = timezone(timedelta(hours=8))
DAY = datetime(2026, 6, 1, tzinfo=CST)
NOW = DAY - timedelta(hours=12)
TARGET_P50_MS = 5.0
TARGET_RATIO = 100.0


def city_centres() -> tuple[np.ndarray, np.ndarray]:
    """City centres in metres and each city's share of the traffic (population; 3 m where unknown)."""
    with open(CITIES, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lonlat = np.array([[float(r["longitude"]), float(r["latitude"])] for r in rows])
    people = np.array([float(r["population_million"] or 3) for r in rows])
    return to_metric(lonlat), people / people.sum()


class Traffic:
    """A random operator: where, how high, when and how long it wants to fly."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.centres, self.share = city_centres()
        self.count = 0

    def intent(self) -> OperationalIntent:
        rng = self.rng
        self.count += 1
        centre = self.centres[rng.choice(len(self.centres), p=self.share)]
        origin = centre + rng.normal(0, 8000, 2)
        start = DAY + timedelta(seconds=int(self._start_second()))
        if rng.random() < 0.7:
            geometry, minutes, band = self._route(origin)
        else:
            geometry, minutes, band = self._area(origin)
        window = TimeWindow(start, start + timedelta(minutes=minutes))
        return OperationalIntent(f"i{self.count}", (Volume4D(geometry, band, window),))

    def _start_second(self) -> float:
        # Two thirds of the flights between 07:00 and 20:00, the rest spread over the day.
        if self.rng.random() < 2 / 3:
            return self.rng.uniform(7 * 3600, 20 * 3600)
        return self.rng.uniform(0, 23 * 3600)

    def _route(self, origin):
        rng = self.rng
        points = [origin]
        heading = rng.uniform(0, 2 * math.pi)
        for _ in range(rng.integers(1, 5)):
            heading += rng.normal(0, 0.6)
            step = rng.uniform(500, 5000)
            points.append(points[-1] + step * np.array([math.cos(heading), math.sin(heading)]))
        line = shapely.LineString(points)
        geometry = shapely.buffer(line, rng.uniform(20, 60), quad_segs=8)
        minutes = 5 + line.length / 1000 / rng.uniform(36, 60) * 60
        lower = float(rng.choice([30, 60, 90]))
        return geometry, minutes, AltitudeBand(lower, lower + 30)

    def _area(self, origin):
        rng = self.rng
        corners = rng.integers(6, 11)
        angles = np.sort(rng.uniform(0, 2 * math.pi, corners))
        radius = rng.uniform(150, 800) * rng.uniform(0.7, 1.0, corners)
        ring = origin + np.column_stack([radius * np.cos(angles), radius * np.sin(angles)])
        upper = float(rng.choice([60, 120]))
        return shapely.Polygon(ring), float(rng.uniform(10, 90)), AltitudeBand(0, upper)


def build(traffic: Traffic, size: int) -> tuple[VolumeIndex, list[OperationalIntent], dict]:
    """Accept `size` intents through the engine, moving refused ones to their offered free window."""
    index, accepted, restrictions = VolumeIndex(), [], RestrictionSet()
    moved = dropped = 0
    started = time.perf_counter()
    while len(accepted) < size:
        intent = traffic.intent()
        verdict = assess(intent, index, restrictions, now=NOW)
        if not verdict.accepted:
            if verdict.shift_seconds is None:
                dropped += 1
                continue
            intent = intent.shifted(verdict.shift_seconds)
            moved += 1
        index.add(intent)
        accepted.append(intent)
    seconds = time.perf_counter() - started
    return index, accepted, {"moved": moved, "dropped": dropped, "seconds": seconds}


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, result


def answer(assessment) -> tuple:
    """What must match between index and brute force: every conflict, every displaced intent, the free window."""
    return (
        tuple(c.key() for c in assessment.conflicts),
        tuple(c.key() for c in assessment.displaced),
        assessment.shift_seconds,
    )


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--intents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--brute", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()

    traffic = Traffic(args.seed)
    rss_before = max_rss_mb()
    index, accepted, stats = build(traffic, args.intents)
    rss_built = max_rss_mb()
    print(
        f"Accepted {len(accepted):,} intents over {DAY:%Y-%m-%d} around 41 cities in {stats['seconds']:.1f} s "
        f"({stats['seconds'] / len(accepted) * 1e6:.0f} µs each, check + insert); "
        f"{stats['moved']:,} moved to their offered free window, {stats['dropped']:,} dropped (no window)."
    )

    restrictions = RestrictionSet()
    gc.collect()
    gc.disable()
    index_ms, brute_ms, refused = [], [], 0
    for number in range(args.queries):
        intent = traffic.intent()
        spent, fast = timed(assess, intent, index, restrictions, now=NOW)
        index_ms.append(spent)
        refused += not fast.accepted
        if number < args.brute:
            spent, slow = timed(brute_assess, intent, accepted, [], now=NOW)
            brute_ms.append(spent)
            if answer(fast) != answer(slow):
                print(f"MISMATCH on {intent.id}: index {answer(fast)} != brute force {answer(slow)}")
                return 1
    gc.enable()

    p50, p99 = np.percentile(index_ms, [50, 99])
    b50, b99 = np.percentile(brute_ms, [50, 99])
    ratio = b50 / p50
    print(f"index        {len(index_ms):5d} checks   p50 {p50:8.3f} ms   p99 {p99:8.3f} ms   ({refused} refused)")
    print(f"brute force  {len(brute_ms):5d} checks   p50 {b50:8.3f} ms   p99 {b99:8.3f} ms   (answers identical)")
    traffic_mb = rss_built - rss_before
    print(f"peak memory  {max_rss_mb():.0f} MB max RSS ({traffic_mb:.0f} MB for the day's traffic and index)")
    ok = p50 <= TARGET_P50_MS and ratio >= TARGET_RATIO
    verdict = "OK" if ok else "MISSED"
    print(f"ratio        {ratio:.0f}x faster (target >= {TARGET_RATIO:.0f}x, p50 <= {TARGET_P50_MS} ms): {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
