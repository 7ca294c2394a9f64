"""datacentre_save and pue_record: every field checked at once, nothing written on a refusal, and
the centre's jurisdiction decides who may keep it."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.tests.factories import jurisdiction
from yrd.industry import writes
from yrd.industry.models import DataCentre, PueReading

pytestmark = pytest.mark.django_db


def centre_input(code="320500", **changes):
    values = {"name_zh": "苏州测试数据中心", "city": jurisdiction(code), "cluster": "demo_zone", "racks": 100,
              "it_power_mw": Decimal(5), "utilisation": Decimal("0.6"), "green_share": Decimal("0.3"),
              "electricity_price": Decimal("0.6")}  # fmt: skip
    return writes.CentreInput(**{**values, **changes})


def test_every_bad_field_is_named_at_once_and_nothing_is_written(world):
    bad = centre_input(name_zh="", cluster="moon", racks=-1, utilisation=Decimal("1.5"), green_share=Decimal(-1),
                       it_power_mw="a lot", city=jurisdiction("320000"))  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        writes.datacentre_save(acting_user=world.jiangsu, data=bad)
    assert set(caught.value.message_dict) == {
        "name_zh", "cluster", "racks", "utilisation", "green_share", "it_power_mw", "city",
    }  # fmt: skip
    assert not DataCentre.objects.exists()


def test_an_official_keeps_the_centres_of_his_province_only(world):
    centre = writes.datacentre_save(acting_user=world.jiangsu, data=centre_input())
    with pytest.raises(PermissionDenied):
        writes.datacentre_save(acting_user=world.jiangsu, data=centre_input("330100"))
    with pytest.raises(PermissionDenied):
        writes.datacentre_save(acting_user=world.zhejiang, data=centre_input(racks=1), centre=centre)
    with pytest.raises(PermissionDenied):
        writes.pue_record(acting_user=world.zhejiang, data_centre=centre, month=date(2025, 7, 1), pue=Decimal("1.2"))
    writes.pue_record(acting_user=world.region, data_centre=centre, month=date(2025, 7, 9), pue=Decimal("1.2"))
    assert [r.month for r in PueReading.objects.all()] == [date(2025, 7, 1)]
    centre.refresh_from_db()
    assert centre.racks == 100


def test_renaming_onto_another_centre_of_the_city_is_refused(world):
    writes.datacentre_save(acting_user=world.jiangsu, data=centre_input(name_zh="甲"))
    other = writes.datacentre_save(acting_user=world.jiangsu, data=centre_input(name_zh="乙"))
    with pytest.raises(ValidationError) as caught:
        writes.datacentre_save(acting_user=world.jiangsu, data=centre_input(name_zh="甲"), centre=other)
    assert "name_zh" in caught.value.message_dict
    assert sorted(DataCentre.objects.values_list("name_zh", flat=True)) == ["乙", "甲"]


def test_the_database_keeps_one_centre_per_name_in_a_city_even_when_two_requests_race(world):
    from django.db import IntegrityError, transaction

    centre = writes.datacentre_save(acting_user=world.jiangsu, data=centre_input())
    twin = DataCentre.objects.get(pk=centre.pk)
    twin.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    assert DataCentre.objects.filter(name_zh=centre.name_zh).count() == 1
