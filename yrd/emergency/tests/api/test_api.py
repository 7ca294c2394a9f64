"""The API: every faulty field or line named (400), never a 5xx; a retried write replays (200), a
reused key with another body and a second dispatch are conflicts (409)."""

from datetime import timedelta

from django.utils import timezone

from yrd.core.models import AuditEntry
from yrd.emergency.models import CommitmentPick, StockTransaction, SupplyRequest
from yrd.emergency.tests import factories as f

SOON = (timezone.localdate() + timedelta(days=200)).isoformat()


def receipt(**changes):
    return {
        "counterpart": "红十字会",
        "lines": [{"item": "water-bottle", "lot_number": "W-1", "quantity": 100, "expires_on": SOON}],
    } | changes


def test_a_receipt_is_created_once_and_replayed_with_its_key(world, api):
    operator = api(world.sh_operator)
    first = operator.post("/warehouses/SH-PD01/receipts", receipt(), **{"Idempotency-Key": "r-1"})
    again = operator.post("/warehouses/SH-PD01/receipts", receipt(), **{"Idempotency-Key": "r-1"})
    other = operator.post("/warehouses/SH-PD01/receipts", receipt(counterpart="别人"), **{"Idempotency-Key": "r-1"})
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 409)
    assert first.json()["number"] == again.json()["number"] == "SH-PD01-000001"
    assert other.json()["code"] == "idempotency_key_reused"
    assert StockTransaction.objects.count() == 1


def test_negative_absurd_and_unknown_lines_are_refused_with_each_line_named(world, api):
    operator = api(world.sh_operator)
    bad = receipt(
        lines=[
            {"item": "water-bottle", "lot_number": "W-1", "quantity": -4, "expires_on": SOON},
            {"item": "family-tent", "lot_number": "T-1", "quantity": 99_000_000},
        ]
    )
    response = operator.post("/warehouses/SH-PD01/receipts", bad)
    assert response.status_code == 400
    messages = response.json()["errors"]["lines"]
    assert any("Line 1" in m and "at least 1" in m for m in messages)
    assert any("Line 2" in m and "check the number and the unit" in m for m in messages)
    unknown = operator.post(
        "/warehouses/SH-PD01/receipts", receipt(lines=[{"item": "unicorn", "lot_number": "U", "quantity": 1}])
    )
    assert (unknown.status_code, unknown.json()["errors"]) == (400, {"lines": ["Unknown item: unicorn."]})
    assert not StockTransaction.objects.exists()


def test_a_request_outside_the_region_is_refused(world, api):
    body = f.request_body(f.incident(), site="北京某安置点", latitude=39.9, longitude=116.4)
    response = api(world.coordinator).post("/requests", body)
    assert response.status_code == 400 and "outside the Yangtze River Delta" in response.json()["message"]
    assert not SupplyRequest.objects.exists()


def test_a_receipt_larger_than_what_was_shipped_and_a_second_dispatch_are_refused(world, api):
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(f.incident(), {world.tent: 5})
    offered = api(world.sh_operator).post(
        "/commitments",
        {"warehouse": "SH-PD01", "request": request.number, "lines": [{"item": "family-tent", "quantity": 5}]},
    )
    assert offered.status_code == 201
    number = offered.json()["number"]
    assert offered.json()["allowed_transitions"] == ["dispatch", "cancel"]
    assert api(world.sh_operator).post(f"/commitments/{number}/dispatch", {"shipment": "T-9"}).status_code == 200
    twice = api(world.sh_operator).post(f"/commitments/{number}/dispatch", {})
    assert (twice.status_code, twice.json()["code"]) == (409, "wrong_state")
    pick = CommitmentPick.objects.get()
    too_many = api(world.requester).post(
        f"/commitments/{number}/receive", {"arrivals": [{"pick": pick.pk, "received": 6}]}
    )
    assert too_many.status_code == 400 and "more than the 5 shipped" in too_many.json()["message"]
    ok = api(world.requester).post(
        f"/commitments/{number}/receive", {"arrivals": [{"pick": pick.pk, "received": 4, "damaged": 1}]}
    )
    assert ok.status_code == 200 and ok.json()["status"] == "received"


def test_contacts_are_masked_in_lists_and_shown_to_those_who_work_the_request(world, api):
    request = f.site_request(f.incident(), {world.tent: 5})
    listed = api(world.sh_operator).get("/requests").json()
    assert (listed[0]["contact_name"], listed[0]["contact_phone"]) == ("王*", "138****5678")
    assert api(world.requester).get(f"/requests/{request.number}").json()["contact_phone"] == "13812345678"
    assert api(world.sh_operator).get(f"/requests/{request.number}").json()["contact_phone"] == "138****5678"
    # Each full view is a reveal in the audit log (core.personal): which field, never the value.
    reveals = AuditEntry.objects.filter(action="core.personal.reveal", object_id=str(request.pk))
    assert sorted(e.data["field"] for e in reveals) == ["contact_name", "contact_phone"]
    assert all(e.actor_id == world.requester.pk and "13812345678" not in str(e.data) for e in reveals)


