"""Stock never goes negative and a commitment is never sent twice, also when requests arrive at the
same moment: parallel workers on PostgreSQL, each with its own connection (skipped on SQLite, which
serialises writers by itself)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from yrd.core.errors import Conflict
from yrd.emergency import writes
from yrd.emergency.models import Commitment, StockTransaction
from yrd.emergency.selectors.stock import stock_of
from yrd.emergency.tests import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; run with DATABASE_URL"),
]
WORKERS = 8


def in_parallel(call, workers=WORKERS) -> list:
    """Run `call` in `workers` threads released together; each result or the exception it raised."""
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


def test_parallel_issues_never_take_more_than_the_stock(world):
    f.receive(world.sh, world.tent, 10)

    def issue():
        return writes.stock_issue(
            acting_user=world.sh_operator, warehouse=world.sh, lines=[writes.IssueLine(world.tent, 3)], counterpart="x"
        )

    results = in_parallel(issue)
    done = [r for r in results if isinstance(r, StockTransaction)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert (len(done), len(refused)) == (3, WORKERS - 3)
    assert [row.balance for row in stock_of(world.sh)] == [1]
    assert sorted(t.number for t in done) == sorted({t.number for t in done})  # no number given twice


def test_parallel_offers_never_reserve_more_than_is_available(world):
    f.receive(world.sh, world.tent, 10)
    incident = f.incident()
    requests = [f.site_request(incident, {world.tent: 4}) for _ in range(WORKERS)]
    turn = iter(requests)
    lock = threading.Lock()

    def offer():
        with lock:
            request = next(turn)
        return writes.commitment_create(
            acting_user=world.sh_operator,
            warehouse=world.sh,
            request=request,
            offers=[writes.Offer(request.lines.get(), 4)],
        )

    results = in_parallel(offer)
    assert sum(isinstance(r, Commitment) for r in results) == 2
    assert [row.available for row in stock_of(world.sh)] == [2]


def test_a_commitment_dispatched_from_several_places_at_once_leaves_once(world):
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(f.incident(), {world.tent: 6})
    commitment = writes.commitment_create(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        request=request,
        offers=[writes.Offer(request.lines.get(), 6)],
    )
    results = in_parallel(lambda: writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment))
    assert sum(isinstance(r, Commitment) for r in results) == 1
    assert all(isinstance(r, Conflict) for r in results if not isinstance(r, Commitment))
    assert StockTransaction.objects.filter(commitment=commitment).count() == 1
    assert [row.balance for row in stock_of(world.sh)] == [4]
