"""A province's authority imports its restrictions, all or nothing; it cannot touch another province's."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.tests.factories import jurisdiction
from yrd.lowalt import writes
from yrd.lowalt.models import AirspaceRestriction

pytestmark = pytest.mark.django_db

RING = [[121.40, 31.10], [121.45, 31.10], [121.45, 31.14], [121.40, 31.14], [121.40, 31.10]]


def feature(ref, **changes):
    properties = {
        "id": ref,
        "name_zh": "测试禁飞区",
        "kind": "no_fly",
        "lower_m": 0,
        "upper_m": 300,
        "active": {"type": "always"},
    }
    properties.update(changes)
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [RING]}, "properties": properties}


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def test_an_import_creates_then_replaces_by_reference(world):
    shanghai = jurisdiction("310000")
    assert writes.restrictions_import(
        acting_user=world.sh_officer, province=shanghai, text=collection(feature("A"))
    ) == {
        "created": 1,
        "updated": 0,
    }
    writes.restrictions_import(
        acting_user=world.sh_officer, province=shanghai, text=collection(feature("A", upper_m=500))
    )
    assert AirspaceRestriction.objects.get(ref="A").upper_m == 500


def test_one_bad_feature_and_nothing_is_imported(world):
    with pytest.raises(ValidationError) as refused:
        writes.restrictions_import(
            acting_user=world.sh_officer,
            province=jurisdiction("310000"),
            text=collection(feature("A"), feature("B", lower_m=500, upper_m=100)),
        )
    assert refused.value.message_dict["file"][0].startswith("Feature 2 (B): altitude: The altitude band is upside down")
    assert not AirspaceRestriction.objects.exists()


def test_an_officer_cannot_import_into_another_province(world):
    with pytest.raises(PermissionDenied):
        writes.restrictions_import(
            acting_user=world.js_officer, province=jurisdiction("310000"), text=collection(feature("A"))
        )
    with pytest.raises(PermissionDenied):
        writes.restrictions_import(
            acting_user=world.pilot, province=jurisdiction("310000"), text=collection(feature("A"))
        )
