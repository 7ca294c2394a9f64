import json
from datetime import timedelta

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction
from yrd.innovation import writes
from yrd.innovation.models import Booking, Redemption
from yrd.innovation.tests import factories as f


def post(client, url, body, key=None):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(url, json.dumps(body, default=str), content_type="application/json", **headers)


def test_instruments_are_public(client, world):
    f.instrument(world.sh_lab, code="SEM-1")
    rows = client.get("/api/innovation/instruments").json()
    assert [r["code"] for r in rows] == ["SEM-1"]


def test_a_booking_is_created_once_per_idempotency_key(client, world):
    sem = f.instrument(world.sh_lab, code="SEM-1")
    client.force_login(world.js_firm_user)
    body = {
        "instrument": "SEM-1",
        "firm_uscc": world.js_firm.uscc,
        "starts_at": f.at(3),
        "ends_at": f.at(3, 12),
        "purpose": "形貌表征",
    }
    first = post(client, "/api/innovation/bookings", body, key="b-1")
    again = post(client, "/api/innovation/bookings", body, key="b-1")
    other = post(client, "/api/innovation/bookings", dict(body, purpose="另一个"), key="b-1")
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 409)
    assert first.json()["number"] == again.json()["number"] and Booking.objects.filter(instrument=sem).count() == 1


def test_an_overlapping_booking_is_a_400_naming_the_field(client, world):
    sem = f.instrument(world.sh_lab, code="SEM-1")
    f.booking(sem, world.zj_firm, days=3)
    client.force_login(world.js_firm_user)
    body = {
        "instrument": "SEM-1",
        "firm_uscc": world.js_firm.uscc,
        "starts_at": f.at(3, 11),
        "ends_at": f.at(3, 11) + timedelta(hours=1),
        "purpose": "x",
    }
    response = post(client, "/api/innovation/bookings", body)
    assert response.status_code == 400 and "already booked" in response.json()["errors"]["starts_at"][0]


def test_a_stranger_cannot_book(client, world):
    f.instrument(world.sh_lab, code="SEM-1")
    client.force_login(world.stranger)
    body = {
        "instrument": "SEM-1",
        "firm_uscc": world.js_firm.uscc,
        "starts_at": f.at(3),
        "ends_at": f.at(3, 12),
        "purpose": "x",
    }
    assert post(client, "/api/innovation/bookings", body).status_code == 403


