"""Who may open what: every persona against every page and API read, for their own place and another's.

Cities edit their own sites and components; provinces review theirs; the bid office sees everything;
the public sees only what is published and never the exact place of a sensitive site."""

import pytest
from django.test import Client

from yrd.culture.tests import factories as f

PERSONAS = ["sz_officer", "jx_officer", "js_reviewer", "zj_reviewer", "office", "visitor", "anonymous"]

# path -> expected status per persona, in PERSONAS order
PAGES = {
    "/culture/": (200,) * 7,
    "/culture/sites/zhouzhuang/": (200,) * 7,
    "/culture/sites/sz-draft/": (200, 404, 200, 404, 200, 404, 404),
    "/culture/parks/": (200,) * 7,
    "/culture/routes/": (200,) * 7,
    "/culture/bid/": (200,) * 7,
    "/culture/bid/zhouzhuang/": (200, 200, 200, 200, 200, 403, 302),
    "/culture/visits/": (200, 200, 200, 200, 200, 200, 302),
    "/culture/sites/zhouzhuang/edit/": (200, 403, 403, 403, 200, 403, 302),
    "/culture/sites/sz-draft/edit/": (200, 404, 403, 404, 200, 404, 302),
}
API = {
    "/api/culture/resources": (200,) * 7,
    "/api/culture/resources/sz-draft": (200, 404, 200, 404, 200, 404, 404),
    "/api/culture/resources/zhouzhuang/linked-art": (200,) * 7,
    "/api/culture/resources/sz-draft/linked-art": (404,) * 7,
    "/api/culture/bid/progress": (200,) * 7,
    "/api/culture/bid/components/zhouzhuang/sections": (200, 200, 200, 200, 200, 404, 401),
    "/api/culture/reservations": (200, 200, 200, 200, 200, 200, 401),
    "/api/culture/bid/milestones": (200,) * 7,
    "/api/culture/resources/zhouzhuang/files": (200,) * 7,
    "/api/culture/resources/sz-draft/files": (200, 404, 200, 404, 200, 404, 404),
    "/api/culture/resources/sz-draft/availability": (404,) * 7,
}


def client_for(world, persona):
    client = Client()
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client


@pytest.fixture
def places(world):
    f.component(f.town(code="zhouzhuang"))
    f.resource(code="sz-draft", published=False)
    f.resource(code="sz-secret", sensitive=True, geometry=f.point(120.84971, 31.11634))
    return world


@pytest.mark.parametrize("path", sorted(PAGES))
def test_pages_open_for_exactly_the_right_people(places, path):
    got = tuple(client_for(places, p).get(path).status_code for p in PERSONAS)
    assert dict(zip(PERSONAS, got, strict=True)) == dict(zip(PERSONAS, PAGES[path], strict=True))


@pytest.mark.parametrize("path", sorted(API))
def test_api_reads_answer_exactly_the_right_people(places, path):
    got = tuple(client_for(places, p).get(path).status_code for p in PERSONAS)
    assert dict(zip(PERSONAS, got, strict=True)) == dict(zip(PERSONAS, API[path], strict=True))


def test_exact_locations_of_sensitive_sites_go_only_to_the_city_and_the_bid(places):
    exact = {}
    for persona in PERSONAS:
        body = client_for(places, persona).get("/api/culture/resources/sz-secret").json()
        exact[persona] = body["longitude"] == 120.84971
    assert exact == {
        "sz_officer": True,
        "jx_officer": False,
        "js_reviewer": True,
        "zj_reviewer": False,
        "office": True,
        "visitor": False,
        "anonymous": False,
    }
    page = client_for(places, "anonymous").get("/culture/sites/sz-secret/").content.decode()
    assert "120.84971" not in page and "generalised point" in page


def test_only_the_towns_city_and_its_province_move_its_sections(places):
    town = "zhouzhuang"
    put = {"text_zh": "一", "text_en": "one"}
    expected_save = {"sz_officer": 200, "jx_officer": 403, "js_reviewer": 403, "office": 200, "visitor": 404}
    for persona, status in expected_save.items():
        response = client_for(places, persona).put(
            f"/api/culture/bid/components/{town}/sections/1", put, content_type="application/json"
        )
        assert (persona, response.status_code) == (persona, status)
    client_for(places, "sz_officer").post(
        f"/api/culture/bid/components/{town}/sections/1/submit", {}, content_type="application/json"
    )
    for persona, status in {"zj_reviewer": 403, "jx_officer": 403, "js_reviewer": 200}.items():
        response = client_for(places, persona).post(
            f"/api/culture/bid/components/{town}/sections/1/accept", {}, content_type="application/json"
        )
        assert (persona, response.status_code) == (persona, status)
