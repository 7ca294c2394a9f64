"""The figures the plan tracker shows on task 3.07."""

import pytest

from yrd.core.registry import registry
from yrd.transport import stats
from yrd.transport.tests.factories import shipment

pytestmark = pytest.mark.django_db


def test_figures_count_shipments_tonne_km_off_the_road_and_co2_saved(world):
    assert stats.shipments_booked() == 0 and stats.tonne_km_non_road_share() is None and stats.co2_saved_tonnes() == 0
    shipment(world.planner)
    assert stats.shipments_booked() == 1
    assert stats.tonne_km_non_road_share() > 50
    assert stats.co2_saved_tonnes() > 0


def test_the_plan_tracker_finds_the_figures_on_the_multimodal_transport_task(world):
    codes = registry.stats_for_plan_task("3.07")
    assert {"transport.shipments_booked", "transport.tonne_km_non_road", "transport.co2_saved"} <= set(codes)
