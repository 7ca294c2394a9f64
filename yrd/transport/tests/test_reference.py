"""The reference loader: the real network with its sources, loaded again without undoing an administrator."""

import importlib

import pytest
from django.apps import apps as django_apps

from yrd.transport.models import Hub, Link, ModeParameter
from yrd.transport.reference import load_reference
from yrd.transport.routing.parameters import ASSUMED, DEFAULT_HUB_KINDS, DEFAULT_MODES, UNSOURCED, Mode, is_assumed

pytestmark = pytest.mark.django_db


def test_the_reference_network_loads_with_sources_and_derived_links_marked(world):
    assert Hub.objects.count() == 24
    assert Link.objects.get(code="R01").distance_source == "W_HUNING"
    assert Link.objects.filter(derived=True, mode="air").count() == 10
    assert not Link.objects.filter(code="R05").exists()  # no city endpoints: skipped, see data/SOURCES.md
    assert "GLEC" in ModeParameter.objects.get(mode="air").co2_source
    assert ModeParameter.objects.get(mode="sea").co2_source.startswith("Assumed (no published source found")


def test_every_default_names_its_publication_or_says_it_is_assumed_and_why():
    sourced = 0
    for mode in DEFAULT_MODES.values():
        for value in (mode.speed_kmh, mode.cost_per_tkm, mode.co2_kg_per_tkm):
            assert is_assumed(value.source) == (not value.sourced)
            if value.sourced:
                assert any(word in value.source for word in ("Review", "GLEC", "NDRC", "repost"))
                sourced += 1
            else:
                assert len(value.source) > len(ASSUMED) + 20  # a reason follows the word "Assumed"
    for kind in DEFAULT_HUB_KINDS.values():
        for value in (kind.transfer_hours, kind.transfer_cost_per_tonne):
            assert not value.sourced and is_assumed(value.source) and len(value.source) > len(ASSUMED) + 20
    reasons = [m.speed_kmh.source for m in DEFAULT_MODES.values()]
    assert len(set(reasons)) == len(reasons)  # not one generic sentence for every value
    assert sourced == 6  # CO2 of road, rail, river, air; cost of road, rail


def test_the_migration_gives_old_generic_rows_their_reason_and_leaves_changed_values_alone(world):
    sea, rail = ModeParameter.objects.get(mode="sea"), ModeParameter.objects.get(mode="rail")
    sea.co2_source = rail.speed_source = UNSOURCED
    rail.speed_kmh = 55
    sea.save()
    rail.save()
    migration = importlib.import_module("yrd.transport.migrations.0002_assumed_parameter_reasons")
    migration.forwards(django_apps, None)
    assert ModeParameter.objects.get(mode="sea").co2_source == DEFAULT_MODES[Mode.SEA].co2_kg_per_tkm.source
    assert ModeParameter.objects.get(mode="rail").speed_source == UNSOURCED


def test_loading_again_adds_nothing_and_keeps_what_an_administrator_changed(world):
    rail = ModeParameter.objects.get(mode="rail")
    rail.speed_kmh = 55
    rail.save()
    assert load_reference() == {"parameters": 0, "hubs": 0, "links": 0}
    assert ModeParameter.objects.get(mode="rail").speed_kmh == 55
