"""Consolidation of market-violation reports: quality, throughput and peak memory at 10k, 100k and 1M reports,
for the engine and two references measured in the same run on the same synthetic reports.

    .venv/bin/python bench/consolidation.py [--sizes 10000,100000,1000000] [--seed 7] [--untuned-up-to 1000000]

Methods, each run in a process of its own so that its peak memory (ru_maxrss) is its own:
- `yrd`: yrd.market.consolidation.consolidate — parsed names, Splink on DuckDB trained without labels, constrained
  clustering; the whole run (features, training, scoring, clustering, review queue) is timed;
- `exact-name`: reports with the same name (as written, trimmed) are one enterprise;
- `untuned-splink`: a default Splink model on the raw columns (Jaro-Winkler on name and address, exact USCC /
  phone / city; blocking on equal name, USCC, phone or address; u by random sampling, m by EM, default prior,
  connected components at match probability 0.95) — what a first Splink notebook would do.

Quality against the generator's truth: pairwise and B-cubed precision / recall / F1, and the hard negatives:
pairs of reports about different firms that share a trade name, a building or a phone, and how many of them each
method wrongly put together.

Targets (exit 1 when missed): at 100k, yrd's pairwise and B-cubed F1 >= 0.95 and at least 1.25x each
reference's; at 1M, yrd's run <= 600 s and <= 8 GiB. The machine's load average is printed before and after: on
a shared machine wall times are upper bounds; `cpu` (user + system seconds of the method's process, all threads,
the data loading included) over 2 cores bounds the unloaded wall time from below.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

METHODS = ("yrd", "exact-name", "untuned-splink")
F1_TARGET = 0.95
F1_RATIO_TARGET = 1.25
TIME_TARGET_1M = 600.0
MEMORY_TARGET_1M = 8 * 2**30


# --- workers (one process each) -------------------------------------------------------------------------------
def run_worker(method: str, reports_path: str, labels_path: str) -> None:
    import pandas as pd

    reports = pd.read_parquet(reports_path)
    started = time.perf_counter()
    labels, extra = WORKERS[method](reports)
    elapsed = time.perf_counter() - started
    pd.DataFrame({"cluster_id": labels}).to_parquet(labels_path)
    json.dump({"seconds": elapsed, **extra}, sys.stdout)


def yrd_labels(reports):
    from yrd.market.consolidation.batch_io import BATCH_COLUMNS
    from yrd.market.consolidation.pipeline import consolidate

    result = consolidate(reports[list(BATCH_COLUMNS)])
    return result.clusters["cluster_id"].to_numpy(), {
        "steps": {name: round(seconds, 1) for name, seconds in result.timings.items()},
        "review_items": len(result.review),
    }


def exact_name_labels(reports):
    return reports["subject_name"].str.strip().to_numpy(), {}


def untuned_splink_labels(reports):
    import logging

    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    columns = ["subject_name", "subject_uscc", "subject_phone", "subject_address", "incident_city_adcode"]
    frame = reports[["report_id", *columns]].replace({"": None})
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="report_id",
        comparisons=[
            cl.JaroWinklerAtThresholds("subject_name"),
            cl.ExactMatch("subject_uscc"),
            cl.ExactMatch("subject_phone"),
            cl.JaroWinklerAtThresholds("subject_address"),
            cl.ExactMatch("incident_city_adcode"),
        ],
        blocking_rules_to_generate_predictions=[block_on(c) for c in columns[:4]],
    )
    connection = duckdb.connect()
    connection.execute("SET threads = 2")
    linker = Linker(DuckDBAPI(connection).register(frame), settings, log_level=logging.ERROR)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    for column in ("subject_name", "subject_phone"):
        linker.training.estimate_parameters_using_expectation_maximisation(block_on(column))
    predictions = linker.inference.predict(threshold_match_probability=0.5, warning_mode="never")
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.95).as_pandas_dataframe()
    labels = clusters.set_index("report_id")["cluster_id"].reindex(reports["report_id"]).astype(str)
    return labels.to_numpy(), {}


WORKERS = {"yrd": yrd_labels, "exact-name": exact_name_labels, "untuned-splink": untuned_splink_labels}


# --- the parent: data, processes, scores ----------------------------------------------------------------------
def run_method(method: str, reports_path: Path, folder: Path) -> dict:
    labels_path = folder / f"labels-{method}.parquet"
    command = [sys.executable, __file__, "--worker", method, str(reports_path), str(labels_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        return {"method": method, "failed": True}
    result = json.loads(output)
    cpu = usage.ru_utime + usage.ru_stime
    result.update(method=method, peak_bytes=usage.ru_maxrss * 1024, cpu_seconds=cpu, labels_path=labels_path)
    return result


def hard_negative_keys(reports):
    from yrd.market.consolidation.features import add_features

    features = add_features(reports)
    return {"trade name": features["trade"], "building": features["address_building"], "phone": features["phone"]}


def hard_negatives(keys: dict, truth, predicted) -> dict[str, tuple[int, int]]:
    """Per key: (pairs of reports about different firms sharing the key, how many of those were put together)."""
    import pandas as pd

    found = {}
    for name, key in keys.items():
        frame = pd.DataFrame({"k": key.to_numpy(), "t": truth, "p": predicted}).dropna(subset=["k"])
        pairs = _pairs_within(frame, ["k"]) - _pairs_within(frame, ["k", "t"])
        merged = _pairs_within(frame, ["k", "p"]) - _pairs_within(frame, ["k", "p", "t"])
        found[name] = (int(pairs), int(merged))
    return found


def _pairs_within(frame, columns) -> float:
    sizes = frame.groupby(columns, sort=False).size().to_numpy().astype(float)
    return float((sizes * (sizes - 1) / 2).sum())


def score(result: dict, truth) -> dict:
    import pandas as pd

    from yrd.market.consolidation.metrics import bcubed, pairwise

    predicted = pd.read_parquet(result["labels_path"])["cluster_id"].to_numpy()
    result["pairwise"], result["bcubed"] = pairwise(predicted, truth), bcubed(predicted, truth)
    result["predicted"] = predicted
    return result


def report_size(n: int, results: list[dict], negatives: dict[str, dict]) -> None:
    print(f"\n{n:,} reports")
    print(f"  {'method':16s} {'pairwise P / R / F1':>24s} {'B-cubed P / R / F1':>24s} {'reports/s':>10s} "
          f"{'time':>8s} {'cpu':>8s} {'peak':>9s}")  # fmt: skip
    for r in results:
        if r.get("failed"):
            print(f"  {r['method']:16s} failed")
            continue
        pw, bc = r["pairwise"], r["bcubed"]
        print(
            f"  {r['method']:16s} {pw.precision:6.4f} / {pw.recall:6.4f} / {pw.f1:6.4f} "
            f"{bc.precision:6.4f} / {bc.recall:6.4f} / {bc.f1:6.4f} {n / r['seconds']:10,.0f} "
            f"{r['seconds']:7.1f}s {r['cpu_seconds']:7.1f}s {r['peak_bytes'] / 2**30:7.2f}GiB"
        )
    for r in results:
        if "steps" in r:
            print(f"  yrd steps (s): {r['steps']}; review queue: {r['review_items']} pairs")
    for key, per_method in negatives.items():
        cells = ", ".join(f"{m} {merged:,}" for m, (_, merged) in per_method.items())
        total = next(iter(per_method.values()))[0]
        print(f"  hard negatives sharing a {key}: {total:,} pairs of different firms; wrongly joined: {cells}")


def check_targets(n: int, results: list[dict]) -> list[str]:
    by = {r["method"]: r for r in results if not r.get("failed")}
    misses = []
    if "yrd" not in by:
        return [f"{n:,}: yrd failed"]
    ours = by["yrd"]
    if n == 100_000:
        for metric in ("pairwise", "bcubed"):
            f1 = ours[metric].f1
            verdict = "OK" if f1 >= F1_TARGET else "MISSED"
            print(f"  {metric} F1 {f1:.4f} (target >= {F1_TARGET}): {verdict}")
            misses += [] if f1 >= F1_TARGET else [f"{metric} F1 at 100k"]
            for reference in ("exact-name", "untuned-splink"):
                if reference in by:
                    ratio = f1 / max(by[reference][metric].f1, 1e-9)
                    verdict = "OK" if ratio >= F1_RATIO_TARGET else "MISSED"
                    print(
                        f"  {metric} F1 ratio yrd / {reference}: {ratio:.2f}x (target >= {F1_RATIO_TARGET}x): {verdict}"
                    )
                    misses += [] if ratio >= F1_RATIO_TARGET else [f"{metric} ratio to {reference}"]
    if n == 1_000_000:
        seconds, peak = ours["seconds"], ours["peak_bytes"]
        verdict = "OK" if seconds <= TIME_TARGET_1M else "MISSED"
        print(f"  1M time {seconds:.0f} s (target <= {TIME_TARGET_1M:.0f} s): {verdict}")
        print(f"  1M peak {peak / 2**30:.2f} GiB (target <= 8 GiB): {'OK' if peak <= MEMORY_TARGET_1M else 'MISSED'}")
        if "exact-name" in by:
            print(f"  1M time ratio yrd / exact-name: {seconds / by['exact-name']['seconds']:.0f}x (context only)")
        misses += [] if seconds <= TIME_TARGET_1M else ["1M time"]
        misses += [] if peak <= MEMORY_TARGET_1M else ["1M memory"]
    return misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--untuned-up-to", type=int, default=1_000_000, help="skip the untuned Splink model above")
    parser.add_argument("--worker", nargs=3, metavar=("METHOD", "REPORTS", "LABELS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(*args.worker)
        return 0

    from yrd.market.consolidation.synthetic import generate

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    misses: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-consolidation-") as folder:
        for n in (int(size) for size in args.sizes.split(",")):
            started = time.perf_counter()
            reports = generate(n, seed=args.seed)
            reports_path = Path(folder) / f"reports-{n}.parquet"
            reports.to_parquet(reports_path)
            print(f"\ngenerated {n:,} reports about {reports['enterprise_id'].nunique():,} enterprises "
                  f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
            methods = [m for m in METHODS if m != "untuned-splink" or n <= args.untuned_up_to]
            truth = reports["enterprise_id"].to_numpy()
            results = [run_method(method, reports_path, Path(folder)) for method in methods]
            results = [score(r, truth) if not r.get("failed") else r for r in results]
            keys = hard_negative_keys(reports)
            negatives = {
                key: {r["method"]: hard_negatives({key: keys[key]}, truth, r["predicted"])[key] for r in results
                      if not r.get("failed")}
                for key in keys
            }  # fmt: skip
            report_size(n, results, negatives)
            misses += check_targets(n, results)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("all targets met" if not misses else f"targets missed: {', '.join(misses)}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
