"""Supply-chain analysis at scale (issue 13, "Correctness and measures"), each figure against a
reference measured in the same run.

    .venv/bin/python bench/supply_chain.py [--enterprises 5000] [--relations 50000] [--days 14] [--seed 1]

A generated chain (OEMs, tier 1, tier 2, materials in the 41 cities, the reference bill of materials)
of about --enterprises enterprises and --relations supply relations:
- all single points of failure: single-source and single-city sourcing, HHI by province and
  articulation points with rustworkx, against articulation points with networkx on the same graph
  (target: rustworkx at least 2x faster; both must name the same enterprises);
- the disruption ranking of every city (one LP per city, HiGHS, bounds changed on one model), against
  building and solving a fresh model per city (the naive way; target: at least as fast, same losses);
- peak memory (RSS) of the whole run (target ≤ 2 GiB).

Exits 1 when a target is missed. Needs no database: the analyses run on plain data.
"""

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from yrd.industry.analysis import weakpoints  # noqa: E402
from yrd.industry.analysis.chain import Chain, Firm, Link  # noqa: E402
from yrd.industry.analysis.disruption import Analyser  # noqa: E402

CITIES = {  # the 41 cities by province (GB/T 2260)
    "310000": ["310000"],
    "320000": [f"32{n:02d}00" for n in range(1, 14)],
    "330000": [f"33{n:02d}00" for n in range(1, 12)],
    "340000": ["340100", "340200", "340300", "340400", "340500", "340600", "340700", "340800",
               "341000", "341100", "341200", "341300", "341500", "341600", "341700", "341800"],
}  # fmt: skip
BOM = {
    "vehicle": {"battery-pack": 1, "e-motor": 1, "motor-controller": 1, "bms": 1},
    "battery-pack": {"battery-cell": 100, "bms-chip": 1},
    "e-motor": {"rare-earth-magnet": 2},
    "motor-controller": {"power-chip": 6},
    "bms": {"bms-chip": 2},
    "battery-cell": {"cathode": 0.5, "lithium-carbonate": 0.1, "anode": 0.3, "electrolyte": 0.2},
    "cathode": {"lithium-carbonate": 0.25},
    "electrolyte": {"lithium-carbonate": 0.02},
}
MIX = [  # product, tier, share of the enterprises
    ("vehicle", "oem", 0.02), ("battery-pack", "tier1", 0.08), ("e-motor", "tier1", 0.06),
    ("motor-controller", "tier1", 0.06), ("bms", "tier1", 0.05), ("battery-cell", "tier2", 0.18),
    ("power-chip", "tier2", 0.08), ("bms-chip", "tier2", 0.07), ("rare-earth-magnet", "tier2", 0.05),
    ("cathode", "material", 0.12), ("anode", "material", 0.08), ("electrolyte", "material", 0.08),
    ("lithium-carbonate", "material", 0.07),
]  # fmt: skip


SINGLE_SOURCED = 0.05  # share of needs met by one supplier, so that the weak points are not empty


def generate(enterprises: int, relations: int, seed: int) -> Chain:
    rng = random.Random(seed)
    places = [(city, province) for province, cities in CITIES.items() for city in cities]
    firms, makers = {}, {}
    for product, tier, share in MIX:
        for _ in range(max(1, round(enterprises * share))):
            firm = len(firms)
            city, province = rng.choice(places)
            firms[firm] = Firm(firm, city, province, tier, {product: 0.0})
            makers.setdefault(product, []).append(firm)
    needs = [(f, part) for f in firms.values() for product in f.capacity for part in BOM.get(product, {})]
    mean = max(1.0, (relations / len(needs) - SINGLE_SOURCED) / (1 - SINGLE_SOURCED))  # over the other needs
    per_need = int(mean)
    links, demand = [], {}
    for firm, part in needs:
        count = min(len(makers[part]), per_need + (1 if rng.random() < mean - per_need else 0))
        if rng.random() < SINGLE_SOURCED:
            count = 1
        suppliers = rng.sample(makers[part], count)
        for supplier in suppliers:
            links.append(Link(supplier, firm.id, part, 100 / count, rng.uniform(0, 15), rng.randint(0, 10)))
    # Capacities: OEMs 50-300k vehicles a year; each supplier enough for what its customers need, +0-30%.
    rates = {f.id: rng.uniform(50_000, 300_000) for f in firms.values() if f.tier == "oem"}
    buying = {}
    for link in links:
        buying.setdefault(link.customer, []).append(link)
    order = ["vehicle", "battery-pack", "e-motor", "motor-controller", "bms", "battery-cell", "cathode", "electrolyte"]
    for product in order:
        for firm in makers.get(product, []):
            rate = rates.get(firm, 0.0)
            firms[firm] = Firm(firm, firms[firm].city, firms[firm].province, firms[firm].tier, {product: rate})
            for link in buying.get(firm, []):
                demand[link.supplier] = (
                    demand.get(link.supplier, 0.0) + rate * BOM[product][link.component] * link.share / 100
                )
        for part in BOM.get(product, {}):
            for supplier in makers[part]:
                rates[supplier] = demand.get(supplier, 0.0) * rng.uniform(1.0, 1.3)
    for product in ("power-chip", "bms-chip", "rare-earth-magnet", "anode", "lithium-carbonate"):
        for firm in makers[product]:
            firms[firm] = Firm(
                firm, firms[firm].city, firms[firm].province, firms[firm].tier, {product: rates.get(firm, 0.0)}
            )
    return Chain(firms, links, BOM)


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def weak_points(chain: Chain):
    return (
        weakpoints.single_sources(chain),
        weakpoints.single_cities(chain),
        weakpoints.hhi_by_province(chain),
        weakpoints.articulation_points(chain),
    )


