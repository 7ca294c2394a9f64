"""The reference loader: the real network with its sources, loaded again without undoing an administrator."""

import pytest

from yrd.transport.models import Hub, Link, ModeParameter
from yrd.transport.reference import load_reference

pytestmark = pytest.mark.django_db


def test_the_reference_network_loads_with_sources_and_derived_links_marked(world):
    assert Hub.objects.count() == 24
    assert Link.objects.get(code="R01").distance_source == "W_HUNING"
    assert Link.objects.filter(derived=True, mode="air").count() == 10
    assert not Link.objects.filter(code="R05").exists()  # no city endpoints: skipped, see data/SOURCES.md
    assert "GLEC" in ModeParameter.objects.get(mode="air").co2_source
    assert "No published source" in ModeParameter.objects.get(mode="sea").co2_source


def test_loading_again_adds_nothing_and_keeps_what_an_administrator_changed(world):
    rail = ModeParameter.objects.get(mode="rail")
    rail.speed_kmh = 55
    rail.save()
    assert load_reference() == {"parameters": 0, "hubs": 0, "links": 0}
    assert ModeParameter.objects.get(mode="rail").speed_kmh == 55
