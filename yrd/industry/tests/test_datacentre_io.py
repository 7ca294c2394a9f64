"""Importing data centres and their PUE from CSV/XLSX: all rows or none, every problem named by row
and column, and an official loads only the centres of his own province."""

import pytest

from yrd.industry.datacentre_io import import_file
from yrd.industry.models import DataCentre, PueReading

from .test_chain_io import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = "city,name_zh,name_en,cluster,racks,it_power_mw,utilisation,green_share,electricity_price"


def test_a_province_official_imports_the_centres_of_his_province_from_xlsx_then_their_pue(world):
    data = xlsx_bytes(
        [
            HEADER.split(","),
            ["320500", "苏州测试数据中心", "Suzhou test DC", "demo_zone", 3000, 36.5, 0.7, 0.35, 0.62],
            ["320200", "无锡测试数据中心", "", "other", 1200, "12", "0.5", "0.2", "0.6"],
        ]
    )
    result = import_file(acting_user=world.jiangsu, kind="datacentres", data=data)
    assert result.ok and result.created == 2
    suzhou = DataCentre.objects.get(name_zh="苏州测试数据中心")
    assert (suzhou.city.code, suzhou.racks, float(suzhou.it_power_mw), float(suzhou.green_share)) == (
        "320500", 3000, 36.5, 0.35,
    )  # fmt: skip
    pue = csv_bytes(
        "city,name_zh,month,pue", "320500,苏州测试数据中心,2025-07,1.24", "320500,苏州测试数据中心,2025-08-01,1.22"
    )
    result = import_file(acting_user=world.jiangsu, kind="pue", data=pue)
    assert result.ok and result.created == 2
    assert [(r.month.isoformat(), float(r.pue)) for r in suzhou.pue_readings.all()] == [
        ("2025-07-01", 1.24),
        ("2025-08-01", 1.22),
    ]
    again = import_file(acting_user=world.jiangsu, kind="pue", data=pue)
    assert again.ok and again.unchanged == 2 and PueReading.objects.count() == 2


def test_one_bad_row_writes_nothing_and_every_problem_is_named(world):
    data = csv_bytes(
        HEADER,
        "320500,好的数据中心,,other,100,5,0.5,0.5,0.6",
        "999999,未知城市,,other,100,5,0.5,0.5,0.6",
        "320500,坏的数据中心,,nowhere,-3,5,1.5,0.5,0.6",
        "320500,好的数据中心,,other,100,5,0.5,0.5,0.6",
    )
    result = import_file(acting_user=world.jiangsu, kind="datacentres", data=data)
    problems = {(e.row, e.column) for e in result.errors}
    assert problems == {(3, "city"), (4, "cluster"), (4, "racks"), (4, "utilisation"), (5, "name_zh")}
    assert DataCentre.objects.count() == 0


def test_an_official_cannot_import_a_centre_of_another_province_and_nothing_is_written(world):
    data = csv_bytes(
        HEADER, "320500,苏州数据中心,,other,100,5,0.5,0.5,0.6", "340200,芜湖数据中心,,wuhu,100,5,0.5,0.5,0.6"
    )
    result = import_file(acting_user=world.jiangsu, kind="datacentres", data=data)
    assert [(e.row, e.column) for e in result.errors] == [(3, "name_zh")]
    assert DataCentre.objects.count() == 0
    assert not import_file(acting_user=world.suzhou_officer, kind="datacentres", data=data).ok


def test_pue_of_an_unknown_centre_or_outside_one_to_five_is_refused(world):
    import_file(
        acting_user=world.jiangsu, kind="datacentres", data=csv_bytes(HEADER, "320500,苏州数据中心,,other,1,1,0,0,0")
    )
    data = csv_bytes("city,name_zh,month,pue", "320500,苏州数据中心,2025-13,1.2", "320500,无此中心,2025-07,1.2",
                     "320500,苏州数据中心,2025-07,0.8")  # fmt: skip
    result = import_file(acting_user=world.jiangsu, kind="pue", data=data)
    assert {(e.row, e.column) for e in result.errors} == {(2, "month"), (3, "name_zh"), (4, "pue")}
    assert PueReading.objects.count() == 0


def test_a_pue_file_uploaded_as_centres_is_named_as_such(world):
    result = import_file(
        acting_user=world.jiangsu, kind="datacentres", data=csv_bytes("city,name_zh,month,pue", "320500,x,2025-07,1.2")
    )
    assert not result.ok and "PUE" in result.errors[0].reason
