"""Allocation runs on the database: proposals reserve nothing, confirmation commits every line at once
or nothing, and only coordinators run it, for their own place."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.errors import Conflict
from yrd.core.tests.factories import jurisdiction
from yrd.emergency import writes
from yrd.emergency.models import AllocationRun, Commitment, CommitmentPick
from yrd.emergency.selectors.stock import stock_of
from yrd.emergency.tests import factories as f

NINGBO = ("29.90", "121.88")
HEFEI = ("31.82", "117.23")


def available(warehouse):
    return sum(row.available for row in stock_of(warehouse))


def run(world, where="YRD", by=None):
    return writes.allocation_run(acting_user=by or world.coordinator, jurisdiction=jurisdiction(where))


def test_life_saving_needs_are_served_first_and_the_run_says_who_is_short_of_what(world):
    f.receive(world.nb, world.medkit, 100)
    incident = f.incident()
    routine = f.site_request(incident, {world.medkit: 80}, priority=3)
    urgent = f.site_request(incident, {world.medkit: 60}, priority=1, site="柴桥")
    proposal = run(world)
    given = {line.request_line.request_id: line.quantity for line in proposal.lines.all()}
    assert given == {urgent.pk: 60, routine.pk: 40}
    short = proposal.shortfalls.get()
    assert (short.request_line.request, short.needed, short.allocated, short.cause) == (
        routine,
        80,
        40,
        "shared_shortage",
    )


def test_every_line_says_why_its_warehouse(world):
    f.receive(world.nb, world.tent, 5)
    f.receive(world.sh, world.tent, 50)
    f.site_request(f.incident(), {world.tent: 20})
    lines = {line.warehouse.code: line for line in run(world).lines.all()}
    near, far = lines["ZJ-NB01"], lines["SH-PD01"]
    assert (near.quantity, near.rank, near.stock_left) == (5, 1, 0)
    assert (far.quantity, far.rank, far.alternatives, far.stock_left) == (15, 2, 2, 35)  # Hefei holds no tents
    assert near.travel_hours < far.travel_hours
    assert far.picks[0]["quantity"] == 15


def test_a_proposal_reserves_nothing_and_confirming_it_commits_every_line(world):
    f.receive(world.nb, world.tent, 5)
    f.receive(world.sh, world.tent, 50)
    request = f.site_request(f.incident(), {world.tent: 20})
    proposal = run(world)
    assert available(world.sh) == 50 and not Commitment.objects.exists()
    writes.allocation_confirm(acting_user=world.coordinator, run=proposal)
    assert sorted(Commitment.objects.values_list("warehouse__code", "request", "run")) == [
        ("SH-PD01", request.pk, proposal.pk),
        ("ZJ-NB01", request.pk, proposal.pk),
    ]
    assert available(world.sh) == 35 and CommitmentPick.objects.count() == 2
    with pytest.raises(Conflict, match="already Confirmed"):
        writes.allocation_confirm(acting_user=world.coordinator, run=proposal)


def test_a_run_overtaken_by_events_commits_nothing(world):
    f.receive(world.sh, world.tent, 50)
    f.site_request(f.incident(), {world.tent: 20})
    proposal = run(world)
    writes.stock_issue(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        lines=[writes.IssueLine(world.tent, 40)],
        counterpart="walk-in",
    )
    with pytest.raises(Conflict, match="changed since RUN-.*run the allocation again"):
        writes.allocation_confirm(acting_user=world.coordinator, run=proposal)
    assert not Commitment.objects.exists()


def test_only_coordinators_run_allocation_and_a_province_coordinator_only_for_their_province(world):
    f.receive(world.sh, world.tent, 50)
    f.receive(world.nb, world.tent, 5)
    f.site_request(f.incident(), {world.tent: 20})
    for outsider in (world.sh_operator, world.requester, world.admin, world.stranger):
        with pytest.raises(PermissionDenied):
            run(world, by=outsider)
    with pytest.raises(PermissionDenied):
        run(world, by=world.zj_coordinator)  # the whole region
    zhejiang = run(world, "330000", by=world.zj_coordinator)
    assert set(zhejiang.lines.values_list("warehouse__code", flat=True)) == {"ZJ-NB01"}  # Shanghai's is outside
    with pytest.raises(PermissionDenied):
        writes.allocation_confirm(acting_user=world.sh_operator, run=zhejiang)


def test_a_warehouses_restocking_request_is_served_by_the_others(world):
    f.receive(world.nb, world.water, 500)
    f.receive(world.sh, world.water, 500)
    writes.request_raise(
        acting_user=world.nb_operator,
        data=writes.RequestInput(
            priority=3,
            needed_by=f.timezone.now() + f.timedelta(days=2),
            needs=[writes.Need(world.water, 100)],
            warehouse=world.nb,
        ),
    )
    assert list(run(world).lines.values_list("warehouse__code", flat=True)) == ["SH-PD01"]


def test_nothing_to_allocate_is_said_plainly(world):
    with pytest.raises(ValidationError, match="nothing to allocate"):
        run(world)
    assert not AllocationRun.objects.exists()


def test_discarding_a_proposal_leaves_it_on_record(world):
    f.receive(world.sh, world.tent, 5)
    f.site_request(f.incident(), {world.tent: 2})
    proposal = writes.allocation_discard(acting_user=world.coordinator, run=run(world))
    assert proposal.status == AllocationRun.Status.DISCARDED and not Commitment.objects.exists()
