"""A voucher is spent once, a slot booked once and a budget never overdrawn, also when requests arrive
at the same moment: parallel workers on PostgreSQL, each with its own connection (skipped on SQLite,
which serialises writers by itself)."""

import threading
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction
from yrd.innovation import writes
from yrd.innovation.models import Booking, Meeting, Redemption, Voucher
from yrd.innovation.selectors.vouchers import budget_left
from yrd.innovation.tests import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; run with DATABASE_URL"),
]
WORKERS = 6


def in_parallel(call, workers=WORKERS) -> list:
    start, results = threading.Barrier(workers), [None] * workers

    def worker(n):
        try:
            start.wait()
            results[n] = call(n)
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


def test_parallel_redemptions_spend_a_voucher_once(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    sem = f.instrument(world.sh_lab)
    bookings = [f.used_booking(sem, world.js_firm, days=-(n + 1)) for n in range(WORKERS)]
    results = in_parallel(lambda n: writes.voucher_redeem(acting_user=SYSTEM, voucher=voucher, booking=bookings[n]))
    assert sum(isinstance(r, Redemption) for r in results) == 1
    assert all(isinstance(r, (Redemption, ValidationError)) for r in results)
    assert Redemption.objects.count() == 1


def test_parallel_requests_for_one_slot_book_it_once(world):
    sem = f.instrument(world.sh_lab)

    def book(n):
        start = f.at(5, 10) + timedelta(minutes=10 * n)  # all overlap one another
        return writes.booking_request(
            acting_user=SYSTEM,
            instrument=sem,
            firm=world.js_firm,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            purpose="测试",
        )

    results = in_parallel(book)
    assert sum(isinstance(r, Booking) for r in results) == 1
    assert Booking.objects.count() == 1


def test_parallel_issues_never_overdraw_the_budget(world):
    programme = f.programme("320000", budget="10000", cap="10000")
    results = in_parallel(lambda n: f.voucher(programme, world.js_firm, "3000"))
    assert sum(isinstance(r, Voucher) for r in results) == 3
    assert budget_left(programme) == Decimal("1000")


def test_parallel_meeting_requests_book_a_buyer_once_per_slot(world):
    expo = writes.exhibition_save(
        acting_user=SYSTEM, name_zh="进口博览会", name_en="", city=jurisdiction("310000", "city"),
        starts_on=date(2026, 11, 5), ends_on=date(2026, 11, 10),
    )  # fmt: skip
    exhibitors = [f.lab("310000", f"展商{n}") for n in range(WORKERS)]
    for exhibitor in exhibitors:
        writes.participant_register(
            acting_user=SYSTEM, exhibition=expo, organisation=exhibitor, role="exhibitor", is_demo=True
        )  # the exhibition is over: only the demo loader registers then
    at = timezone.make_aware(datetime.combine(date(2026, 11, 5), time(9)))

    def book(n):
        return writes.meeting_book(
            acting_user=SYSTEM, exhibition=expo, exhibitor=exhibitors[n], buyer=world.js_firm, starts_at=at
        )

    results = in_parallel(book)
    assert sum(isinstance(r, Meeting) for r in results) == 1
    assert all(isinstance(r, (Meeting, ValidationError)) for r in results)
