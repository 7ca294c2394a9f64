"""One walk through the whole chain, so a break anywhere shows at once."""

from yrd.emergency import writes
from yrd.emergency.models import Commitment, SupplyRequest
from yrd.emergency.selectors.stock import stock_of
from yrd.emergency.tests import factories as f


def test_a_request_is_allocated_committed_dispatched_and_received(world):
    f.receive(world.sh, world.water, 500)
    f.receive(world.nb, world.water, 100)
    incident = f.incident(by=world.zj_coordinator)
    request = f.site_request(incident, {world.water: 300}, by=world.requester)
    run = writes.allocation_run(acting_user=world.zj_coordinator, jurisdiction=incident.jurisdiction)
    assert run.lines.count() == 1  # only Ningbo is within Zhejiang
    assert run.shortfalls.get().short == 200
    run = writes.allocation_run(
        acting_user=world.coordinator, jurisdiction=world.coordinator.role_assignments.get().jurisdiction
    )
    assert sorted(run.lines.values_list("warehouse__code", "quantity")) == [("SH-PD01", 200), ("ZJ-NB01", 100)]
    writes.allocation_confirm(acting_user=world.coordinator, run=run)
    commitments = {c.warehouse.code: c for c in Commitment.objects.all()}
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitments["SH-PD01"])
    assert sum(row.balance for row in stock_of(world.sh)) == 300
    pick = commitments["SH-PD01"].lines.get().picks.get()
    writes.commitment_receive(
        acting_user=world.requester, commitment=commitments["SH-PD01"], arrivals=[writes.Arrival(pick, 195, 5)]
    )
    request.refresh_from_db()
    assert request.status == SupplyRequest.Status.OPEN  # Ningbo's 100 are still on the way
