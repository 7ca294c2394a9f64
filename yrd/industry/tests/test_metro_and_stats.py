"""Industry statistics are imported all or nothing; the published figures for the plan tracker."""

from decimal import Decimal

import pytest

from yrd.core.registry import registry
from yrd.industry import demo, metro_io, stats
from yrd.industry.models import IndustryIndicator, MetroArea

pytestmark = pytest.mark.django_db


def test_the_six_metropolitan_areas_are_loaded_with_their_member_cities(taxonomy):
    members = {a.code: sorted(c.code for c in a.cities.all()) for a in MetroArea.objects.prefetch_related("cities")}
    assert set(members) == {"shanghai", "nanjing", "hangzhou", "hefei", "ningbo", "suxichang"}
    assert members["suxichang"] == ["320200", "320400", "320500"]
    assert "310000" in members["shanghai"] and len(members["shanghai"]) == 9


def test_a_statistics_file_with_one_bad_row_writes_nothing(taxonomy):
    from yrd.core.tests.factories import person

    planner = person("industry_analyst", "YRD")
    data = (
        b"city,industry,year,value,unit,source\n"
        b"320500,automotive,2023,1200,10^8 CNY,Suzhou yearbook\n"
        b"999999,automotive,2023,10,10^8 CNY,x\n"
        b"320200,automotive,2023,-4,10^8 CNY,x\n"
    )
    result = metro_io.import_file(acting_user=planner, data=data)
    assert {(e.row, e.column) for e in result.errors} == {(3, "city"), (4, "value")}
    assert not IndustryIndicator.objects.exists()
    good = b"city,industry,year,value,unit,source\n320500,automotive,2023,1200,10^8 CNY,Suzhou yearbook\n"
    assert metro_io.import_file(acting_user=planner, data=good).created == 1


def test_an_official_without_the_reference_action_may_not_import_statistics(world):
    data = b"city,industry,year,value,unit,source\n320500,automotive,2023,1200,10^8 CNY,Suzhou yearbook\n"
    assert not metro_io.import_file(acting_user=world.jiangsu, data=data).ok


def test_the_plan_tracker_shows_the_figures_on_their_tasks(taxonomy):
    assert set(registry.stats_for_plan_task("2.02")) >= {"industry.nev_enterprises", "industry.single_source_links"}
    assert set(registry.stats_for_plan_task("2.06")) == {"industry.cluster_it_mw", "industry.cluster_pue"}
    assert registry.stats_for_plan_task("8.01") == ["industry.metro_projects"]
    demo.load_demo()
    assert stats.nev_enterprises() == 20
    assert stats.needs_matched() == 1
    assert stats.cluster_it_mw() == Decimal("412.00")  # 96 + 72 + 64 + 120 + 60 in the two clusters
    assert Decimal("1.15") < stats.cluster_pue() < Decimal("1.35")
    assert stats.metro_projects() == 4
    assert stats.single_source_links() > 0
