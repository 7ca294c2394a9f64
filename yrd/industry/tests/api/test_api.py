"""The API: public aggregates for everyone, detail and writes by role and jurisdiction, errors as
{code, message, errors?}, idempotent creates."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


def post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def test_the_registry_and_hhi_are_public_and_carry_no_figures(client, world):
    registry = client.get("/api/industry/enterprises").json()
    assert len(registry) == 5 and all("share_pct" not in e and "capacity" not in e for e in registry)
    hhi = {row["component"]: row["hhi"] for row in client.get("/api/industry/hhi").json()}
    assert hhi["battery-cell"] == pytest.approx(10000)


def test_relations_need_a_login_and_follow_the_callers_scope(client, world):
    assert client.get("/api/industry/relations").status_code == 401
    client.force_login(world.zhejiang)
    shown = client.get("/api/industry/relations").json()
    assert {(r["supplier"], r["customer"]) for r in shown} == {
        (world.ningbo_pack.pk, world.hefei_oem.pk),
        (world.cells.pk, world.ningbo_pack.pk),
    }


def test_a_relation_above_100_percent_is_a_400_naming_the_field(client, world):
    client.force_login(world.region)
    body = {"supplier": world.ningbo_pack.pk, "customer": world.shanghai_oem.pk, "component": "battery-pack",
            "share_pct": "10", "lead_time_days": 2, "inventory_days": "3"}  # fmt: skip
    answer = post(client, "/api/industry/relations", body)
    assert answer.status_code == 400
    assert answer.json()["code"] == "invalid" and "share_pct" in answer.json()["errors"]
    body["component"] = "unobtainium"
    assert post(client, "/api/industry/relations", body).json()["errors"] == {
        "component": ["Unknown component unobtainium."]
    }


def test_another_enterprise_may_not_write_a_relation(client, world):
    client.force_login(world.hefei_officer)
    body = {"supplier": world.cells.pk, "customer": world.ningbo_pack.pk, "component": "battery-cell",
            "share_pct": "100", "lead_time_days": 2, "inventory_days": "3"}  # fmt: skip
    assert post(client, "/api/industry/relations", body).status_code == 403


def test_an_import_with_a_bad_row_is_a_400_listing_rows(client, world):
    client.force_login(world.jiangsu)
    data = f"uscc,component,annual_units\n{world.cells.organisation.uscc},battery-cell,-1\n".encode()
    answer = client.post("/api/industry/import/capacities", {"file": SimpleUploadedFile("c.csv", data)})
    assert answer.status_code == 400 and answer.json()["errors"][0]["row"] == 2


def test_disruption_runs_for_analysts_only(client, world):
    body = {"cities": ["320400"], "days": 30}
    client.force_login(world.suzhou_officer)
    assert post(client, "/api/industry/disruption", body).status_code == 403
    client.force_login(world.region)
    answer = post(client, "/api/industry/disruption", body)
    assert answer.status_code == 200 and answer.json()["total_lost"] > 0
    assert post(client, "/api/industry/disruption", {"cities": ["999999"], "days": 3}).status_code == 400


def test_saving_a_scenario_twice_with_one_key_saves_it_once(client, world):
    client.force_login(world.region)
    body = {"name": "cells", "cities": ["320400"], "days": 10}
    first = post(client, "/api/industry/scenarios", body, HTTP_IDEMPOTENCY_KEY="k-1")
    again = post(client, "/api/industry/scenarios", body, HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    body["days"] = 11
    assert post(client, "/api/industry/scenarios", body, HTTP_IDEMPOTENCY_KEY="k-1").status_code == 409


def test_an_oem_posts_a_need_and_reads_ranked_candidates(client, world):
    client.force_login(world.hefei_officer)
    body = {"customer": world.hefei_oem.pk, "component": "battery-pack", "volume": "1000", "needed_by": "2026-06-30",
            "required_certification": "IATF 16949"}  # fmt: skip
    need = post(client, "/api/industry/needs", body, HTTP_IDEMPOTENCY_KEY="n-1").json()
    ranked = client.get(f"/api/industry/needs/{need['id']}/candidates").json()
    assert [c["enterprise"] for c in ranked][0] == world.suzhou_pack.pk  # certified
    client.force_login(world.ningbo_officer)
    assert client.get(f"/api/industry/needs/{need['id']}/candidates").status_code == 403
    client.force_login(world.suzhou_officer)
    body["customer"] = world.hefei_oem.pk
    assert post(client, "/api/industry/needs", body).status_code == 403
