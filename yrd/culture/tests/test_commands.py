"""The batch command imports all or nothing and exports what the public may see."""

import json

import pytest
from django.core.management import CommandError, call_command

from yrd.culture.models import HeritageResource
from yrd.culture.tests import factories as f


def test_import_then_export_round_trips_the_published_inventory(world, tmp_path):
    source = tmp_path / "in.geojson"
    feature = {
        "type": "Feature",
        "geometry": f.point(120.8493, 31.1170),
        "properties": {
            "code": "shuangqiao",
            "city": "320500",
            "kind": "bridge",
            "name_zh": "双桥",
            "protection": "none",
            "published": True,
        },
    }
    source.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    call_command("culture_heritage", "--import", str(source))
    f.resource(code="secret", sensitive=True, geometry=f.point(120.84971, 31.11634))
    call_command("culture_heritage", "--export", str(tmp_path / "out"))
    exported = json.loads((tmp_path / "out" / "resources.geojson").read_text(encoding="utf-8"))
    assert {x["properties"]["code"]: x["geometry"]["coordinates"] for x in exported["features"]} == {
        "shuangqiao": [120.8493, 31.117],
        "secret": [120.8, 31.1],
    }
    assert (tmp_path / "out" / "linked-art" / "shuangqiao.jsonld").exists()
    assert "shuangqiao,bridge,双桥" in (tmp_path / "out" / "resources.csv").read_text(encoding="utf-8")


def test_a_bad_file_imports_nothing_and_says_why(world, tmp_path):
    source = tmp_path / "bad.geojson"
    source.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}', encoding="utf-8")
    with pytest.raises(CommandError, match="Feature 1: properties: missing"):
        call_command("culture_heritage", "--import", str(source))
    assert not HeritageResource.objects.exists()
