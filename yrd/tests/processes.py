"""Real processes for the fault tests: the platform under gunicorn on a free loopback port, and a
throwaway PostgreSQL cluster made with initdb (never the machine's shared one)."""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
READY_WITHIN = 300  # seconds; a guard against a hung start, not a speed target (shared machines are slow)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(settings_dict=None) -> str:
    """The URL of the suite's own (test) database, for a server process to share it."""
    s = settings_dict or connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def request(url, *, method="GET", body=None, headers=None, timeout=60):
    """(status, headers, body bytes); connection failures raise OSError."""
    data = json.dumps(body).encode() if body is not None else None
    sent = {"Content-Type": "application/json", **(headers or {})} if data else dict(headers or {})
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, sent, method=method), timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    """gunicorn serving yrd with the test settings; `kill()` is SIGKILL to master and workers."""

    def __init__(self, database_url: str, *, workers: int = 2, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "yrd.settings.test",
            "DATABASE_URL": database_url,
            "PYTHONPATH": str(ROOT),
            **env,
        }
        self.workers = workers
        self.process = None

    def start(self) -> "Server":
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        command = [gunicorn, "yrd.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", str(self.workers), "--timeout", "120"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + READY_WITHIN
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.process.stderr.read().decode()[-2000:]}")
            try:
                if request(self.url + "/api/health", timeout=5)[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not answer")

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    """A PostgreSQL cluster of its own in a temporary folder, on a free port, trust auth on loopback.
    As root the server runs as the `postgres` account (PostgreSQL refuses to run as root)."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="yrd-pg-"))
        self.data = self.folder / "data"
        self.as_user = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            os.chmod(self.folder, 0o755)
            shutil.chown(self.folder, "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/yrd"

    def _run(self, *command, **kwargs):
        return subprocess.run([*self.as_user, *command], check=True, capture_output=True, **kwargs)

    def create(self) -> "Cluster":
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self._run(str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "yrd")
        return self

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "log")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l", log, "start")

    def stop(self):
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def copy_schema_from(self, source_url: str):
        """The tables of the suite's migrated database, without data (pg_dump -s | psql)."""
        dump = subprocess.run(
            [str(self.bindir / "pg_dump"), "-s", "--no-owner", "--no-privileges", source_url],
            check=True,
            capture_output=True,
        ).stdout
        psql = [str(self.bindir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", self.url]
        subprocess.run(psql, input=dump, check=True, capture_output=True)

    def destroy(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
