"""GeoJSON import is all-or-nothing with every problem named by feature; export imports back unchanged."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.culture import writes
from yrd.culture.geojson import ImportRefused, resources_to_geojson
from yrd.culture.models import HeritageResource
from yrd.culture.tests import factories as f


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def feature(code, city="320500", geometry=None, **properties):
    base = {"code": code, "city": city, "kind": "bridge", "name_zh": "富安桥", "protection": "none"}
    return {"type": "Feature", "geometry": geometry or f.point(), "properties": base | properties}


def test_a_file_with_one_bad_feature_writes_nothing_and_names_each_problem(world):
    text = collection(
        feature("fuan-bridge"),
        feature("bad-one", geometry={"type": "Point", "coordinates": [0, 0]}, protection="world"),
        feature("fuan-bridge"),
    )
    with pytest.raises(ImportRefused) as refused:
        writes.resources_import(acting_user=world.sz_officer, text=text)
    errors = refused.value.errors
    assert errors[0] == "Feature 3: code: used twice in the file"
    with pytest.raises(ImportRefused) as refused:
        writes.resources_import(
            acting_user=world.sz_officer,
            text=collection(
                feature("fuan-bridge"),
                feature("bad-one", geometry={"type": "Point", "coordinates": [0, 0]}, protection="world"),
            ),
        )
    joined = "\n".join(refused.value.errors)
    assert "Feature 2 (bad-one): protection: Unknown value 'world'" in joined
    assert "Feature 2 (bad-one): geometry: The position 0, 0 is outside the Yangtze River Delta" in joined
    assert not HeritageResource.objects.exists()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("not json", "not JSON"),
        (json.dumps({"type": "Feature"}), "FeatureCollection"),
        (collection(), "no features"),
        (collection(feature("x", city="999999")), "unknown city adcode 999999"),
        (collection(feature("x", published="yes")), "published: must be true or false"),
    ],
)
def test_malformed_files_are_refused_with_the_reason(world, text, expected):
    with pytest.raises(ImportRefused) as refused:
        writes.resources_import(acting_user=world.sz_officer, text=text)
    assert expected in "\n".join(refused.value.errors)


def test_a_city_cannot_import_another_citys_resources(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        writes.resources_import(acting_user=world.jx_officer, text=collection(feature("fuan-bridge")))
    assert not HeritageResource.objects.exists()


def test_import_updates_resources_matched_by_code(world):
    writes.resources_import(acting_user=world.sz_officer, text=collection(feature("fuan-bridge")))
    writes.resources_import(
        acting_user=world.sz_officer, text=collection(feature("fuan-bridge", name_en="Fu'an Bridge"))
    )
    assert list(HeritageResource.objects.values_list("code", "name_en")) == [("fuan-bridge", "Fu'an Bridge")]


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
lon = st.floats(min_value=118.0, max_value=122.0, allow_nan=False)
lat = st.floats(min_value=29.0, max_value=33.0, allow_nan=False)


@st.composite
def geometries(draw):
    x, y = draw(lon), draw(lat)
    if draw(st.booleans()):
        return {"type": "Point", "coordinates": [x, y]}
    w, h = draw(st.floats(0.001, 0.1)), draw(st.floats(0.001, 0.1))
    ring = [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


@st.composite
def resource_features(draw):
    properties = {
        "code": draw(st.from_regex(r"[a-z][a-z0-9_-]{0,20}", fullmatch=True)),
        "city": draw(st.sampled_from(["310000", "320500", "330400", "340100"])),
        "kind": draw(st.sampled_from([k for k, _ in HeritageResource.Kind.choices])),
        "name_zh": draw(texts.filter(str.strip)).strip(),
        "name_en": draw(texts).strip(),
        "description_zh": draw(texts).strip(),
        "period": draw(texts).strip(),
        "protection": "none",
        "park": draw(st.sampled_from(["", "yangtze", "grand_canal"])),
        "sensitive": draw(st.booleans()),
        "published": draw(st.booleans()),
        "daily_capacity": draw(st.none() | st.integers(1, 100000)),
    }
    return {"type": "Feature", "geometry": draw(geometries()), "properties": properties}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(features=st.lists(resource_features(), min_size=1, max_size=4, unique_by=lambda f: f["properties"]["code"]))
def test_an_export_imports_back_unchanged(world, features):
    HeritageResource.objects.all().delete()
    writes.resources_import(acting_user=world.office, text=collection(*features))
    exported = resources_to_geojson(HeritageResource.objects.select_related("city").order_by("code"))
    HeritageResource.objects.all().delete()
    writes.resources_import(acting_user=world.office, text=json.dumps(exported))
    again = resources_to_geojson(HeritageResource.objects.select_related("city").order_by("code"))
    assert again == exported
    by_code = {f["properties"]["code"]: f for f in features}
    for out in exported["features"]:
        sent = by_code[out["properties"]["code"]]
        assert out["geometry"] == sent["geometry"]
        assert {k: out["properties"][k] for k in sent["properties"]} == sent["properties"]


def test_the_public_export_leaves_out_unpublished_and_generalises_sensitive_sites(world):
    f.resource(code="open", geometry=f.point(120.84971, 31.11634))
    f.resource(code="secret-spot", sensitive=True, geometry=f.point(120.84971, 31.11634))
    f.resource(code="draft", published=False)
    public = resources_to_geojson(HeritageResource.objects.order_by("code"), public=True)
    shown = {x["properties"]["code"]: x["geometry"]["coordinates"] for x in public["features"]}
    assert shown == {"open": [120.84971, 31.11634], "secret-spot": [120.8, 31.1]}