def test_redemption_by_api_is_idempotent_and_another_firm_sees_404(client, world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    booking = f.used_booking(f.instrument(world.sh_lab), world.js_firm)
    url = f"/api/innovation/vouchers/{voucher.number}/redeem"
    client.force_login(world.zj_firm_user)
    assert post(client, url, {"booking": booking.number}).status_code == 404
    client.force_login(world.js_firm_user)
    first = post(client, url, {"booking": booking.number}, key="r-1")
    again = post(client, url, {"booking": booking.number}, key="r-1")
    assert (first.status_code, again.status_code) == (201, 200) and Redemption.objects.count() == 1


def test_settlements_are_for_province_officers(client, world):
    voucher = f.voucher(f.programme("320000"), world.js_firm, "900")
    writes.voucher_redeem(
        acting_user=SYSTEM, voucher=voucher, booking=f.used_booking(f.instrument(world.sh_lab), world.js_firm)
    )
    year, quarter = voucher.issued_on.year, (voucher.issued_on.month - 1) // 3 + 1
    client.force_login(world.js_firm_user)
    assert client.get(f"/api/innovation/settlements/{year}/{quarter}").status_code == 403
    client.force_login(world.js_officer)
    lines = client.get(f"/api/innovation/settlements/{year}/{quarter}").json()
    assert [(r["debtor"], r["creditor"], r["redemptions"]) for r in lines] == [("320000", "310000", 1)]
    client.force_login(world.zj_officer)
    assert client.get(f"/api/innovation/settlements/{year}/{quarter}").json() == []


def test_match_refuses_an_empty_need(client, world):
    response = client.get("/api/innovation/match", {"q": " "})
    assert response.status_code == 400 and response.json()["code"] == "invalid"


def test_a_province_issues_a_voucher_once_per_key_and_another_province_cannot(client, world):
    programme = f.programme("320000", budget="10000", cap="10000")
    url = f"/api/innovation/programmes/320000/{programme.year}/vouchers"
    body = {"firm_uscc": world.js_firm.uscc, "amount_cny": "2500"}
    client.force_login(world.zj_officer)
    assert post(client, url, body, key="v-1").status_code == 404
    client.force_login(world.js_officer)
    first, again = post(client, url, body, key="v-1"), post(client, url, body, key="v-1")
    assert (first.status_code, again.status_code) == (201, 200) and first.json()["number"] == again.json()["number"]
    over = post(client, url, dict(body, amount_cny="8000"))
    assert over.status_code == 400 and "7,500.00 CNY" in over.json()["message"]


BAD_BOOKINGS = [
    ({}, 422),
    ({"instrument": "NOPE", "firm_uscc": "x", "starts_at": "2026-01-01T10:00", "ends_at": "2026-01-01T11:00",
      "purpose": "x"}, 404),
    ({"instrument": "SEM-1", "firm_uscc": "FIRM", "starts_at": "not a date", "ends_at": "2026-01-01T11:00",
      "purpose": "x"}, 422),
    ({"instrument": "SEM-1", "firm_uscc": "FIRM", "starts_at": "2099-01-01T12:00", "ends_at": "2099-01-01T11:00",
      "purpose": "x"}, 400),
    ({"instrument": "SEM-1", "firm_uscc": "FIRM", "starts_at": "2099-01-01T10:00", "ends_at": "2099-01-01T11:00",
      "purpose": "x" * 301}, 422),
]  # fmt: skip


@pytest.mark.parametrize("body,status", BAD_BOOKINGS)
def test_bad_booking_requests_get_a_4xx_with_the_error_shape(client, world, body, status):
    f.instrument(world.sh_lab, code="SEM-1")
    client.force_login(world.js_firm_user)
    body = {k: (world.js_firm.uscc if v == "FIRM" else v) for k, v in body.items()}
    response = post(client, "/api/innovation/bookings", body)
    assert response.status_code == status
    assert {"code", "message"} <= set(response.json())


@pytest.mark.parametrize("hours", ["-1", "0", "1000", "1.234", "abc"])
def test_bad_usage_hours_are_refused(client, world, hours):
    booking = f.booking(f.instrument(world.sh_lab), world.js_firm, days=-1)
    client.force_login(world.sh_provider)
    response = post(
        client, f"/api/innovation/bookings/{booking.number}/usage", {"hours": hours, "used_on": "2020-01-01"}
    )
    assert response.status_code in (400, 422) and {"code", "message"} <= set(response.json())


@pytest.mark.parametrize("path", ["/api/innovation/settlements/99999/1", "/api/innovation/settlements/2026/5"])
def test_an_impossible_quarter_is_a_400(client, world, path):
    client.force_login(world.js_officer)
    assert client.get(path).status_code == 400


def test_the_desk_and_the_csv_survive_nonsense_quarters(client, world):
    client.force_login(world.js_officer)
    assert client.get("/innovation/vouchers/", {"year": "abc", "quarter": "9"}).status_code == 200
    assert client.get("/innovation/settlement/99999/1.csv").status_code == 404


def test_an_officer_moves_a_project_forward_never_back_and_only_in_the_province(client, world):
    project = writes.cooperation_save(
        acting_user=SYSTEM,
        data=writes.CooperationInput(
            title_zh="长三角—芬兰项目", title_en="", partner_country="FI", partner_name="芬兰伙伴", lead=world.sh_lab,
            city=jurisdiction("320100", "city"), stage="signed", milestones=(("签约", "Signed", f.at(-9).date()),),
        ),
    )  # fmt: skip
    url = f"/api/innovation/cooperation/{project.pk}"
    client.force_login(world.zj_officer)
    assert post(client, url + "/stage", {"stage": "underway"}).status_code == 403
    client.force_login(world.js_officer)
    assert post(client, url + "/stage", {"stage": "underway"}).json()["stage"] == "underway"
    back = post(client, url + "/stage", {"stage": "proposed"})
    assert back.status_code == 400 and "earlier stage" in back.json()["message"]
    milestone = project.milestones.get()
    done = post(client, f"{url}/milestones/{milestone.pk}/done", {"done_on": str(f.at(-1).date())})
    assert done.json()["milestones"][0]["done_on"] == str(f.at(-1).date())
    assert client.get("/api/innovation/cooperation", {"partner": "FI"}).json()[0]["stage"] == "underway"
