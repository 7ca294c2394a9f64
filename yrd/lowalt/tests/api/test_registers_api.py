"""The registers through the API: infrastructure officers register sites, operators their aircraft;
bad input names the field and writes nothing."""

import json
from decimal import Decimal

import pytest

from yrd.core.tests.factories import EnterpriseFactory, person
from yrd.lowalt.models import Aircraft, Site
from yrd.lowalt.tests.api.test_intents_api import token_for

pytestmark = pytest.mark.django_db


def site(owner, **changes):
    return {
        "kind": "vertiport",
        "name_zh": "测试垂直起降场",
        "city": "320500",
        "owner": owner.pk,
        "longitude": "120.72",
        "latitude": "31.32",
        "pads": 4,
        "charging_points": 2,
        **changes,
    }


def post(client, url, data, auth):
    return client.post(url, json.dumps(data), content_type="application/json", **auth)


def test_an_infrastructure_officer_registers_a_site_and_anyone_sees_it(client, world):
    officer = person("lowalt_infrastructure_officer", "320000")
    owner = EnterpriseFactory()
    answer = post(client, "/api/lowalt/sites", site(owner), token_for(officer))
    assert answer.status_code == 201 and answer.json()["pads"] == 4
    assert [s["name"] for s in client.get("/api/lowalt/sites").json()] == ["测试垂直起降场"]


def test_a_site_outside_the_officer_s_province_is_refused(client, world):
    officer = person("lowalt_infrastructure_officer", "330000")
    answer = post(client, "/api/lowalt/sites", site(EnterpriseFactory()), token_for(officer))
    assert answer.status_code == 403 and not Site.objects.exists()


def test_a_site_outside_the_region_is_refused_naming_the_field(client, world):
    officer = person("lowalt_infrastructure_officer", "320000")
    answer = post(client, "/api/lowalt/sites", site(EnterpriseFactory(), longitude="113.26"), token_for(officer))
    assert answer.status_code == 400 and "longitude" in answer.json()["errors"]


def test_an_operator_registers_an_aircraft_whose_class_fits_its_weight(client, world):
    auth = token_for(world.pilot)
    good = {
        "registration": "uas-test-01",
        "model_name": "L6",
        "aircraft_class": "light",
        "empty_weight_kg": "3.2",
        "max_takeoff_weight_kg": "6.8",
    }
    assert post(client, "/api/lowalt/aircraft", good, auth).status_code == 201
    assert Aircraft.objects.get(registration="UAS-TEST-01").empty_weight_kg == Decimal("3.200")
    heavy = {**good, "registration": "UAS-TEST-02", "max_takeoff_weight_kg": "30"}
    answer = post(client, "/api/lowalt/aircraft", heavy, auth)
    assert answer.status_code == 400
    assert answer.json()["errors"]["aircraft_class"] == ["A Light aircraft takes off at 7 kg at most."]


def test_a_person_without_an_operator_cannot_register_aircraft(client, world):
    answer = post(
        client,
        "/api/lowalt/aircraft",
        {
            "registration": "X-123456",
            "model_name": "m",
            "aircraft_class": "light",
            "empty_weight_kg": "1",
            "max_takeoff_weight_kg": "2",
        },
        token_for(world.stranger),
    )
    assert answer.status_code == 400 and "operator" in answer.json()["errors"]
