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


def test_disruption_gives_each_oems_own_time_to_survive(client, world):
    client.force_login(world.region)
    answer = post(client, "/api/industry/disruption", {"cities": ["320400"], "days": 30}).json()
    by_oem = answer["time_to_survive_by_oem"]
    assert set(by_oem) == {str(world.hefei_oem.pk), str(world.shanghai_oem.pk)}
    # the network lasts as long as its first OEM; each alone, with the other's parts free, lasts longer
    assert all(days > answer["time_to_survive"] for days in by_oem.values())
    only_ningbo = post(client, "/api/industry/disruption", {"enterprises": [world.ningbo_pack.pk], "days": 30}).json()
    assert set(only_ningbo["time_to_survive_by_oem"]) == {str(world.hefei_oem.pk)}  # Shanghai is not its customer


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


def test_data_centres_are_public_and_pue_is_recorded_by_planners_only(client, world):
    from decimal import Decimal

    from yrd.core.actors import SYSTEM
    from yrd.core.tests.factories import jurisdiction
    from yrd.industry import writes

    centre = writes.datacentre_save(
        acting_user=SYSTEM,
        data=writes.CentreInput("芜湖测试数据中心", jurisdiction("340200", "city"), "wuhu", 1000, Decimal(10),
                                Decimal("0.5"), Decimal("0.4"), Decimal("0.5")),
    )  # fmt: skip
    url = f"/api/industry/data-centres/{centre.pk}/pue"
    client.force_login(world.jiangsu)
    assert post(client, url, {"month": "2025-07-01", "pue": "1.24"}).status_code == 403
    client.force_login(world.planner)
    assert post(client, url, {"month": "2025-07-15", "pue": "1.24"}).status_code == 201
    assert post(client, url, {"month": "2025-08-01", "pue": "0.9"}).status_code == 422
    client.logout()
    listed = client.get("/api/industry/data-centres").json()
    assert listed[0]["pue_by_month"] == {"2025-07": "1.240"}


def test_placement_answers_planners_and_names_an_unknown_city(client, world):
    client.force_login(world.planner)
    answer = post(client, "/api/industry/placement", {"demands": [{"city": "999999", "mw": 5, "latency": "batch"}]})
    assert answer.status_code == 400 and "demands[0].city" in answer.json()["errors"]
    client.force_login(world.suzhou_officer)
    answer = post(client, "/api/industry/placement", {"demands": [{"city": "310000", "mw": 5, "latency": "batch"}]})
    assert answer.status_code == 403


CENTRE = {"name_zh": "苏州接口数据中心", "city": "320500", "cluster": "demo_zone", "racks": 800,
          "it_power_mw": "9.5", "utilisation": "0.6", "green_share": "0.3", "electricity_price": "0.6"}  # fmt: skip


def test_a_province_official_creates_a_data_centre_through_the_api_and_a_retry_adds_none(client, world):
    client.force_login(world.jiangsu)
    made = post(client, "/api/industry/data-centres", CENTRE)
    assert made.status_code == 201 and made.json()["city"] == "320500" and made.json()["racks"] == 800
    again = post(client, "/api/industry/data-centres", {**CENTRE, "racks": 900})
    assert again.json()["id"] == made.json()["id"]
    listed = client.get("/api/industry/data-centres").json()
    assert [(c["name"], c["racks"]) for c in listed] == [("苏州接口数据中心", 900)]


@pytest.mark.parametrize("who,status", [("zhejiang", 403), ("suzhou_officer", 403), ("stranger", 403)])
def test_a_data_centre_outside_the_callers_jurisdiction_is_refused(client, world, who, status):
    client.force_login(getattr(world, who))
    answer = post(client, "/api/industry/data-centres", CENTRE)
    assert answer.status_code == status and answer.json()["code"]
    client.logout()
    assert post(client, "/api/industry/data-centres", CENTRE).status_code == 401


@pytest.mark.parametrize(
    "field,value", [("utilisation", "1.2"), ("green_share", "-0.1"), ("racks", -5), ("city", "999999"),
                    ("cluster", "moon"), ("name_zh", "x" * 201), ("it_power_mw", "-1")],
)  # fmt: skip
def test_bad_data_centre_input_is_a_400_naming_the_field(client, world, field, value):
    client.force_login(world.jiangsu)
    answer = post(client, "/api/industry/data-centres", {**CENTRE, field: value})
    assert answer.status_code == 400 and field in answer.json()["errors"]
    assert client.get("/api/industry/data-centres").json() == []
