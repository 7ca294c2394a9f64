"""Entry slots in the API: the city's officer sets them, others are refused; availability per entry
is public for a published bookable site; a booking names its entry and bad times are refused by field."""

import json

from django.test import Client

from yrd.culture.tests import factories as f


def client(user=None):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def put(c, path, data):
    return c.put(path, json.dumps(data), content_type="application/json")


def post(c, path, data):
    return c.post(path, json.dumps(data), content_type="application/json")


ENTRIES = [{"starts": "09:00", "ends": "10:00", "capacity": 4}, {"starts": "10:00", "ends": "11:00", "capacity": 6}]


def test_the_city_sets_entries_and_others_are_refused(world):
    f.bookable(10, code="zhouzhuang-hall")
    path = "/api/culture/resources/zhouzhuang-hall/slots"
    assert put(client(world.jx_officer), path, ENTRIES).status_code == 403
    assert put(client(world.visitor), path, ENTRIES).status_code == 403
    assert put(client(), path, ENTRIES).status_code == 401
    bad = put(client(world.sz_officer), path, [{"starts": "9h", "ends": "10:00", "capacity": 4}])
    assert bad.status_code == 400 and "slots[1]" in bad.json()["errors"]
    done = put(client(world.sz_officer), path, ENTRIES)
    assert done.status_code == 200 and [e["slot"] for e in done.json()] == ["09:00–10:00", "10:00–11:00"]


def test_availability_per_entry_and_a_booking_that_names_its_entry(world):
    site = f.bookable(10, code="zhouzhuang-hall")
    f.hourly(site, 4, 6)
    days = client().get("/api/culture/resources/zhouzhuang-hall/availability").json()
    assert len(days) == 14 and [e["left"] for e in days[0]["entries"]] == [4, 6]
    c = client(world.visitor)
    data = {
        "site": "zhouzhuang-hall",
        "visit_date": str(f.tomorrow()),
        "party_size": 3,
        "contact_name": "李四",
        "contact_phone": "13900000000",
    }
    missing = post(c, "/api/culture/reservations", data)
    assert missing.status_code == 400 and list(missing.json()["errors"]) == ["slot"]
    garbled = post(c, "/api/culture/reservations", data | {"slot": "nine"})
    assert garbled.status_code == 400 and list(garbled.json()["errors"]) == ["slot"]
    booked = post(c, "/api/culture/reservations", data | {"slot": "09:00"})
    assert booked.status_code == 201 and booked.json()["slot"] == "09:00–10:00"
    over = post(c, "/api/culture/reservations", data | {"slot": "09:00", "party_size": 2})
    assert over.status_code == 400 and "09:00–10:00" in over.json()["errors"]["party_size"][0]
    after = client().get(f"/api/culture/resources/zhouzhuang-hall/availability?start={f.tomorrow()}").json()
    assert [e["left"] for e in after[0]["entries"]] == [1, 6]


def test_availability_of_an_unpublished_or_unbookable_site_is_not_found(world):
    f.bookable(10, code="hidden-hall", published=False)
    f.resource(code="open-bridge")
    assert client().get("/api/culture/resources/hidden-hall/availability").status_code == 404
    assert client().get("/api/culture/resources/open-bridge/availability").json()["code"] == "not_bookable"
