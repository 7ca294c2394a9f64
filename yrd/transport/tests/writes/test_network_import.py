"""Hubs and links in and out as CSV and GeoJSON: all or nothing, each bad row named."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.models import AuditEntry
from yrd.transport import selectors
from yrd.transport.models import Hub, Link
from yrd.transport.writes import network_import

pytestmark = pytest.mark.django_db

HEADER = "link_id,corridor_name_en,corridor_name_zh,mode,from_city_adcode,to_city_adcode,distance_km,departures\n"


def test_a_file_with_one_bad_row_writes_nothing_and_names_every_bad_row(world):
    text = HEADER + (
        "X1,New rail,新铁路,rail,320100,340100,160,daily 08:00\n"
        "X2,Bad distance,坏距离,rail,320100,340100,-5,\n"
        "X3,Bad city,坏城市,rail,320100,999999,80,\n"
        "X4,Bad timetable,坏班期,rail,320100,340100,80,someday 08:00\n"
    )
    with pytest.raises(ValidationError) as error:
        network_import(acting_user=world.network_admin, kind="links", fmt="csv", text=text)
    rows = error.value.message_dict["rows"]
    assert [r.split(":")[0] for r in rows] == ["row 3", "row 4", "row 5"]
    assert "distance_km" in rows[0] and "to_city_adcode" in rows[1] and "departures" in rows[2]
    assert not Link.objects.filter(code__startswith="X").exists()


def test_a_good_file_adds_and_updates_links_and_is_audited(world):
    text = (
        HEADER
        + "X1,New rail,新铁路,rail,320100,340100,160,mon-fri 08:00\nR01,Shanghai-Nanjing,沪宁,rail,310000,320100,305,\n"
    )
    counts = network_import(acting_user=world.network_admin, kind="links", fmt="csv", text=text)
    assert counts == {"rows": 2, "created": 1, "updated": 1}
    assert Link.objects.get(code="R01").distance_km == 305
    assert Link.objects.get(code="X1").departures == "mon-fri 08:00"
    assert AuditEntry.objects.filter(action="transport.network.import").exists()


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
@pytest.mark.parametrize("kind", ["hubs", "links"])
def test_an_export_imported_again_changes_nothing(world, kind, fmt):
    model = Hub if kind == "hubs" else Link
    before = sorted(model.objects.values_list("code", "updated_at"))
    exported = selectors.network_export(kind, fmt)
    counts = network_import(acting_user=world.network_admin, kind=kind, fmt=fmt, text=exported)
    assert counts["created"] == 0 and counts["rows"] == len(before)
    assert selectors.network_export(kind, fmt) == exported


def test_a_geojson_hub_takes_its_coordinates_from_its_point(world):
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [118.7, 32.05]},
        "properties": {
            "hub_id": "NJ_NEW",
            "hub_name_zh": "南京新港",
            "city_adcode": "320100",
            "hub_type": "river_port",
            "modes": "river",
        },
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    network_import(acting_user=world.network_admin, kind="hubs", fmt="geojson", text=text)
    hub = Hub.objects.get(code="NJ_NEW")
    assert (float(hub.latitude), float(hub.longitude)) == (32.05, 118.7)


@pytest.mark.parametrize("text", ["", "not,a,hub\n1,2,3\n", "{broken json"])
def test_an_unreadable_file_is_refused(world, text):
    with pytest.raises(ValidationError) as error:
        network_import(acting_user=world.network_admin, kind="hubs", fmt="geojson" if "{" in text else "csv", text=text)
    assert "file" in error.value.message_dict


def test_only_network_administrators_import(world):
    with pytest.raises(PermissionDenied):
        network_import(acting_user=world.planner, kind="links", fmt="csv", text=HEADER)
