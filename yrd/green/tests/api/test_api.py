"""The green API as a program uses it: errors in the platform's shape, 409 for a reviewed year,
idempotent creation of storage projects and scenarios."""

import pytest
from django.test import Client

from yrd.core.tests.factories import EnterpriseFactory, jurisdiction
from yrd.green.models import StorageProject

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


PERIOD = {
    "entries": [
        {"kind": "grid_electricity", "quantity": "1000", "unit": "MWh"},
        {"kind": "natural_gas", "quantity": "10", "unit": "10^4 Nm3"},
    ],
    "output_quantity": "100",
    "value_added": "1000",
}


def test_a_reporter_enters_submits_and_a_reviewer_approves_through_the_api(world):
    site = world.sz_factory
    reporter, city = signed_in(world.sz_reporter), signed_in(world.sz_city)
    assert (
        reporter.put(f"/api/green/sites/{site.pk}/periods/2024", PERIOD, content_type="application/json").status_code
        == 200
    )
    assert (
        reporter.post(
            f"/api/green/sites/{site.pk}/periods/2024/submit", {}, content_type="application/json"
        ).status_code
        == 200
    )
    approved = city.post(
        f"/api/green/sites/{site.pk}/periods/2024/review", {"note": "ok"}, content_type="application/json"
    )
    assert approved.status_code == 200 and approved.json()["state"] == "reviewed"
    account = city.get(f"/api/green/sites/{site.pk}/periods/2024").json()
    assert account["factors_fixed_at_review"] is True
    assert any("0.5978 tCO2/MWh" in line["formula"] for line in account["lines"])
    published = Client().get(f"/api/green/sites/{site.pk}").json()["published"]
    assert published[0]["year"] == 2024 and published[0]["total"].startswith("801.8")


def test_a_reviewed_year_is_a_conflict(world):
    site = world.sz_factory
    reporter, city = signed_in(world.sz_reporter), signed_in(world.sz_city)
    reporter.put(f"/api/green/sites/{site.pk}/periods/2024", PERIOD, content_type="application/json")
    reporter.post(f"/api/green/sites/{site.pk}/periods/2024/submit", {}, content_type="application/json")
    city.post(f"/api/green/sites/{site.pk}/periods/2024/review", {}, content_type="application/json")
    again = reporter.put(f"/api/green/sites/{site.pk}/periods/2024", PERIOD, content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "period_locked"


def test_bad_units_are_a_400_naming_the_field(world):
    bad = {"entries": [{"kind": "natural_gas", "quantity": "10", "unit": "t"}]}
    response = signed_in(world.sz_reporter).put(
        f"/api/green/sites/{world.sz_factory.pk}/periods/2024", bad, content_type="application/json"
    )
    assert response.status_code == 400
    assert "natural_gas is entered in t" in response.json()["errors"]["activities[0].unit"][0]


def test_storage_projects_are_created_once_per_idempotency_key(world):
    owner = EnterpriseFactory(jurisdiction=jurisdiction("340800"))
    body = {
        "name_zh": "测试抽水蓄能",
        "technology": "pumped_hydro",
        "power_mw": "1200",
        "energy_mwh": "7200",
        "city": "340800",
        "owner_uscc": owner.uscc,
        "planned_on": "2024-03-01",
    }
    officer = signed_in(world.planner)
    first = officer.post("/api/green/storage", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1")
    again = officer.post("/api/green/storage", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1")
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    changed = officer.post(
        "/api/green/storage", {**body, "power_mw": "1300"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert changed.status_code == 409
    assert StorageProject.objects.count() == 1


def test_a_storage_project_moves_forward_only(world):
    owner = EnterpriseFactory(jurisdiction=jurisdiction("320900"))
    body = {
        "name_zh": "测试储能",
        "technology": "electrochemical",
        "power_mw": "100",
        "energy_mwh": "200",
        "city": "320900",
        "owner_uscc": owner.uscc,
        "planned_on": "2024-01-01",
    }
    officer = signed_in(world.js_energy)
    pk = officer.post("/api/green/storage", body, content_type="application/json").json()["id"]
    forward = officer.post(
        f"/api/green/storage/{pk}/stage", {"stage": "construction", "on": "2024-06-01"}, content_type="application/json"
    )
    assert forward.status_code == 200 and forward.json()["approved_on"] == "2024-06-01"
    back = officer.post(
        f"/api/green/storage/{pk}/stage", {"stage": "approved", "on": "2024-07-01"}, content_type="application/json"
    )
    assert back.status_code == 409
    assert (
        signed_in(world.ningbo_city).post("/api/green/storage", body, content_type="application/json").status_code
        == 403
    )


def test_an_absurd_storage_project_is_refused(world):
    owner = EnterpriseFactory(jurisdiction=jurisdiction("320900"))
    body = {
        "name_zh": "测试",
        "technology": "electrochemical",
        "power_mw": "-5",
        "energy_mwh": "9e9",
        "city": "320900",
        "owner_uscc": owner.uscc,
        "planned_on": "2024-01-01",
    }
    response = signed_in(world.js_energy).post("/api/green/storage", body, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) >= {"power_mw", "energy_mwh"}


def test_public_figures_for_the_plan_tracker(world):
    figures = Client().get("/api/green/stats").json()
    assert set(figures) == {"certified_parks", "certified_factories", "intensity_trend", "storage_gw"}


def test_the_city_registers_a_factory_in_a_park_and_certifies_it(world):
    organisation = EnterpriseFactory(jurisdiction=jurisdiction("320500"))
    body = {
        "kind": "factory",
        "name_zh": "新工厂",
        "organisation_uscc": organisation.uscc,
        "city": "320500",
        "park_id": world.sz_park.pk,
        "sector": "electronics",
        "output_unit": "t",
    }
    created = signed_in(world.sz_city).post("/api/green/sites", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["park_id"] == world.sz_park.pk
    pk = created.json()["id"]
    certified = signed_in(world.sz_city).post(
        f"/api/green/sites/{pk}/certifications",
        {
            "kind": "green_factory",
            "level": "municipal",
            "issuing_body": "苏州市工信局",
            "issued_on": "2024-05-01",
            "expires_on": "2027-05-01",
        },
        content_type="application/json",
    )
    assert certified.status_code == 201
    assert Client().get(f"/api/green/sites/{pk}").json()["certifications"][0]["kind"] == "green_factory"


def test_a_park_certificate_on_a_factory_and_a_factory_in_another_city_are_refused(world):
    bad = signed_in(world.sz_city).post(
        f"/api/green/sites/{world.sz_factory.pk}/certifications",
        {"kind": "zero_carbon_park", "level": "national", "issuing_body": "x", "issued_on": "2024-05-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "kind" in bad.json()["errors"]
    organisation = EnterpriseFactory(jurisdiction=jurisdiction("330200"))
    body = {
        "kind": "factory",
        "name_zh": "外地工厂",
        "organisation_uscc": organisation.uscc,
        "city": "330200",
        "park_id": world.sz_park.pk,
    }
    assert signed_in(world.planner).post("/api/green/sites", body, content_type="application/json").status_code == 400
    assert (
        signed_in(world.ningbo_city)
        .post("/api/green/sites", {**body, "park_id": None, "city": "320500"}, content_type="application/json")
        .status_code
        == 403
    )
