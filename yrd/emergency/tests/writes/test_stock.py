"""Receipts, issues and adjustments: numbered transactions, first expiry first out, never below zero,
every bad line named and nothing written."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yrd.core.errors import Conflict
from yrd.emergency import writes
from yrd.emergency.models import Lot, Movement, StockTransaction
from yrd.emergency.selectors.stock import stock_of
from yrd.emergency.tests import factories as f


def on_hand(warehouse, item):
    return sum(row.balance for row in stock_of(warehouse, item=item))


def receive(world, *lines, by=None, **extra):
    return writes.stock_receive(
        acting_user=by or world.sh_operator,
        warehouse=world.sh,
        lines=list(lines),
        counterpart=extra.pop("counterpart", "红十字会"),
        **extra,
    )


def soon(days=100):
    return timezone.localdate() + timedelta(days=days)


def test_a_receipt_gets_the_warehouses_next_readable_number_and_adds_to_the_lots(world):
    first = receive(world, writes.ReceiptLine(world.water, "W-1", 120, soon()))
    second = receive(
        world, writes.ReceiptLine(world.water, "W-1", 30, soon()), writes.ReceiptLine(world.tent, "T-1", 8)
    )
    assert (first.number, second.number) == ("SH-PD01-000001", "SH-PD01-000002")
    assert on_hand(world.sh, world.water) == 150 and on_hand(world.sh, world.tent) == 8


def test_each_warehouse_numbers_its_own_transactions(world):
    f.receive(world.sh, world.tent, 1)
    assert f.receive(world.nb, world.tent, 1).number == "ZJ-NB01-000001"


@pytest.mark.parametrize(
    "line, message",
    [
        (lambda w: writes.ReceiptLine(w.water, "W-1", 0, soon()), "at least 1"),
        (lambda w: writes.ReceiptLine(w.water, "W-1", -5, soon()), "at least 1"),
        (lambda w: writes.ReceiptLine(w.water, "W-1", 50_000_000, soon()), "check the number and the unit"),
        (lambda w: writes.ReceiptLine(w.water, "", 5, soon()), "give the lot number"),
        (lambda w: writes.ReceiptLine(w.water, "W-1", 5, None), "give the expiry date"),
        (lambda w: writes.ReceiptLine(w.tent, "T-1", 5, soon()), "does not expire"),
        (lambda w: writes.ReceiptLine(w.water, "W-1", 5, soon(-1)), "expired stock is not received"),
    ],
)
def test_a_bad_receipt_line_is_named_and_nothing_is_written(world, line, message):
    good = writes.ReceiptLine(world.medkit, "M-1", 10, soon())
    with pytest.raises(ValidationError) as refused:
        receive(world, good, line(world))
    assert any(message in m and "Line 2" in m for m in refused.value.message_dict["lines"])
    assert (StockTransaction.objects.count(), Lot.objects.count()) == (0, 0)


def test_a_lot_keeps_one_expiry_date(world):
    receive(world, writes.ReceiptLine(world.water, "W-1", 10, soon(100)))
    with pytest.raises(ValidationError, match="already recorded here expiring"):
        receive(world, writes.ReceiptLine(world.water, "W-1", 10, soon(200)))


def test_a_receipt_beyond_the_warehouses_capacity_is_refused(world):
    big = f.item("bulky", unit_volume_litres=1000)
    small = f.warehouse("330900", capacity_m3=10)
    with pytest.raises(ValidationError, match="holds 0 m³ of its 10 m³; this receipt adds 11"):
        f.receive(small, big, 11)


def test_a_receipt_says_who_delivered_it(world):
    with pytest.raises(ValidationError) as refused:
        receive(world, writes.ReceiptLine(world.tent, "T-1", 1), counterpart="  ")
    assert "counterpart" in refused.value.message_dict


def test_only_the_warehouses_own_operators_move_its_stock(world):
    for outsider in (world.nb_operator, world.coordinator, world.requester, world.stranger):
        with pytest.raises(PermissionDenied):
            receive(world, writes.ReceiptLine(world.tent, "T-1", 1), by=outsider)


def test_a_retried_receipt_with_the_same_key_is_written_once(world):
    line = writes.ReceiptLine(world.tent, "T-1", 4)
    first = receive(world, line, idempotency_key="key-1")
    again = receive(world, line, idempotency_key="key-1")
    assert again == first and on_hand(world.sh, world.tent) == 4
    with pytest.raises(Conflict):
        receive(world, writes.ReceiptLine(world.tent, "T-1", 5), idempotency_key="key-1")


def test_an_issue_takes_the_earliest_expiring_lots_first_and_skips_expired_ones(world):
    f.receive(world.sh, world.water, 10, lot="late", expires_on=soon(300))
    f.receive(world.sh, world.water, 10, lot="early", expires_on=soon(30))
    f.receive(world.sh, world.water, 10, lot="old", expires_on=soon(2))
    Lot.objects.filter(number="old").update(expires_on=soon(-1))  # expired since
    issue = writes.stock_issue(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        lines=[writes.IssueLine(world.water, 12)],
        counterpart="浦东安置点",
    )
    taken = {m.lot.number: m.quantity for m in issue.movements.all()}
    assert taken == {"early": -10, "late": -2}


def test_an_issue_cannot_take_more_than_is_available(world):
    f.receive(world.sh, world.tent, 5)
    with pytest.raises(ValidationError, match="Line 2 .*SH-PD01 has 2 family-tent available \\(piece\\), not 3"):
        writes.stock_issue(
            acting_user=world.sh_operator,
            warehouse=world.sh,
            lines=[writes.IssueLine(world.tent, 3), writes.IssueLine(world.tent, 3)],
            counterpart="x",
        )
    assert on_hand(world.sh, world.tent) == 5


def test_an_adjustment_cannot_take_away_stock_reserved_for_a_commitment(world):
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(f.incident(), {world.tent: 8})
    writes.commitment_create(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        request=request,
        offers=[writes.Offer(request.lines.get(), 8)],
    )
    lot = Lot.objects.get(warehouse=world.sh, item=world.tent)
    with pytest.raises(ValidationError, match="2 available \\(8 reserved for commitments\\)"):
        writes.stock_adjust(acting_user=world.sh_operator, lot=lot, change=-3, reason="count")
    writes.stock_adjust(acting_user=world.sh_operator, lot=lot, change=-2, reason="count")
    assert on_hand(world.sh, world.tent) == 8


def test_an_adjustment_for_another_reason_says_why(world):
    f.receive(world.sh, world.tent, 10)
    lot = Lot.objects.get(warehouse=world.sh)
    with pytest.raises(ValidationError) as refused:
        writes.stock_adjust(acting_user=world.sh_operator, lot=lot, change=0, reason="other")
    assert set(refused.value.message_dict) == {"change", "note"}
    assert Movement.objects.filter(lot=lot).count() == 1
