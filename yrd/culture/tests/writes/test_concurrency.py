"""Parallel bookings of the last places never overbook a site: workers on PostgreSQL, each with its
own connection (skipped on SQLite, which serialises writers by itself)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from yrd.culture.models import Reservation
from yrd.culture.tests import factories as f
from yrd.culture.writes.visits import booked_on

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; run with DATABASE_URL"),
]
WORKERS = 8


def in_parallel(call, workers=WORKERS) -> list:
    start, results = threading.Barrier(workers), [None] * workers

    def worker(n):
        try:
            start.wait()
            results[n] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each worker got
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_parallel_bookings_never_exceed_the_daily_capacity(world):
    site = f.bookable(10)
    results = in_parallel(lambda: f.book(site, world.visitor, 3))
    done = [r for r in results if isinstance(r, Reservation)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert (len(done), len(refused)) == (3, WORKERS - 3)
    assert booked_on(site, f.tomorrow()) == 9


def test_parallel_bookings_of_one_entry_never_exceed_its_capacity(world):
    site = f.bookable(20)
    nine, _ten = f.hourly(site, 7, 13)
    results = in_parallel(lambda: f.book(site, world.visitor, 2, slot=nine.starts))
    assert sum(isinstance(r, Reservation) for r in results) == 3
    assert booked_on(site, f.tomorrow(), nine) == 6
