"""Who reads what of the chain: an enterprise its own relations in detail and the rest as aggregates;
officials their province's enterprises; the region all; the public aggregates only, never a share or
a capacity."""

import pytest

from yrd.industry import selectors

pytestmark = pytest.mark.django_db

PERSONAS = ["suzhou_officer", "hefei_officer", "jiangsu", "zhejiang", "region", "planner", "stranger"]

# persona -> enterprises whose relations it reads in detail
DETAIL = {
    "suzhou_officer": {"suzhou_pack"},
    "hefei_officer": {"hefei_oem"},
    "jiangsu": {"suzhou_pack", "cells"},
    "zhejiang": {"ningbo_pack"},
    "region": {"hefei_oem", "shanghai_oem", "suzhou_pack", "ningbo_pack", "cells"},
    "planner": set(),
    "stranger": set(),
}


@pytest.mark.parametrize("who", PERSONAS)
def test_detail_follows_role_and_jurisdiction(world, who):
    expected = {getattr(world, name).pk for name in DETAIL[who]}
    assert selectors.detail_ids(getattr(world, who)) == expected


@pytest.mark.parametrize("who", PERSONAS)
def test_relations_in_detail_are_exactly_those_touching_a_visible_enterprise(world, who):
    visible = {getattr(world, name).pk for name in DETAIL[who]}
    shown = selectors.relations_in_detail(getattr(world, who))
    assert all(r.supplier_id in visible or r.customer_id in visible for r in shown)
    from yrd.industry.models import SupplyRelation

    hidden = SupplyRelation.objects.exclude(pk__in=[r.pk for r in shown])
    assert all(r.supplier_id not in visible and r.customer_id not in visible for r in hidden)


def test_the_graph_names_only_enterprises_in_detail_and_shares_only_of_their_relations(world):
    graph = selectors.chain_graph(world.suzhou_officer)
    named = {n["id"] for n in graph["nodes"] if n["category"] != "city"}
    # Suzhou's own relations: to Hefei, to Shanghai, from the cell maker
    assert named == {
        f"e{world.suzhou_pack.pk}",
        f"e{world.hefei_oem.pk}",
        f"e{world.shanghai_oem.pk}",
        f"e{world.cells.pk}",
    }
    aggregated = [e for e in graph["edges"] if e["source"].startswith("c")]
    assert aggregated and all(e["share"] is None for e in aggregated)  # Ningbo's relations, as city counts


def test_the_public_graph_has_no_enterprise_and_no_share(world):
    from django.contrib.auth.models import AnonymousUser

    graph = selectors.chain_graph(AnonymousUser())
    assert all(n["category"] == "city" for n in graph["nodes"])
    assert all(e["share"] is None for e in graph["edges"])
    assert sum(e["count"] for e in graph["edges"]) == 5


def test_weak_points_list_only_the_readers_customers(world):
    mine = selectors.weak_points(world.hefei_officer)
    assert mine["single_sources"] == []  # Hefei has two pack suppliers
    assert [(c.pk, s) for c, s, *_ in mine["single_cities"]] == []
    shanghai = selectors.weak_points(world.region)["single_sources"]
    assert [(c.pk, comp, s.pk) for c, comp, s in shanghai] == [
        (world.shanghai_oem.pk, "battery-pack", world.suzhou_pack.pk)
    ]
    assert selectors.weak_points(world.zhejiang)["single_sources"] == []
