"""The culture API: idempotent creates, errors in the platform's shape, exports and routes."""

import json

from django.test import Client

from yrd.culture.models import HeritageResource, Reservation
from yrd.culture.tests import factories as f


def client(user=None):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def body(**fields):
    base = {
        "code": "shuangqiao",
        "city": "320500",
        "kind": "bridge",
        "name_zh": "双桥",
        "name_en": "Twin Bridges",
        "protection": "provincial",
        "listing_document": "苏政发〔1995〕1号",
        "geometry": f.point(),
        "published": True,
    }
    return base | fields


def post(c, path, data, **headers):
    return c.post(path, json.dumps(data), content_type="application/json", headers=headers)


def test_a_create_retried_with_its_key_returns_the_same_resource(world):
    c = client(world.sz_officer)
    first = post(c, "/api/culture/resources", body(), **{"Idempotency-Key": "a1"})
    again = post(c, "/api/culture/resources", body(), **{"Idempotency-Key": "a1"})
    other = post(c, "/api/culture/resources", body(name_en="Other"), **{"Idempotency-Key": "a1"})
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 409)
    assert first.json() == again.json() and HeritageResource.objects.count() == 1
    assert other.json()["code"] == "idempotency_key_reused"


def test_bad_input_gets_400_naming_each_field(world):
    response = post(
        client(world.sz_officer),
        "/api/culture/resources",
        body(protection="unesco", geometry={"type": "Point", "coordinates": [200, 95]}),
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"protection", "geometry"} and "outside the Yangtze River Delta" in errors["geometry"][0]
    assert post(client(world.sz_officer), "/api/culture/resources", body(city="999999")).json()["errors"] == {
        "city": ["999999 is not one of the region's cities."]
    }


def test_another_city_gets_403_and_anonymous_401(world):
    assert post(client(world.jx_officer), "/api/culture/resources", body()).status_code == 403
    assert post(client(), "/api/culture/resources", body()).status_code == 401


def test_the_public_reads_published_resources_with_sensitive_ones_generalised(world):
    f.resource(code="secret", sensitive=True, geometry=f.point(120.84971, 31.11634))
    f.resource(code="draft", published=False)
    anonymous = client().get("/api/culture/resources").json()
    assert [(r["code"], r["longitude"], r["generalised"]) for r in anonymous] == [("secret", 120.8, True)]
    officer = client(world.sz_officer).get("/api/culture/resources").json()
    assert {(r["code"], r["longitude"]) for r in officer} == {("secret", 120.84971), ("draft", 120.8497)}
    assert client().get("/api/culture/resources/draft").status_code == 404
    points = client().get("/api/culture/map?bbox=120,30,121,32").json()["points"]
    assert [(p["code"], p["lon"]) for p in points] == [("secret", 120.8)]
    assert client().get("/api/culture/map?bbox=1,2").status_code == 400


def test_exports_as_geojson_csv_and_linked_art(world):
    f.resource(code="fuan", name_en="Fu'an Bridge", description_zh="元代石拱桥", kind="bridge", period="元")
    geojson = client().get("/api/culture/resources.geojson").json()
    assert [x["properties"]["code"] for x in geojson["features"]] == ["fuan"]
    csv_text = client().get("/api/culture/resources.csv").content.decode()
    assert csv_text.splitlines()[1].startswith("fuan,bridge,测试古建筑,Fu'an Bridge")
    doc = client().get("/api/culture/resources/fuan/linked-art").json()
    assert doc["@context"] == "https://linked.art/ns/v1/linked-art.json"
    assert doc["type"] == "HumanMadeObject" and doc["current_location"]["defined_by"].startswith("POINT")
    assert {n["content"] for n in doc["identified_by"]} == {"测试古建筑", "Fu'an Bridge", "fuan"}
    assert doc["referred_to_by"][0]["language"][0]["_label"] == "Chinese"


def test_booking_through_the_api_is_idempotent_and_refuses_overbooking(world):
    site = f.bookable(5, code="wuzhen-east")
    c = client(world.visitor)
    data = {
        "site": site.code,
        "visit_date": str(f.tomorrow()),
        "party_size": 4,
        "contact_name": "李四",
        "contact_phone": "13900001111",
    }
    first = post(c, "/api/culture/reservations", data, **{"Idempotency-Key": "b1"})
    again = post(c, "/api/culture/reservations", data, **{"Idempotency-Key": "b1"})
    assert (first.status_code, again.status_code) == (201, 200) and Reservation.objects.count() == 1
    over = post(c, "/api/culture/reservations", data | {"party_size": 2})
    assert over.status_code == 400 and "Only 1 places are left" in over.json()["errors"]["party_size"][0]
    assert post(client(), "/api/culture/reservations", data).status_code == 401
    manager_view = client(world.sz_officer).get("/api/culture/reservations").json()
    assert manager_view[0]["contact_phone"] != "13900001111"  # masked for the site's managers
    number = first.json()["number"]
    assert post(client(world.jx_officer), f"/api/culture/reservations/{number}/cancel", {}).status_code == 404
    assert post(c, f"/api/culture/reservations/{number}/cancel", {}).json()["status"] == "cancelled"


def test_a_route_orders_the_stops_and_names_its_basis(world):
    towns = {
        "nanxun": (120.4247, 30.8735),
        "luzhi": (120.8518, 31.2660),
        "xitang": (120.8886, 30.9437),
        "wuzhen": (120.4876, 30.7447),
    }
    for code, centre in towns.items():
        f.resource(code=code, geometry=f.point(*centre))
    response = post(client(), "/api/culture/routes", {"stops": list(towns), "start": "luzhi"})
    assert response.status_code == 200
    route = response.json()
    assert [s["code"] for s in route["stops"]] == ["luzhi", "xitang", "wuzhen", "nanxun"]
    assert (route["basis"], route["unit"]) == ("straight_line", "km")
    assert route["geojson"]["geometry"]["type"] == "LineString"
    refused = post(client(), "/api/culture/routes", {"stops": ["luzhi", "atlantis"]})
    assert refused.status_code == 400 and refused.json()["errors"] == {"stops": ["Unknown site: atlantis."]}
    too_many = post(client(), "/api/culture/routes", {"stops": [f"s{i}" for i in range(13)]})
    assert "at most 12 stops" in too_many.json()["errors"]["stops"][0]


def test_the_bid_progress_is_public_and_the_texts_are_for_the_bid(world):
    component = f.component()
    town = component.resource.code
    progress = client().get("/api/culture/bid/progress").json()
    assert progress[0]["town"] == town and progress[0]["percent"] == 0
    assert client().get(f"/api/culture/bid/components/{town}/sections").status_code == 401
    assert client(world.visitor).get(f"/api/culture/bid/components/{town}/sections").status_code == 404
    c = client(world.sz_officer)
    saved = c.put(
        f"/api/culture/bid/components/{town}/sections/1",
        json.dumps({"text_zh": "周庄位于昆山", "text_en": "Zhouzhuang lies in Kunshan"}),
        content_type="application/json",
    ).json()
    assert (saved["status"], saved["moves"]) == ("draft", ["submit"])
    moved = post(c, f"/api/culture/bid/components/{town}/sections/1/submit", {})
    assert moved.json()["status"] == "submitted"
    assert post(c, f"/api/culture/bid/components/{town}/sections/1/accept", {}).status_code == 403
    accepted = post(client(world.js_reviewer), f"/api/culture/bid/components/{town}/sections/1/accept", {})
    assert accepted.json()["status"] == "accepted"
    assert (
        post(client(world.js_reviewer), f"/api/culture/bid/components/{town}/sections/1/accept", {}).status_code == 409
    )
