"""The pages in use: a visitor books from a site's page, the city drafts a section on the component
page and the province accepts it, a route is ordered and exported; both languages render."""

import json

from django.test import Client

from yrd.culture import writes
from yrd.culture.models import DossierSection, Reservation
from yrd.culture.tests import factories as f


def login(user):
    c = Client()
    c.force_login(user)
    return c


def test_a_visitor_books_from_the_sites_page_and_sees_the_visit(world):
    f.bookable(5, code="xitang-hall", visiting_zh="乘坐嘉善公交", visiting_en="Take the Jiashan bus")
    c = login(world.visitor)
    page = c.get("/culture/sites/xitang-hall/").content.decode()
    assert "Take the Jiashan bus" in page and 'name="visit_date"' in page
    form = {"visit_date": str(f.tomorrow()), "party_size": "3", "contact_name": "王五", "contact_phone": "13700000000"}
    assert c.post("/culture/sites/xitang-hall/book/", form).status_code == 302
    mine = c.get("/culture/visits/").content.decode()
    assert Reservation.objects.get().number in mine
    refused = c.post("/culture/sites/xitang-hall/book/", form | {"party_size": "4"})
    assert refused.status_code == 400 and "Only 2 places are left" in refused.content.decode()


def test_the_city_drafts_and_submits_and_the_province_accepts_on_the_component_page(world):
    component = f.component(f.town(code="zhouzhuang"))
    c = login(world.sz_officer)
    c.post("/culture/bid/zhouzhuang/2/", {"text_zh": "水乡格局", "text_en": "The water-town pattern"})
    c.post("/culture/bid/zhouzhuang/2/submit/")
    page = login(world.js_reviewer).get("/culture/bid/zhouzhuang/").content.decode()
    assert "The water-town pattern" in page and "/culture/bid/zhouzhuang/2/accept/" in page
    login(world.js_reviewer).post("/culture/bid/zhouzhuang/2/accept/")
    assert component.sections.get(number=2).status == DossierSection.Status.ACCEPTED
    bad = c.post("/culture/bid/zhouzhuang/3/", {"text_zh": "x" * 20001, "text_en": ""})
    assert bad.status_code == 400 and "At most 20000 characters" in bad.content.decode()


def test_the_public_bid_page_shows_progress_without_texts(world):
    component = f.component(f.town(code="zhouzhuang"))
    section = component.sections.get(number=1)
    writes.dossier_save(acting_user=world.sz_officer, section=section, text_zh="内部草稿", text_en="internal draft")
    page = Client().get("/culture/bid/").content.decode()
    assert "internal draft" not in page and "chart-bid" in page and "0 / 1" in page


def test_a_route_is_ordered_drawn_and_exported(world):
    for code, centre in {
        "nanxun": (120.4247, 30.8735),
        "luzhi": (120.8518, 31.2660),
        "wuzhen": (120.4876, 30.7447),
    }.items():
        f.resource(code=code, geometry=f.point(*centre))
    page = Client().get("/culture/routes/?stop=nanxun&stop=luzhi&stop=wuzhen&start=luzhi").content.decode()
    # from Luzhi, Nanxun (60 km) then Wuzhen (15 km) beats Wuzhen (68 km) then Nanxun
    assert (
        page.index("/culture/sites/luzhi/")
        < page.index("/culture/sites/nanxun/")
        < page.index("/culture/sites/wuzhen/")
    )
    assert "chart-route-map" in page and "straight lines" in page
    exported = Client().get("/culture/routes/?stop=nanxun&stop=luzhi&stop=wuzhen&start=luzhi&format=geojson")
    assert json.loads(exported.content)["properties"]["stops"] == ["luzhi", "nanxun", "wuzhen"]


def test_pages_render_in_chinese(world):
    f.resource(code="fuan", name_zh="富安桥", name_en="Fu'an Bridge")
    c = Client()
    c.cookies["django_language"] = "zh-hans"
    page = c.get("/culture/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "富安桥" in page and "Fu&#x27;an Bridge" not in page


def test_the_citys_officer_records_a_condition_on_the_sites_page(world):
    f.resource(code="fuan")
    c = login(world.sz_officer)
    assert 'action="/culture/sites/fuan/condition/"' in c.get("/culture/sites/fuan/").content.decode()
    form = {"assessed_on": "2025-03-01", "condition": "poor", "assessor": "苏州市文物局", "threats": "白蚁"}
    assert c.post("/culture/sites/fuan/condition/", form).status_code == 302
    assert "白蚁" in Client().get("/culture/sites/fuan/").content.decode()
    refused = c.post("/culture/sites/fuan/condition/", form | {"condition": "ruined"})
    assert refused.status_code == 400 and "Unknown value &#x27;ruined&#x27;" in refused.content.decode()
    outsider = login(world.jx_officer)
    assert 'condition/"' not in outsider.get("/culture/sites/fuan/").content.decode()
    assert outsider.post("/culture/sites/fuan/condition/", form).status_code == 403


def test_the_citys_officer_sets_entries_on_the_page_and_a_visitor_books_one(world):
    site = f.bookable(10, code="nanxun-hall")
    form = {"starts": ["09:00", "10:00", ""], "ends": ["10:00", "11:00", ""], "capacity": ["4", "6", ""]}
    assert login(world.jx_officer).post("/culture/sites/nanxun-hall/slots/", form).status_code == 403
    assert 'id="slots-form"' not in login(world.visitor).get("/culture/sites/nanxun-hall/").content.decode()
    officer = login(world.sz_officer)
    overlap = officer.post("/culture/sites/nanxun-hall/slots/", form | {"ends": ["10:30", "11:00", ""]})
    assert overlap.status_code == 400 and "overlap" in overlap.content.decode()
    assert officer.post("/culture/sites/nanxun-hall/slots/", form).status_code == 302
    assert [s.capacity for s in site.slots.all()] == [4, 6]
    c = login(world.visitor)
    page = c.get("/culture/sites/nanxun-hall/").content.decode()
    assert 'name="slot"' in page and "10:00–11:00" in page
    booking = {"visit_date": str(f.tomorrow()), "party_size": "5", "contact_name": "王五", "contact_phone": "137000000"}
    refused = c.post("/culture/sites/nanxun-hall/book/", booking | {"slot": "09:00"})
    assert refused.status_code == 400 and "Only 4 places are left" in refused.content.decode()
    assert c.post("/culture/sites/nanxun-hall/book/", booking | {"slot": "10:00"}).status_code == 302
    assert "10:00–11:00" in c.get("/culture/visits/").content.decode()
