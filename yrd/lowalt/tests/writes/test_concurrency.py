"""Two operators file conflicting intents at the same moment on PostgreSQL: exactly one is accepted."""

import threading

import pytest
from django.db import connection

from yrd.lowalt.models import Intent, Refusal
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers by itself")
def test_two_conflicting_intents_filed_at_once_give_one_acceptance_and_one_refusal(world):
    barrier = threading.Barrier(2)
    results = []

    def file(pilot, craft):
        barrier.wait()
        try:
            results.append(f.file(pilot, craft).accepted)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=file, args=(world.pilot, world.light)),
        threading.Thread(target=file, args=(world.other_pilot, world.other_light)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert Intent.objects.count() == 1 and Refusal.objects.count() == 1