def fresh_city_ranking(chain: Chain, days: float, cities: list[str]) -> dict:
    """The reference: a new model per city (build, pass to HiGHS, solve from scratch)."""
    by_city = {}
    for firm in chain.firms.values():
        by_city.setdefault(firm.city, []).append(firm.id)
    return {city: Analyser(chain, days).outcome(by_city[city]).total_lost for city in cities}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=50000)
    parser.add_argument("--days", type=float, default=14)
    parser.add_argument("--reference-cities", type=int, default=6, help="cities solved the naive way")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    generate_s, chain = timed(generate, args.enterprises, args.relations, args.seed)
    print(f"chain: {len(chain.firms)} enterprises, {len(chain.links)} relations (generated in {generate_s:.1f} s)")

    ours_s, (single, cities_only, hhi, points) = timed(weak_points, chain)
    import networkx  # noqa: F401, PLC0415 - imported before timing, so its import time is not counted

    rx_s, rx_points = timed(weakpoints.articulation_points, chain)
    nx_s, nx_points = timed(weakpoints.articulation_points_networkx, chain)
    print(f"single sources {len(single)}, single-city {len(cities_only)}, HHI for {len(hhi)} components, "
          f"articulation points {len(points)}: {ours_s:.3f} s in all")  # fmt: skip
    graph_ratio = nx_s / rx_s
    print(f"articulation points: rustworkx {rx_s:.3f} s, networkx {nx_s:.3f} s -> rustworkx {graph_ratio:.1f}x faster")
    same_points = rx_points == nx_points

    build_s, analyser = timed(Analyser, chain, args.days)
    rank_s, ranking = timed(analyser.rank_cities)
    per_city = rank_s / len(ranking)
    print(f"disruption model: built and baseline solved in {build_s:.2f} s; "
          f"all {len(ranking)} cities ranked in {rank_s:.2f} s ({per_city * 1000:.0f} ms a city)")  # fmt: skip
    print("costliest cities: " + ", ".join(f"{c} {v:.0f}" for c, v in ranking[:5]))
    sample = [c for c, _v in ranking[: args.reference_cities]]
    fresh_s, fresh = timed(fresh_city_ranking, chain, args.days, sample)
    fresh_per_city = fresh_s / len(sample)
    lp_ratio = fresh_per_city / per_city
    ours = dict(ranking)
    same_losses = all(abs(ours[c] - fresh[c]) <= 1e-6 * max(1.0, fresh[c]) for c in sample)
    print(f"a fresh model per city: {fresh_per_city * 1000:.0f} ms a city -> "
          f"re-solving one model {lp_ratio:.1f}x faster; "
          f"same losses: {same_losses}")  # fmt: skip

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MiB")

    verdicts = {
        "rustworkx at least 2x faster than networkx for articulation points": graph_ratio >= 2,
        "rustworkx and networkx name the same articulation points": same_points,
        "re-solving one model at least as fast as a fresh model per city": lp_ratio >= 1,
        "the same losses either way": same_losses,
        "peak memory at most 2 GiB": peak <= 2048,
    }
    for name, ok in verdicts.items():
        print(("PASS " if ok else "FAIL ") + name)
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
