"""Bad input to the chain's writes is refused with a message naming the field, and nothing is written."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.actors import SYSTEM
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import EnterpriseFactory, jurisdiction
from yrd.industry import writes
from yrd.industry.models import BomLine, Capacity, Component, Enterprise, SupplyRelation

from .. import factories as f

pytestmark = pytest.mark.django_db


def refused(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def test_shares_above_100_percent_of_a_customers_need_are_refused(world):
    third = f.enterprise("320200", "tier1", capacity={"battery-pack": 1000})
    before = SupplyRelation.objects.count()
    errors = refused(lambda: f.relation(third, world.hefei_oem, "battery-pack", share=1))
    assert "101.00%" in errors["share_pct"][0]
    assert SupplyRelation.objects.count() == before


def test_updating_a_relation_counts_its_own_share_once(world):
    relation = f.relation(world.suzhou_pack, world.hefei_oem, "battery-pack", share=55)
    assert relation.share_pct == Decimal(55)


def test_a_share_of_zero_or_above_100_is_refused_before_anything_else(world):
    assert "share_pct" in refused(lambda: f.relation(world.cells, world.hefei_oem, "battery-cell", share=0))
    assert "share_pct" in refused(lambda: f.relation(world.cells, world.hefei_oem, "battery-cell", share=101))


def test_a_relation_that_makes_a_component_supply_itself_is_refused(world):
    # cells -> suzhou pack already; suzhou pack -> cells for the same component closes a loop
    before = SupplyRelation.objects.count()
    errors = refused(lambda: f.relation(world.suzhou_pack, world.cells, "battery-cell", share=10))
    assert "supply itself" in errors["customer"][0]
    assert SupplyRelation.objects.count() == before


def test_a_longer_cycle_is_refused_too(world):
    third = f.enterprise("320200", "tier2", capacity={"battery-cell": 100})
    f.relation(world.ningbo_pack, third, "battery-cell", share=10)  # ningbo passes cells on to third
    errors = refused(
        lambda: f.relation(third, world.cells, "battery-cell", share=10)
    )  # third -> cells -> ningbo -> third
    assert "customer" in errors


def test_an_enterprise_cannot_supply_itself(world):
    assert "supplier" in refused(lambda: f.relation(world.cells, world.cells, "battery-cell", share=10))


def test_negative_capacities_lead_times_and_inventories_are_refused(world):
    pack = f.component("battery-pack")
    errors = refused(
        lambda: writes.capacity_set(
            acting_user=SYSTEM, enterprise=world.ningbo_pack, component=pack, annual_units=Decimal(-1)
        )
    )
    assert errors == {"annual_units": ["Cannot be negative."]}
    assert Capacity.objects.get(enterprise=world.ningbo_pack).annual_units == 30000
    data = writes.RelationInput(world.ningbo_pack, world.shanghai_oem, pack, Decimal(10), -1, Decimal(-2))
    errors = refused(lambda: writes.relation_save(acting_user=SYSTEM, data=data))
    assert set(errors) == {"lead_time_days", "inventory_days"}


def test_a_component_that_would_go_into_itself_is_refused(taxonomy):
    # lithium carbonate goes into cathode, which goes into cells; a cell inside lithium carbonate closes the loop
    errors = refused(
        lambda: writes.component_save(
            acting_user=SYSTEM,
            code="lithium-carbonate",
            name_zh="碳酸锂",
            name_en="Lithium carbonate",
            tier="material",
            unit="kg",
            parts={"battery-cell": Decimal(1)},
        )  # fmt: skip
    )
    assert "supply itself" in errors["parts"][0]
    assert not BomLine.objects.filter(product__code="lithium-carbonate").exists()


def test_unknown_parts_and_tiers_are_named(taxonomy):
    errors = refused(
        lambda: writes.component_save(
            acting_user=SYSTEM, code="x", name_zh="某", name_en="X", tier="tier9", parts={"nope": Decimal(1)}
        )
    )
    assert set(errors) == {"tier", "parts"}
    assert not Component.objects.filter(code="x").exists()


def test_text_longer_than_its_column_is_refused_before_the_database(taxonomy):
    errors = refused(
        lambda: writes.component_save(acting_user=SYSTEM, code="y", name_zh="长" * 61, name_en="Y", tier="tier2")
    )
    assert "name_zh" in errors


def test_an_enterprise_must_be_in_a_city_and_have_a_uscc(taxonomy):
    organisation = EnterpriseFactory(jurisdiction=jurisdiction("320500"))
    errors = refused(
        lambda: writes.enterprise_register(
            acting_user=SYSTEM, organisation=organisation, city=jurisdiction("320000"), tier="oem"
        )
    )
    assert "city" in errors
    assert not Enterprise.objects.exists()


def test_an_enterprise_keeps_its_own_relations_but_not_others(world):
    new_oem = f.enterprise("340200", "oem", capacity={"vehicle": 1000})
    data = writes.RelationInput(world.ningbo_pack, new_oem, f.component("battery-pack"), Decimal(50), 2, Decimal(1))
    with pytest.raises(PermissionDenied):
        writes.relation_save(acting_user=world.hefei_officer, data=data)
    saved = writes.relation_save(acting_user=world.ningbo_officer, data=data)
    assert saved.reviewed_at is None
    assert AuditEntry.objects.filter(action="industry.relation.save", object_id=str(saved.pk)).exists()


def test_the_province_reviews_and_another_province_may_not(world):
    relation = SupplyRelation.objects.get(supplier=world.cells, customer=world.suzhou_pack)
    with pytest.raises(PermissionDenied):
        writes.relation_review(acting_user=world.zhejiang, relation=relation)
    reviewed = writes.relation_review(acting_user=world.jiangsu, relation=relation)
    assert reviewed.reviewed_by == world.jiangsu


def test_an_enterprise_cannot_change_another_enterprises_capacity(world):
    with pytest.raises(PermissionDenied):
        writes.capacity_set(
            acting_user=world.suzhou_officer,
            enterprise=world.ningbo_pack,
            component=f.component("battery-pack"),
            annual_units=1,
        )


def test_a_cooperation_project_joins_member_cities_and_names_a_plan_task(taxonomy):
    from yrd.industry.models import MetroArea

    area = MetroArea.objects.get(code="suxichang")
    cities = [jurisdiction("320500", "city"), jurisdiction("320200", "city")]
    outside = [cities[0], jurisdiction("340100", "city")]
    errors = refused(
        lambda: writes.cooperation_save(
            acting_user=SYSTEM, metro_area=area, name_zh="项目", cities=outside, plan_task="8-1"
        )
    )
    assert set(errors) == {"cities", "plan_task"}
    project = writes.cooperation_save(
        acting_user=SYSTEM, metro_area=area, name_zh="项目", cities=cities, plan_task="8.01"
    )
    assert project.plan_task == "8.01"
