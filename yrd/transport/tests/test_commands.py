"""The batch commands: a travel-time matrix between files of places, and a network import."""

import csv

import pytest
from django.core.management import CommandError, call_command

from yrd.transport.models import Link

pytestmark = pytest.mark.django_db


def test_the_matrix_command_writes_hours_between_files_of_places(world, tmp_path):
    (tmp_path / "o.csv").write_text("id,place,lat,lon\nW1,310000,,\nW2,,31.3,120.6\n", encoding="utf-8")
    (tmp_path / "d.csv").write_text("id,place\nD1,NJ_PORT\nD2,330300\n", encoding="utf-8")
    call_command("transport_matrix", tmp_path / "o.csv", tmp_path / "d.csv", tmp_path / "m.csv")
    rows = list(csv.reader(open(tmp_path / "m.csv", encoding="utf-8")))
    assert rows[0] == ["origin", "D1", "D2"] and [r[0] for r in rows[1:]] == ["W1", "W2"]
    assert all(float(h) > 0 for r in rows[1:] for h in r[1:])


def test_the_matrix_command_names_a_bad_row(world, tmp_path):
    (tmp_path / "o.csv").write_text("id,lat,lon\nW1,north,120\n", encoding="utf-8")
    with pytest.raises(CommandError, match="row 2"):
        call_command("transport_matrix", tmp_path / "o.csv", tmp_path / "o.csv", tmp_path / "m.csv")


def test_the_import_command_lists_every_bad_row_and_writes_nothing(world, tmp_path):
    path = tmp_path / "links.csv"
    path.write_text(
        "link_id,corridor_name_en,corridor_name_zh,mode,from_city_adcode,to_city_adcode,distance_km\n"
        "N1,a,甲,rail,320100,340100,-1\nN2,b,乙,canoe,320100,340100,10\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="row 2.*\n.*row 3"):
        call_command("transport_import", "links", path)
    assert not Link.objects.filter(code__in=["N1", "N2"]).exists()
