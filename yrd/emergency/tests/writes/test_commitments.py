"""Commitments: lots reserved first expiry first out, dispatched once, received with damage and
corrections, a receipt never larger than what was shipped."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yrd.core.errors import Conflict
from yrd.emergency import writes
from yrd.emergency.models import Commitment, CommitmentPick, Lot, StockTransaction, SupplyRequest
from yrd.emergency.selectors.stock import stock_of
from yrd.emergency.tests import factories as f


def available(warehouse, item):
    return sum(row.available for row in stock_of(warehouse, item=item))


@pytest.fixture
def incident():
    return f.incident()


def commit(world, request, quantity, *, warehouse=None, by=None):
    line = request.lines.get()
    return writes.commitment_create(
        acting_user=by or world.sh_operator,
        warehouse=warehouse or world.sh,
        request=request,
        offers=[writes.Offer(line, quantity)],
    )


def arrivals(commitment, received=None, damaged=0, **corrections):
    picks = CommitmentPick.objects.filter(line__commitment=commitment).order_by("pk")
    return [writes.Arrival(p, p.quantity if received is None else received, damaged, **corrections) for p in picks]


def test_a_commitment_reserves_the_earliest_expiring_lots_and_is_numbered_by_its_warehouse(world, incident):
    today = timezone.localdate()
    f.receive(world.sh, world.water, 50, lot="late", expires_on=today + timedelta(days=300))
    f.receive(world.sh, world.water, 50, lot="early", expires_on=today + timedelta(days=30))
    request = f.site_request(incident, {world.water: 70})
    commitment = commit(world, request, 70)
    assert commitment.number == "SH-PD01-000003"
    picks = {p.lot.number: p.quantity for p in CommitmentPick.objects.filter(line__commitment=commitment)}
    assert picks == {"early": 50, "late": 20}
    assert available(world.sh, world.water) == 30


def test_a_lot_that_expires_before_the_needed_by_day_is_not_promised(world, incident):
    f.receive(world.sh, world.water, 50, lot="almost", expires_on=timezone.localdate() + timedelta(days=1))
    request = f.site_request(incident, {world.water: 10}, hours=72)
    with pytest.raises(ValidationError, match="has 0"):
        commit(world, request, 10)


def test_nobody_commits_more_than_a_request_still_needs_or_a_warehouse_has(world, incident):
    f.receive(world.sh, world.tent, 100)
    f.receive(world.nb, world.tent, 100)
    request = f.site_request(incident, {world.tent: 60})
    commit(world, request, 50)
    with pytest.raises(ValidationError, match="10 still needed, not 20"):
        commit(world, request, 20, warehouse=world.nb, by=world.nb_operator)
    with pytest.raises(ValidationError, match="has 50 family-tent available"):
        commit(world, f.site_request(incident, {world.tent: 60}), 60)


def test_only_the_warehouses_operator_or_a_coordinator_of_the_site_commits(world, incident):
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(incident, {world.tent: 5})
    for outsider in (world.nb_operator, world.requester, world.stranger):
        with pytest.raises(PermissionDenied):
            commit(world, request, 5, by=outsider)
    commit(world, request, 5, by=world.zj_coordinator)


def test_dispatch_takes_the_reserved_lots_out_of_the_ledger_once(world, incident):
    f.receive(world.sh, world.tent, 10)
    commitment = commit(world, f.site_request(incident, {world.tent: 4}), 4)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment, shipment="TR-1")
    issue = StockTransaction.objects.get(commitment=commitment)
    assert (issue.kind, [m.quantity for m in issue.movements.all()]) == ("issue", [-4])
    with pytest.raises(Conflict, match="is Dispatched"):
        writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    assert sum(row.balance for row in stock_of(world.sh)) == 6


def test_a_retried_dispatch_with_its_key_returns_the_same_dispatch(world, incident):
    f.receive(world.sh, world.tent, 10)
    commitment = commit(world, f.site_request(incident, {world.tent: 4}), 4)
    first = writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment, idempotency_key="d-1")
    again = writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment, idempotency_key="d-1")
    assert first == again and StockTransaction.objects.filter(commitment=commitment).count() == 1


def test_only_the_sending_warehouse_dispatches_and_only_the_receiving_side_confirms(world, incident):
    f.receive(world.sh, world.tent, 10)
    commitment = commit(world, f.site_request(incident, {world.tent: 4}), 4)
    with pytest.raises(PermissionDenied):
        writes.commitment_dispatch(acting_user=world.nb_operator, commitment=commitment)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    with pytest.raises(PermissionDenied):
        writes.commitment_receive(acting_user=world.sh_operator, commitment=commitment, arrivals=arrivals(commitment))
    writes.commitment_receive(acting_user=world.requester, commitment=commitment, arrivals=arrivals(commitment))


def test_a_receipt_larger_than_what_was_shipped_is_refused(world, incident):
    f.receive(world.sh, world.tent, 10)
    commitment = commit(world, f.site_request(incident, {world.tent: 4}), 4)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    with pytest.raises(ValidationError, match="3 received and 2 damaged is more than the 4 shipped"):
        writes.commitment_receive(
            acting_user=world.requester, commitment=commitment, arrivals=arrivals(commitment, 3, 2)
        )
    with pytest.raises(ValidationError, match="whole numbers, 0 or more"):
        writes.commitment_receive(acting_user=world.requester, commitment=commitment, arrivals=arrivals(commitment, -1))
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.DISPATCHED


def test_what_arrived_damaged_and_lost_is_recorded_and_a_request_met_in_full_closes(world, incident):
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(incident, {world.tent: 4})
    commitment = commit(world, request, 4)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    writes.commitment_receive(acting_user=world.requester, commitment=commitment, arrivals=arrivals(commitment, 2, 1))
    pick = CommitmentPick.objects.get(line__commitment=commitment)
    assert (pick.received, pick.damaged, pick.missing) == (2, 1, 1)
    request.refresh_from_db()
    assert request.status == SupplyRequest.Status.OPEN  # only 2 of 4 arrived in good order
    second = commit(world, request, 2)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=second)
    writes.commitment_receive(acting_user=world.requester, commitment=second, arrivals=arrivals(second))
    request.refresh_from_db()
    assert request.status == SupplyRequest.Status.CLOSED


def test_a_warehouses_own_request_puts_what_arrived_into_its_stock_with_corrected_lot_and_expiry(world):
    today = timezone.localdate()
    f.receive(world.sh, world.water, 100, lot="SH-W", expires_on=today + timedelta(days=100))
    restock = writes.request_raise(
        acting_user=world.nb_operator,
        data=writes.RequestInput(
            priority=3,
            needed_by=timezone.now() + timedelta(days=2),
            needs=[writes.Need(world.water, 60)],
            warehouse=world.nb,
        ),
    )
    commitment = commit(world, restock, 60)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    assert StockTransaction.objects.get(commitment=commitment, warehouse=world.sh).kind == "transfer_out"
    corrected = today + timedelta(days=90)
    writes.commitment_receive(
        acting_user=world.nb_operator,
        commitment=commitment,
        arrivals=arrivals(commitment, 55, 5, lot_number="SH-W-relabelled", expires_on=corrected),
    )
    lot = Lot.objects.get(warehouse=world.nb)
    assert (lot.number, lot.expires_on, sum(r.balance for r in stock_of(world.nb))) == (
        "SH-W-relabelled",
        corrected,
        55,
    )
    assert StockTransaction.objects.get(commitment=commitment, warehouse=world.nb).kind == "transfer_in"


def test_a_warehouse_does_not_commit_to_its_own_request(world):
    f.receive(world.nb, world.water, 100)
    restock = writes.request_raise(
        acting_user=world.nb_operator,
        data=writes.RequestInput(
            priority=3,
            needed_by=timezone.now() + timedelta(days=2),
            needs=[writes.Need(world.water, 60)],
            warehouse=world.nb,
        ),
    )
    with pytest.raises(ValidationError, match="its own request"):
        commit(world, restock, 10, warehouse=world.nb, by=world.nb_operator)


def test_cancelling_a_commitment_frees_its_lots(world, incident):
    f.receive(world.sh, world.tent, 10)
    commitment = commit(world, f.site_request(incident, {world.tent: 4}), 4)
    assert available(world.sh, world.tent) == 6
    with pytest.raises(ValidationError):
        writes.commitment_cancel(acting_user=world.sh_operator, commitment=commitment, reason="")
    writes.commitment_cancel(acting_user=world.sh_operator, commitment=commitment, reason="车辆故障")
    assert available(world.sh, world.tent) == 10


def test_dispatch_books_the_load_with_the_transport_module_by_the_catalogue_weights(world, incident):
    from yrd.core.models import AuditEntry

    f.receive(world.sh, world.tent, 10)
    commitment = commit(world, f.site_request(incident, {world.tent: 4}), 4)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    commitment.refresh_from_db()
    assert commitment.shipment_booked and commitment.shipment.startswith("SH-")
    booking = AuditEntry.objects.get(action="transport.shipment.book")
    assert booking.object_repr.startswith(commitment.shipment)
    dispatch = AuditEntry.objects.get(action="emergency.commitment.dispatch")
    assert (dispatch.data["shipment"], dispatch.data["tonnes"]) == (commitment.shipment, "0.100")  # 4 x 25 kg


def test_a_load_of_unknown_weight_is_booked_with_the_weight_the_operator_gives(world, incident):
    crate = f.item("spare-parts", kind="equipment", category="rescue")
    f.receive(world.sh, crate, 10)
    commitment = commit(world, f.site_request(incident, {crate: 2}), 2)
    with pytest.raises(ValidationError, match="no weight per unit of spare-parts"):
        writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    for absurd in (0, -1, 90_000, "heavy"):
        with pytest.raises(ValidationError, match="more than 0 and at most 5000 tonnes"):
            writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment, tonnes=absurd)
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment, tonnes=1.5)
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.DISPATCHED
