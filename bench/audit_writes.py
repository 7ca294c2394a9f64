"""Audited writes per second with 1, 4 and 16 concurrent writers on PostgreSQL, against the same writes
without the audit entry, in the same run.

    .venv/bin/python bench/audit_writes.py [--seconds 3] [--rounds 3] [--writers 1,4,16] [--work-ms 5]

Each writer is a process of its own with its own connection. A write is one transaction: insert a row
into a bench table, append an audit entry (`audit_record`, the platform's only way to audit), commit.
Three variants run interleaved: *plain* (no audit entry, the reference), *audited* (the platform as
configured, AUDIT_CHAINS parallel chains) and *one chain* (AUDIT_CHAINS=1: every audited write takes
the same head lock, as before the chains; for comparison only). For audited writes the time spent
getting a chain's head ("head wait") is measured on its own (with the one-statement append of
PostgreSQL and SHA-256, that statement's whole time). Two shapes are measured, because a head's
lock is held from the audit entry to the commit:

- *short*: the audit entry is the last thing before the commit (most writes);
- *work after the entry*: the transaction goes on for `--work-ms` after the entry (a write that audits
  and then creates notifications, an import that audits row by row), which is where one platform-wide
  lock would serialise everything.

Each configuration runs `--rounds` times, all configurations interleaved round after round, and its
best round counts: on a machine shared with other work, a round that others slowed down says nothing
about the platform.

Targets (exit 1 when missed), for *audited*: throughput does not fall as writers are added (each step
keeps at least 90% of the previous one, the margin being run-to-run noise on a shared machine), and
neither the head wait nor the whole write takes more than one second at p99.

Uses its own database (default yrd_audit_bench on the local server), created if missing and emptied first.
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

EVENT = "bench.write"
TARGET_KEEP = 0.9
TARGET_P99_SECONDS = 1.0


def prepare_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def setup(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yrd.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", "--noinput", verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_write (id bigserial PRIMARY KEY, writer int, payload text)")
        cursor.execute("TRUNCATE bench_write")
    from yrd.core.registry import registry

    registry.audit_events.add(EVENT)


VARIANTS = {"audited": True, "one chain": True, "plain": False}


def one_write(writer, n, audited, work_seconds):
    from django.db import connection, transaction

    from yrd.core.actors import SYSTEM
    from yrd.core.audit import audit_record

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_write (writer, payload) VALUES (%s, %s)", [writer, f"write {n}"])
        if audited:
            audit_record(actor=SYSTEM, action=EVENT, object_type="bench", object_id=n, data={"writer": writer})
        if work_seconds:
            time.sleep(work_seconds)


def time_head_waits(waits):
    """Measure each wait for a chain's head (the only place audited writes wait for each other). With
    the one-statement append (PostgreSQL, SHA-256) the head is locked inside the entry's statement:
    that whole statement is timed (the wait and the insert, an upper bound of the wait)."""
    from yrd.core.audit import chain

    def timed(function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            result = function(*args, **kwargs)
            if result is not None:  # None: no free head for the one statement, the head is taken next
                waits.append(time.perf_counter() - started)
            return result

        return run

    chain._take_head = timed(chain._take_head)
    chain._append_in_one_statement = timed(chain._append_in_one_statement)


def writer_process(writer, variant, work_seconds, barrier, deadline_box, results):
    from django.conf import settings
    from django.db import connections

    connections.close_all()  # a connection of its own, never the parent's
    if variant == "one chain":
        settings.AUDIT_CHAINS = 1
    audited = VARIANTS[variant]
    one_write(writer, -1, audited, 0)  # connect and warm up before the clock starts
    waits = []
    time_head_waits(waits)
    barrier.wait()
    deadline = deadline_box.value
    times, n = [], 0
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        one_write(writer, n, audited, work_seconds)
        times.append(time.perf_counter() - started)
        n += 1
    connections.close_all()
    results.put((times, waits))


def percentile(values, fraction):
    return values[min(len(values) - 1, int(len(values) * fraction))] if values else 0.0


def run(writers, variant, seconds, work_seconds):
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(writers + 1)
    deadline_box = context.Value("d", 0.0)
    results = context.Queue()
    from django.db import connections

    connections.close_all()
    processes = [
        context.Process(target=writer_process, args=(i, variant, work_seconds, barrier, deadline_box, results))
        for i in range(writers)
    ]
    for process in processes:
        process.start()
    deadline_box.value = time.perf_counter() + seconds
    barrier.wait()
    times, waits = [], []
    for _ in processes:
        writer_times, writer_waits = results.get()
        times += writer_times
        waits += writer_waits
    for process in processes:
        process.join()
    times.sort()
    waits.sort()
    return {
        "writes_per_second": len(times) / seconds,
        "p50": statistics.median(times),
        "p99": percentile(times, 0.99),
        "wait_p50": percentile(waits, 0.5),
        "wait_p99": percentile(waits, 0.99),
        "count": len(times),
    }


def chain_summary():
    from yrd.core.audit import verify_chain

    problem = verify_chain()
    return "intact" if problem is None else f"BROKEN: {problem}"


def report(shape, writer_counts, figures):
    print(f"\n{shape}")
    print(
        f"  {'writers':>7}  {'variant':<9}  {'writes/s':>8}  {'vs plain':>8}  {'write p50':>9}  {'p99 ms':>7}"
        f"  {'head wait p50':>13}  {'p99 ms':>7}"
    )
    for writers in writer_counts:
        plain = figures[(writers, "plain")]["writes_per_second"]
        for variant in VARIANTS:
            f = figures[(writers, variant)]
            waits = f"{f['wait_p50'] * 1000:>13.1f}  {f['wait_p99'] * 1000:>7.1f}" if VARIANTS[variant] else ""
            print(
                f"  {writers:>7}  {variant:<9}  {f['writes_per_second']:>8.1f}  {f['writes_per_second'] / plain:>8.2f}"
                f"  {f['p50'] * 1000:>9.1f}  {f['p99'] * 1000:>7.1f}  {waits}"
            )


def verdicts(writer_counts, figures):
    missed = []
    for before, after in zip(writer_counts, writer_counts[1:], strict=False):
        kept = figures[(after, "audited")]["writes_per_second"] / figures[(before, "audited")]["writes_per_second"]
        if kept < TARGET_KEEP:
            missed.append(f"audited throughput fell to {kept:.2f} of itself going from {before} to {after} writers")
    for writers in writer_counts:
        f = figures[(writers, "audited")]
        for what, value in (("head wait", f["wait_p99"]), ("audited write", f["p99"])):
            if value > TARGET_P99_SECONDS:
                missed.append(f"p99 {what} is {value:.2f} s with {writers} writers")
    return missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="measuring time per configuration and round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each configuration's best counts")
    parser.add_argument("--writers", default="1,4,16", help="comma-separated writer counts")
    parser.add_argument("--work-ms", type=float, default=5.0, help="work after the entry, second shape")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yrd_audit_bench"),
    )
    args = parser.parse_args()
    writer_counts = [int(n) for n in args.writers.split(",")]
    prepare_database(args.database_url)
    setup(args.database_url)
    print(f"PostgreSQL, one process and connection per writer; best of {args.rounds} rounds of {args.seconds:g} s")
    missed = []
    run(max(writer_counts), "audited", 1.0, 0.0)  # open the chains once, before anything is measured
    shapes = (
        ("short write (entry, then commit)", 0.0),
        (f"{args.work_ms:g} ms of work after the entry", args.work_ms / 1000),
    )
    for shape, work in shapes:
        figures = {}
        for _ in range(args.rounds):
            for writers in writer_counts:
                for variant in VARIANTS:  # interleaved, so drift on a shared machine hits every variant alike
                    result = run(writers, variant, args.seconds, work)
                    best = figures.get((writers, variant))
                    if best is None or result["writes_per_second"] > best["writes_per_second"]:
                        figures[(writers, variant)] = result
        report(shape, writer_counts, figures)
        missed += [f"{shape}: {problem}" for problem in verdicts(writer_counts, figures)]
    print(f"\naudit chain after the run: {chain_summary()}")
    if missed:
        print("\nTARGET MISSED:\n  " + "\n  ".join(missed))
        sys.exit(1)
    print(f"\nOK: audited throughput keeps >= {TARGET_KEEP:.0%} as writers are added; p99 < {TARGET_P99_SECONDS:g} s")


if __name__ == "__main__":
    main()
