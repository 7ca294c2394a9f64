import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from yrd import celery_app

ROOT = Path(__file__).resolve().parents[3]


def test_every_scheduled_task_is_a_registered_task():
    celery_app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled <= set(celery_app.tasks)


def _redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_is_up(), reason="needs the Redis on 127.0.0.1:6379")
def test_a_worker_on_a_real_broker_sends_the_mail(tmp_path):
    """The production path: a notification's e-mail queued on Redis, sent by a worker process."""
    queue = f"test-{uuid.uuid4().hex}"  # nothing left over from another run is delivered here
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "yrd.settings.dev",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/15",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "yrd", "worker", "--pool", "solo", "-l", "warning", "-Q", queue],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        send = (
            "import django; django.setup(); from yrd.core.tasks import send_email; "
            "send_email.apply_async(('officer@example.test', 'reminder', 'a milestone is due'),"
            f" queue={queue!r})"
        )
        subprocess.run([sys.executable, "-c", send], cwd=ROOT, env=env, check=True)
        for _ in range(300):  # the worker starts, takes the message off Redis and sends it
            if list(tmp_path.iterdir()):
                break
            time.sleep(0.1)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    sent = [path.read_text() for path in tmp_path.iterdir()]
    assert len(sent) == 1 and "officer@example.test" in sent[0] and "a milestone is due" in sent[0]
