"""The one way to run background work: after the current transaction commits, on a Celery worker
when a broker is configured, inline otherwise."""

from django.db import transaction


def run_after_commit(task, *args, **kwargs):
    transaction.on_commit(lambda: task.delay(*args, **kwargs))
