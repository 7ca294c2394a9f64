"""The registers in pages: an operator registers its own aircraft; an infrastructure officer registers a
site in a city they cover; a province's airspace officer enters,
changes and withdraws a restriction (checked as an imported feature is), and the map says where each
restriction comes from and whether it is only indicative."""

import pytest
from django.test import Client

from yrd.core.models import Jurisdiction
from yrd.core.tests.factories import EnterpriseFactory, person
from yrd.lowalt import writes
from yrd.lowalt.models import Aircraft, AirspaceRestriction, Site
from yrd.lowalt.reference import load_reference
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db

PERSONAS = ["pilot", "other_pilot", "sh_officer", "js_officer", "stranger", "anonymous"]
SQUARE = "121.40, 31.10\n121.45, 31.10\n121.45, 31.14\n121.40, 31.14"
EXPECTED = {  # page -> status per persona (302: sent to log in)
    "fleet": {"pilot": 200, "other_pilot": 200, "sh_officer": 403, "js_officer": 403, "stranger": 403},
    "new restriction": {"pilot": 403, "other_pilot": 403, "sh_officer": 200, "js_officer": 200, "stranger": 403},
    "shanghai restriction": {"pilot": 403, "other_pilot": 403, "sh_officer": 200, "js_officer": 403, "stranger": 403},
}


def restriction_fields(**changes):
    fields = {
        "province": "310000",
        "ref": "SH-TEST-01",
        "name_zh": "测试禁飞区",
        "name_en": "Test no-fly area",
        "kind": "no_fly",
        "outline": SQUARE,
        "lower_m": 0,
        "upper_m": 300,
        "active_type": "always",
        "source": "Shanghai notice 2026-1",
    }
    return {**fields, **changes}


@pytest.fixture
def shanghai_restriction(world):
    province = Jurisdiction.objects.get(level="province", code="310000")
    square = [[121.40, 31.10], [121.45, 31.10], [121.45, 31.14], [121.40, 31.14], [121.40, 31.10]]
    feature = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [square]},
        "properties": {"id": "SH-X", "name_zh": "禁飞区", "kind": "no_fly", "lower_m": 0, "upper_m": 300},
    }
    feature["properties"]["active"] = {"type": "always"}
    return writes.restriction_save(acting_user=world.sh_officer, province=province, feature=feature)


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_reaches_exactly_the_register_pages_its_role_allows(client, world, shanghai_restriction, persona):
    pages = {
        "fleet": "/lowalt/fleet/",
        "new restriction": "/lowalt/restrictions/new/",
        "shanghai restriction": "/lowalt/restrictions/310000/SH-X/",
    }
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    found = {page: client.get(url).status_code for page, url in pages.items()}
    assert found == {page: EXPECTED[page].get(persona, 302) for page in pages}


def test_an_operator_registers_its_own_aircraft_and_files_with_it(client, world):
    client.force_login(world.other_pilot)
    answer = client.post(
        "/lowalt/fleet/",
        {
            "registration": "uas-zj-0042",
            "model_name": "Courier 4",
            "aircraft_class": "light",
            "empty_weight_kg": "3.2",
            "max_takeoff_weight_kg": "6.5",
        },
    )
    assert answer.status_code == 302
    craft = Aircraft.objects.get(registration="UAS-ZJ-0042")
    assert craft.operator == world.other_operator
    assert "UAS-ZJ-0042" in client.get("/lowalt/fleet/").content.decode()
    client.force_login(world.pilot)
    assert "UAS-ZJ-0042" not in client.get("/lowalt/fleet/").content.decode()


def test_an_operator_typing_another_operators_id_neither_sees_nor_registers_for_it(client, world):
    client.force_login(world.pilot)
    other = world.other_operator.pk
    page = client.get(f"/lowalt/fleet/?operator={other}").content.decode()
    assert world.light.registration in page and world.other_light.registration not in page
    fields = {
        "operator": other,
        "registration": "UAS-XX-0001",
        "model_name": "Courier 4",
        "aircraft_class": "light",
        "empty_weight_kg": "3.2",
        "max_takeoff_weight_kg": "6.5",
    }
    client.post(f"/lowalt/fleet/?operator={other}", fields)
    assert not Aircraft.objects.filter(operator=world.other_operator, registration="UAS-XX-0001").exists()


def test_an_aircraft_too_heavy_for_its_class_is_refused_on_the_field_and_not_registered(client, world):
    client.force_login(world.pilot)
    answer = client.post(
        "/lowalt/fleet/",
        {
            "registration": "UAS-SH-9000",
            "model_name": "Lifter",
            "aircraft_class": "light",
            "empty_weight_kg": "5",
            "max_takeoff_weight_kg": "9",
        },
    )
    assert answer.status_code == 200
    assert answer.context["form"].errors["aircraft_class"] == ["A Light aircraft weighs at most 4 kg empty."]
    assert not Aircraft.objects.filter(registration="UAS-SH-9000").exists()


