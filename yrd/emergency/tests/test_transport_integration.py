"""With the transport module's own travel times (its reference network), not the straight-line stand-in
the other tests use: readiness and allocation read them through yrd.transport.interface."""

import pytest

from yrd.core.tests.factories import jurisdiction
from yrd.emergency import writes
from yrd.emergency.selectors.readiness import region_readiness
from yrd.emergency.tests import factories as f
from yrd.transport.interface import travel_time


@pytest.fixture
def transport_travel(settings):
    del settings.EMERGENCY_TRAVEL_TIMES  # back to yrd.transport.interface.travel_time_matrix


def test_readiness_uses_the_transport_networks_travel_times(world, transport_travel):
    f.receive(world.nb, world.water, 1000)
    rows = {row.city.key: row for row in region_readiness(3).cities}
    assert rows["330200"].quantity["water-bottle"] == 1000  # Ningbo, next door
    assert rows["320300"].quantity["water-bottle"] == 0  # Xuzhou, far beyond 3 hours
    far = travel_time(world.nb.place, "320300")
    assert far is not None and far > 3


def test_an_allocation_line_carries_the_transport_modules_travel_time(world, transport_travel):
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(f.incident(), {world.tent: 4}, hours=48)
    run = writes.allocation_run(acting_user=world.coordinator, jurisdiction=jurisdiction("YRD"))
    line = run.lines.get()
    assert line.travel_hours == pytest.approx(travel_time(world.sh.place, request.place))
