"""Who may open what: every persona against every page and API read, for their own place and another's.

Members see their own warehouses' stock in detail and everyone else's only as alliance totals; only
coordinators run allocation and drills; nothing opens for a stranger, anonymous visitors are sent to
log in (pages) or refused (API)."""

import pytest
from django.test import Client

from yrd.emergency.tests import factories as f

PERSONAS = [
    "coordinator",
    "zj_coordinator",
    "sh_operator",
    "nb_operator",
    "requester",
    "admin",
    "stranger",
    "anonymous",
]

# path -> expected status per persona, in PERSONAS order
PAGES = {
    "/emergency/": (200, 200, 200, 200, 200, 403, 403, 302),
    "/emergency/warehouses/": (200, 200, 200, 200, 403, 200, 403, 302),
    "/emergency/warehouses/SH-PD01/": (200, 404, 200, 404, 404, 404, 404, 302),
    "/emergency/warehouses/ZJ-NB01/": (200, 200, 404, 200, 404, 404, 404, 302),
    "/emergency/readiness/": (200, 200, 200, 200, 403, 200, 403, 302),
    "/emergency/drills/": (200, 200, 403, 403, 403, 403, 403, 302),
    "/emergency/requests/new/": (200, 200, 200, 200, 200, 403, 403, 302),
}
API = {
    "/api/emergency/warehouses/SH-PD01/stock": (200, 404, 200, 404, 404, 404, 404, 401),
    "/api/emergency/warehouses/ZJ-NB01/ledger": (200, 200, 404, 200, 404, 404, 404, 401),
    "/api/emergency/allocation/runs": (200, 200, 200, 200, 200, 200, 200, 401),
    "/api/emergency/readiness": (200, 200, 200, 200, 403, 200, 403, 401),
}


def client_for(world, persona):
    client = Client()
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client


@pytest.fixture
def stocked(world):
    f.receive(world.sh, world.tent, 40)
    f.receive(world.nb, world.tent, 5)
    return world


@pytest.mark.parametrize("path", sorted(PAGES))
def test_pages_open_for_exactly_the_right_people(stocked, path):
    got = tuple(client_for(stocked, p).get(path).status_code for p in PERSONAS)
    assert dict(zip(PERSONAS, got, strict=True)) == dict(zip(PERSONAS, PAGES[path], strict=True))


@pytest.mark.parametrize("path", sorted(API))
def test_api_reads_answer_exactly_the_right_people(stocked, path):
    got = tuple(client_for(stocked, p).get(path).status_code for p in PERSONAS)
    assert dict(zip(PERSONAS, got, strict=True)) == dict(zip(PERSONAS, API[path], strict=True))


def test_members_see_the_alliance_totals_but_not_who_holds_what(stocked):
    totals = client_for(stocked, "nb_operator").get("/api/emergency/totals").json()
    assert totals == [
        {
            "item": "family-tent",
            "on_hand": 45,
            "available": 45,
            "warehouses": 2,
            "by_province": {"310000": 40, "330000": 5},
        }
    ]
    warehouses = client_for(stocked, "nb_operator").get("/api/emergency/warehouses").json()
    assert {w["code"]: w["stock_in_detail"] for w in warehouses} == {
        "SH-PD01": False,
        "ZJ-NB01": True,
        "AH-HF01": False,
    }
    assert client_for(stocked, "requester").get("/api/emergency/totals").json() == []
    page = client_for(stocked, "nb_operator").get("/emergency/warehouses/").content.decode()
    assert "SH-PD01" in page and "ZJ-NB01" in page
    assert "/emergency/warehouses/SH-PD01/" not in page  # no link into another member's stock


def test_only_coordinators_of_the_place_run_allocation(stocked):
    f.site_request(f.incident(), {stocked.tent: 10})
    expected = {
        "coordinator": 201,
        "zj_coordinator": 201,
        "sh_operator": 403,
        "nb_operator": 403,
        "requester": 403,
        "admin": 403,
        "stranger": 403,
        "anonymous": 401,
    }
    for persona, status in expected.items():
        where = "330000" if persona == "zj_coordinator" else "YRD"
        response = client_for(stocked, persona).post(
            "/api/emergency/allocation/runs", {"jurisdiction": where}, content_type="application/json"
        )
        assert (persona, response.status_code) == (persona, status)
    zj_for_region = client_for(stocked, "zj_coordinator").post(
        "/api/emergency/allocation/runs", {"jurisdiction": "YRD"}, content_type="application/json"
    )
    assert zj_for_region.status_code == 403
