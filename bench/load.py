"""Load on the whole stack: locust (headless, loopback only, bounded in time) against the platform
served as `make serve` serves it (production settings, gunicorn workers) on PostgreSQL with the demo
data, with the trivial endpoint /api/health measured in the same run as the reference.

    .venv/bin/python bench/load.py [--users 100] [--seconds 60] [--workers 3] [--phase-seconds 15] [--keep-db]

Three phases, one after the other, against the same server:

1. *trivial*: `--speed-users` users request /api/health with no pause (the reference throughput);
2. *reads*: the same users read public pages and API lists (both languages) with no pause;
3. *mixed*: `--users` people for `--seconds`, 0.5-1.5 s between requests: public reads (10), the
   trivial endpoint (2), plan progress reports (1) and services applications (1) through the API with
   a fresh Idempotency-Key each.

Targets (exit 1 when missed): 0 errors in the mixed phase; reads at >= 50% of the trivial endpoint's
throughput (phases 1 and 2); p99 of reads <= 100 ms in the mixed phase.

Its own database (`yrd_load_bench` on the local server, or --database-url), dropped and created from
migrate + load_reference + load_demo at the start; dropped at the end unless --keep-db (then
--reuse-db runs again on it without reloading). Its own port.
"""

import argparse
import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
TARGET_RATIO, TARGET_P99_MS = 0.5, 100


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recreate(server_url: str, name: str, drop_only=False):
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args, capture=False):
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=capture, text=True)
    if done.returncode:
        raise SystemExit(f"manage.py {args[0]} failed: {(done.stderr or '')[-3000:]}")
    return done.stdout


def load_demo(env, reuse: bool) -> dict:
    manage(env, "migrate", "--noinput", "-v0")  # a kept database may predate the newest migrations
    if not reuse:
        print("Creating the database from migrate, load_reference and load_demo ...", flush=True)
        manage(env, "load_reference")
        manage(env, "load_demo")
    out = manage(env, "shell", "-c", (ROOT / "bench" / "load_setup.py").read_text(), capture=True)
    return json.loads(out.strip().splitlines()[-1])


def serve(env, port, workers):
    """What `make serve` runs: collectstatic, migrate, gunicorn with WEB_CONCURRENCY workers."""
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "migrate", "--noinput", "-v0")
    command = [str(BIN / "gunicorn"), "yrd.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    for _ in range(3000):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.1)
    os.killpg(process.pid, signal.SIGTERM)
    raise SystemExit("the server did not start")


def run_locust(port, phase, users, seconds, setup, folder) -> dict:
    prefix = Path(folder) / phase
    env = {**os.environ, "YRD_LOAD_SETUP": json.dumps(setup), "YRD_LOAD_PHASE": phase}
    command = [str(BIN / "locust"), "-f", str(ROOT / "bench" / "load_locust.py"), "--headless", "--only-summary"]
    command += ["-u", str(users), "-r", str(min(users, 50)), "-t", f"{seconds}s", "--stop-timeout", "5"]
    command += ["--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--exit-code-on-error", "0"]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv") as f:
        rows = {row["Name"]: row for row in csv.DictReader(f)}
    with open(f"{prefix}_failures.csv") as f:
        failures = [f"{row['Occurrences']} x {row['Name']}: {row['Error'][:160]}" for row in csv.DictReader(f)]
    return {"rows": rows, "failures": failures}


def line(phase, name, row):
    return (
        f"{phase:<8} {name:<8} {int(row['Request Count']):>7} {int(row['Failure Count']):>6} "
        f"{float(row['Requests/s']):>8.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--speed-users", type=int, default=20, help="users of the full-speed phases")
    parser.add_argument("--phase-seconds", type=int, default=15, help="length of each full-speed phase")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/yrd_load_bench")
    parser.add_argument("--keep-db", action="store_true", help="leave the bench database for inspection")
    parser.add_argument("--reuse-db", action="store_true", help="use the database a --keep-db run left")
    args = parser.parse_args()

    server_url, name = args.database_url.rsplit("/", 1)
    if not args.reuse_db:
        recreate(server_url, name)
    base = {**os.environ, "DATABASE_URL": args.database_url, "PYTHONPATH": str(ROOT)}
    setup = load_demo({**base, "DJANGO_SETTINGS_MODULE": "yrd.settings.dev"}, args.reuse_db)
    production = {
        **base,
        "DJANGO_SETTINGS_MODULE": "yrd.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DB_CONN_MAX_AGE": os.environ.get("DB_CONN_MAX_AGE", "60"),
        "LOG_LEVEL": "ERROR",
    }
    port = free_port()
    server = serve(production, port, args.workers)
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="yrd-load-") as folder:
            for phase, users, seconds in (
                ("trivial", args.speed_users, args.phase_seconds),
                ("reads", args.speed_users, args.phase_seconds),
                ("mixed", args.users, args.seconds),
            ):
                print(f"Phase {phase}: {users} users for {seconds} s ...", flush=True)
                results[phase] = run_locust(port, phase, users, seconds, setup, folder)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
        if not args.keep_db:
            recreate(server_url, name, drop_only=True)

    print(f"\n{args.workers} gunicorn workers, PostgreSQL, demo data; times in ms")
    print(f"{'phase':<8} {'group':<8} {'requests':>7} {'errors':>6} {'req/s':>8} {'p50':>6} {'p95':>6} {'p99':>6}")
    for phase, result in results.items():
        for group in ("trivial", "read", "submit"):
            if group in result["rows"]:
                print(line(phase, group, result["rows"][group]))
    trivial = float(results["trivial"]["rows"]["trivial"]["Requests/s"])
    reads = float(results["reads"]["rows"]["read"]["Requests/s"])
    mixed = results["mixed"]["rows"]
    errors = int(mixed["Aggregated"]["Failure Count"])
    p99 = float(mixed["read"]["99%"])
    ratio = reads / trivial
    print(f"\nreads / trivial throughput at full speed: {ratio:.2f} (target >= {TARGET_RATIO})")
    print(f"errors with {args.users} users for {args.seconds} s: {errors} (target 0)")
    print(f"p99 of reads with {args.users} users: {p99:.0f} ms (target <= {TARGET_P99_MS})")
    for failure in results["mixed"]["failures"][:10]:
        print("  " + failure)
    missed = ratio < TARGET_RATIO or errors or p99 > TARGET_P99_MS
    print("TARGETS MISSED" if missed else "targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
