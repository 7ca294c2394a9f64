"""Restrictions come in and go out as GeoJSON; a bad file is refused whole, naming each feature's problems."""

import json

import pytest

from yrd.lowalt.geojson import ImportRefused, parse_restrictions, restrictions_to_geojson

PVG = [[121.78, 31.12], [121.84, 31.12], [121.84, 31.17], [121.78, 31.17], [121.78, 31.12]]


def feature(ref="SH-PVG-01", **changes):
    properties = {
        "id": ref,
        "name_zh": "浦东国际机场净空保护区",
        "name_en": "Pudong airport protection zone",
        "kind": "no_fly",
        "lower_m": 0,
        "upper_m": 1000,
        "active": {"type": "weekly", "weekdays": [0, 1, 2, 3, 4], "start": "07:00", "end": "09:00"},
    }
    geometry = {"type": "Polygon", "coordinates": [PVG]}
    for key, value in changes.items():
        if key == "geometry":
            geometry = value
        else:
            properties[key] = value
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def refused(text):
    with pytest.raises(ImportRefused) as error:
        parse_restrictions(text)
    return error.value.errors


def test_a_good_file_reads_every_feature():
    (row,) = parse_restrictions(collection(feature()))
    assert (row.ref, row.kind, row.lower_m, row.upper_m) == ("SH-PVG-01", "no_fly", 0, 1000)
    assert row.outline == PVG[:-1]
    assert row.active["weekdays"] == [0, 1, 2, 3, 4]


def test_an_export_imports_again_unchanged():
    rows = parse_restrictions(collection(feature(), feature("SH-HQ-01", kind="controlled", active={"type": "always"})))
    assert parse_restrictions(json.dumps(restrictions_to_geojson(rows))) == rows


def test_every_bad_feature_is_named_with_its_problems_and_nothing_is_read():
    bowtie = {"type": "Polygon", "coordinates": [[[121.5, 31.2], [121.6, 31.3], [121.6, 31.2], [121.5, 31.3]]]}
    errors = refused(collection(feature(), feature("B", upper_m=-5, geometry=bowtie), feature("C", kind="zone")))
    assert errors[0].startswith("Feature 2 (B): geometry: The area's outline crosses itself near")
    assert errors[1].startswith("Feature 2 (B): altitude: The altitude band is upside down")
    assert errors[2] == "Feature 3 (C): kind: must be “no_fly” or “controlled”"


def test_an_id_used_twice_is_refused():
    assert refused(collection(feature(), feature())) == [
        "Feature 2 (SH-PVG-01): id: the id SH-PVG-01 is used twice in the file"
    ]


@pytest.mark.parametrize(
    "active, message",
    [
        ({"type": "weekly", "weekdays": [7], "start": "07:00", "end": "09:00"}, "weekdays must be numbers"),
        ({"type": "windows", "windows": [["2026-06-01T08:00", "2026-06-01T09:00"]]}, "times need a time zone"),
        ({"type": "sometimes"}, "type must be always, windows or weekly"),
        ("always", "type must be always, windows or weekly"),
    ],
)
def test_an_unreadable_schedule_says_why(active, message):
    (error,) = refused(collection(feature(active=active)))
    assert error.startswith("Feature 1 (SH-PVG-01): active: cannot be read:") and message in error


@pytest.mark.parametrize(
    "text, message",
    [
        ("{nope", "The file is not JSON"),
        ('{"type": "Feature"}', "The file must be a GeoJSON FeatureCollection."),
        ('{"type": "FeatureCollection", "features": []}', "The FeatureCollection has no features."),
    ],
)
def test_a_file_that_is_not_a_feature_collection_is_refused(text, message):
    assert refused(text)[0].startswith(message)


def test_text_longer_than_the_database_holds_is_refused_before_it():
    (error,) = refused(collection(feature(name_zh="长" * 201)))
    assert error == "Feature 1 (SH-PVG-01): name_zh: at most 200 characters"


def test_a_polygon_with_a_hole_is_refused():
    hole = {"type": "Polygon", "coordinates": [PVG, PVG]}
    assert refused(collection(feature(geometry=hole))) == [
        "Feature 1 (SH-PVG-01): geometry: must be one outer ring without holes"
    ]
