"""One restriction through the API: a province's officer puts (enters or changes) and deletes (withdraws)
it by its reference; another province's officer and an operator are refused; bad features name the field."""

import json

import pytest

from yrd.lowalt.models import AirspaceRestriction
from yrd.lowalt.tests.api.test_intents_api import token_for

pytestmark = pytest.mark.django_db

URL = "/api/lowalt/restrictions/310000/SH-API-1"
SQUARE = [[121.40, 31.10], [121.45, 31.10], [121.45, 31.14], [121.40, 31.14], [121.40, 31.10]]


def feature(**changes):
    properties = {
        "id": "SH-API-1",
        "name_zh": "测试禁飞区",
        "kind": "no_fly",
        "lower_m": 0,
        "upper_m": 300,
        "active": {"type": "always"},
        "source": "Shanghai notice 2026-2",
        **changes,
    }
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [SQUARE]}, "properties": properties}


def put(client, data, user):
    return client.put(URL, json.dumps(data), content_type="application/json", **token_for(user))


def test_an_officer_puts_changes_and_deletes_a_restriction(client, world):
    first = put(client, feature(), world.sh_officer)
    assert first.status_code == 200 and first.json()["source"] == "Shanghai notice 2026-2"
    assert put(client, feature(upper_m=150, indicative=True), world.sh_officer).status_code == 200
    saved = AirspaceRestriction.objects.get()
    assert (saved.upper_m, saved.indicative) == (150, True)
    assert client.delete(URL, **token_for(world.sh_officer)).status_code == 204
    assert not AirspaceRestriction.objects.exists()


def test_a_bad_feature_names_the_field_and_others_are_refused(client, world):
    bad = put(client, feature(lower_m=300, upper_m=0, indicative="yes"), world.sh_officer)
    assert bad.status_code == 400 and {"altitude", "indicative"} <= set(bad.json()["errors"])
    assert put(client, feature(id="OTHER"), world.sh_officer).status_code == 400
    assert put(client, feature(), world.js_officer).status_code == 403
    assert put(client, feature(), world.pilot).status_code == 403
    assert not AirspaceRestriction.objects.exists()
    put(client, feature(), world.sh_officer)
    assert client.delete(URL, **token_for(world.js_officer)).status_code == 403
    assert AirspaceRestriction.objects.count() == 1
