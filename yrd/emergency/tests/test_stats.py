"""The figures the plan tracker shows: computed from the ledger each time, None when there is nothing
to say rather than a made-up number."""

from datetime import timedelta

from django.utils import timezone

from yrd.core.registry import registry
from yrd.emergency import stats, writes
from yrd.emergency.models import Commitment, Item
from yrd.emergency.tests import factories as f


def test_the_share_of_cities_reachable_with_every_core_supply_within_12_hours(world):
    assert stats.cities_ready_12h() == 0.0  # core items exist, no stock
    for item in (world.water, world.tent, world.medkit):
        f.receive(world.sh, item, 100)
        f.receive(world.nb, item, 100)
    share = stats.cities_ready_12h()
    assert 0 < share < 100
    Item.objects.update(core=False)
    assert stats.cities_ready_12h() is None


def test_the_figures_are_declared_for_the_plan_tracker(world):
    stat, function = registry.stat("emergency.warehouses")
    assert function() == 3 and stat.unit == ""
    assert registry.stat("emergency.cities_ready_12h")[0].unit == "%"


def test_deliveries_on_time_count_receipts_by_the_needed_by_time(world):
    assert stats.delivered_on_time() is None
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(f.incident(), {world.tent: 4})
    commitment = writes.commitment_create(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        request=request,
        offers=[writes.Offer(request.lines.get(), 4)],
    )
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    pick = commitment.lines.get().picks.get()
    writes.commitment_receive(acting_user=world.requester, commitment=commitment, arrivals=[writes.Arrival(pick, 4)])
    assert stats.delivered_on_time() == 100.0
    Commitment.objects.update(received_at=timezone.now() + timedelta(days=5))
    assert stats.delivered_on_time() == 0.0