def test_a_coordinator_runs_allocation_and_sees_every_line_and_shortfall(world, api):
    f.receive(world.nb, world.tent, 3)
    request = f.site_request(f.incident(), {world.tent: 5})
    response = api(world.coordinator).post("/allocation/runs", {"jurisdiction": "YRD"})
    assert response.status_code == 201
    body = response.json()
    assert [(line["warehouse"], line["quantity"], line["rank"]) for line in body["lines"]] == [("ZJ-NB01", 3, 1)]
    assert body["shortfalls"] == [
        {
            "request": request.number,
            "item": "family-tent",
            "needed": 5,
            "allocated": 3,
            "short": 2,
            "cause": "shared_shortage",
            "fair_share": 0.6,
        }
    ]
    confirmed = api(world.coordinator).post(f"/allocation/runs/{body['number']}/confirm")
    assert confirmed.json()["status"] == "confirmed"
    assert api(world.sh_operator).post("/allocation/runs", {"jurisdiction": "YRD"}).status_code == 403


def test_readiness_names_cities_without_a_population_instead_of_guessing(world, api):
    f.receive(world.nb, world.water, 1000)
    f.receive(world.nb, world.tent, 10)
    f.receive(world.nb, world.medkit, 10)
    body = api(world.nb_operator).get("/readiness?hours=12").json()
    cities = {c["city"]: c for c in body["cities"]}
    assert len(cities) == 41 and body["core_items"] == ["family-tent", "first-aid-kit", "water-bottle"]
    assert cities["330900"]["population"] is None and cities["330900"]["per_10k"]["water-bottle"] is None
    assert cities["330900"]["quantity"]["water-bottle"] == 1000  # Zhoushan is reached, rate unknown
    assert cities["330200"]["per_10k"]["water-bottle"] == round(1000 * 10_000 / 9_697_000, 3)
    assert 0 < body["share_of_cities_covered"] < 1
    assert api(world.requester).get("/readiness").status_code == 403


def test_a_drill_through_the_api_changes_no_stock(world, api):
    f.receive(world.nb, world.water, 1000)
    before = StockTransaction.objects.count()
    response = api(world.coordinator).post(
        "/drills", {"name": "台风演练", "displaced": {"330200": 1000}, "days": 1, "within_hours": 12}
    )
    assert response.status_code == 201 and response.json()["result"]["cities"]["330200"]["displaced"] == 1000
    assert StockTransaction.objects.count() == before
    not_a_city = api(world.coordinator).post("/drills", {"name": "x", "displaced": {"330000": 10}})
    assert not_a_city.status_code == 400


def test_a_request_retried_from_the_field_is_raised_once(world, api):
    body = f.request_body(f.incident())
    requester = api(world.requester)
    first = requester.post("/requests", body, **{"Idempotency-Key": "field-7"})
    again = requester.post("/requests", body, **{"Idempotency-Key": "field-7"})
    changed = requester.post("/requests", body | {"site": "别处"}, **{"Idempotency-Key": "field-7"})
    assert (first.status_code, again.status_code, changed.status_code) == (201, 200, 409)
    assert first.json()["number"] == again.json()["number"] and SupplyRequest.objects.count() == 1


def test_the_openapi_schema_documents_the_idempotency_key_of_retried_writes(db):
    from django.test import Client

    schema = Client().get("/api/openapi.json").json()
    for path in (
        "/api/emergency/warehouses/{code}/receipts",
        "/api/emergency/requests",
        "/api/emergency/commitments/{number}/dispatch",
    ):
        parameters = schema["paths"][path]["post"]["parameters"]
        assert any(p["in"] == "header" and p["name"] == "Idempotency-Key" for p in parameters), path


def test_administrators_keep_the_catalogue_members_and_warehouses_through_the_api(world, api):
    from yrd.emergency.models import Item, Warehouse

    admin = api(world.admin)
    item = {"name_zh": "发电机", "category": "power", "kind": "equipment", "unit": "set", "unit_weight_kg": 900}
    assert (
        admin.client.put("/api/emergency/items/genset-30kw", item, content_type="application/json").status_code == 200
    )
    assert Item.objects.get(code="genset-30kw").unit_weight_kg == 900
    bad = admin.client.put(
        "/api/emergency/items/genset-30kw", item | {"expires": True}, content_type="application/json"
    )
    assert bad.status_code == 400 and "Equipment does not expire" in bad.json()["message"]
    organisation = f.operator_org("320500")
    assert (
        admin.post(
            "/members",
            {"organisation": organisation.pk, "where": "320500", "kind": "operator", "joined_on": "2025-01-10"},
        ).status_code
        == 201
    )
    body = {
        "name_zh": "苏州仓",
        "member": organisation.pk,
        "city": "320500",
        "address": "工业园区1号",
        "latitude": 31.3,
        "longitude": 120.7,
        "capacity_m3": 3000,
    }
    assert (
        admin.client.put("/api/emergency/warehouses/JS-SZ09", body, content_type="application/json").status_code == 200
    )
    assert Warehouse.objects.get(code="JS-SZ09").city.code == "320500"
    assert (
        api(world.sh_operator)
        .client.put("/api/emergency/items/genset-30kw", item, content_type="application/json")
        .status_code
        == 403
    )


def test_a_warehouse_lists_the_open_requests_it_could_fill_and_others_cannot_read_that_list(world, api):
    f.receive(world.nb, world.tent, 30)
    request = f.site_request(f.incident(), {world.tent: 12})
    answer = api(world.nb_operator).get("/warehouses/ZJ-NB01/fillable")
    assert answer.status_code == 200
    [row] = answer.json()
    assert row["request"] == request.number and row["slack_hours"] >= 0
    assert row["lines"] == [{"item": world.tent.code, "outstanding": 12, "can_give": 12}]
    assert api(world.sh_operator).get("/warehouses/ZJ-NB01/fillable").status_code == 404
    assert api().get("/warehouses/ZJ-NB01/fillable").status_code in (401, 403)