def test_an_officer_enters_a_weekly_restriction_and_flights_meet_it(client, world):
    client.force_login(world.sh_officer)
    fields = restriction_fields(active_type="weekly", weekdays=list(range(7)), daily_start="09:00", daily_end="12:00")
    assert client.post("/lowalt/restrictions/new/", fields).status_code == 302
    saved = AirspaceRestriction.objects.get(ref="SH-TEST-01")
    assert (saved.active["weekdays"], saved.active["start"], saved.active["end"]) == (list(range(7)), "09:00", "12:00")
    assert saved.source == "Shanghai notice 2026-1" and not saved.indicative
    assert not f.file(world.pilot, world.light).accepted  # tomorrow 10:00 over the square
    assert f.file(world.pilot, world.light, f.volume(start=f.tomorrow_at(13))).accepted


def test_a_bad_restriction_is_refused_field_by_field_and_nothing_is_written(client, world):
    client.force_login(world.sh_officer)
    bowtie = "121.40, 31.10\n121.45, 31.14\n121.45, 31.10\n121.40, 31.14"
    answer = client.post("/lowalt/restrictions/new/", restriction_fields(outline=bowtie, lower_m=300, upper_m=0))
    errors = answer.context["form"].errors
    assert answer.status_code == 200 and errors["outline"] and errors["lower_m"]
    assert not AirspaceRestriction.objects.exists()


def test_a_reference_is_not_taken_twice_and_a_change_keeps_it(client, world, shanghai_restriction):
    client.force_login(world.sh_officer)
    taken = client.post("/lowalt/restrictions/new/", restriction_fields(ref="SH-X"))
    assert taken.context["form"].errors["ref"] == ["Shanghai already uses the reference SH-X."]
    changed = client.post("/lowalt/restrictions/310000/SH-X/", restriction_fields(ref="OTHER", upper_m=150))
    assert changed.status_code == 302
    shanghai_restriction.refresh_from_db()
    assert (shanghai_restriction.ref, shanghai_restriction.upper_m) == ("SH-X", 150)


def test_another_province_cannot_change_or_withdraw_it_and_its_officer_withdraws_it(
    client, world, shanghai_restriction
):
    client.force_login(world.js_officer)
    assert client.post("/lowalt/restrictions/310000/SH-X/withdraw/").status_code == 403
    assert client.post("/lowalt/restrictions/310000/SH-X/", restriction_fields(upper_m=10)).status_code == 403
    assert not f.file(world.pilot, world.light).accepted
    client.force_login(world.sh_officer)
    assert client.post("/lowalt/restrictions/310000/SH-X/withdraw/").status_code == 302
    assert not AirspaceRestriction.objects.exists()
    assert f.file(world.pilot, world.light).accepted


def test_the_map_labels_the_indicative_airport_zones_with_their_source(client, world):
    load_reference()
    zone = AirspaceRestriction.objects.get(ref="PVG-APT")
    assert zone.indicative and "SOURCES.md" in zone.source and "W_PVG" in zone.source
    page = client.get("/lowalt/").content.decode()
    assert "indicative" in page and "not the published limits" in page and "W_PVG" in page
    exported = client.get("/lowalt/restrictions/310000.geojson").json()["features"][0]["properties"]
    assert exported["indicative"] is True and exported["source"] == zone.source


def site_fields(owner, **changes):
    fields = {
        "kind": "vertiport",
        "name_zh": "测试垂直起降场",
        "city": "320500",
        "owner_uscc": owner.uscc,
        "longitude": "120.72",
        "latitude": "31.32",
        "pads": 4,
        "charging_points": 2,
        "status": "operating",
    }
    return {**fields, **changes}


def test_an_infrastructure_officer_registers_a_site_in_their_province_and_the_map_shows_it(client, world):
    officer = person("lowalt_infrastructure_officer", "320000")
    client.force_login(officer)
    form = client.get("/lowalt/sites/new/")
    assert form.status_code == 200 and "320500" in form.content.decode() and '"310000"' not in form.content.decode()
    assert client.post("/lowalt/sites/new/", site_fields(EnterpriseFactory())).status_code == 302
    assert Site.objects.get().pads == 4 and "测试垂直起降场" in Client().get("/lowalt/").content.decode()


def test_a_site_with_an_unknown_owner_is_refused_on_the_field_and_others_may_not_register(client, world):
    client.force_login(person("lowalt_infrastructure_officer", "320000"))
    answer = client.post("/lowalt/sites/new/", site_fields(EnterpriseFactory(), owner_uscc="91310000MA1FL0000X"))
    assert answer.status_code == 200 and answer.context["form"].errors["owner_uscc"]
    for refused in (world.pilot, world.sh_officer, world.stranger):
        client.force_login(refused)
        assert client.get("/lowalt/sites/new/").status_code == 403
    assert not Site.objects.exists()
