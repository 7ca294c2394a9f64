"""The city's heritage officer edits a resource's fields on its page (geometry kept); officers of
other cities, reviewers and visitors are refused; bad input is shown by field and changes nothing."""

from django.test import Client

from yrd.core.models import AuditEntry
from yrd.culture.models import HeritageResource
from yrd.culture.tests import factories as f


def login(user=None):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def form(**fields):
    base = {
        "name_zh": "沈厅",
        "name_en": "Shen Residence",
        "kind": "building",
        "protection": "national",
        "listing_document": "国发〔2006〕19号",
        "period": "清",
        "park": "grand_canal",
        "description_zh": "清代宅第。",
        "description_en": "A Qing-dynasty residence.",
        "daily_capacity": "300",
        "published": "on",
    }
    return base | fields


def test_the_citys_officer_edits_the_fields_and_the_geometry_stays(world):
    site = f.resource(code="shen-hall")
    officer = login(world.sz_officer)
    assert 'id="edit-link"' in officer.get("/culture/sites/shen-hall/").content.decode()
    page = officer.get("/culture/sites/shen-hall/edit/").content.decode()
    assert 'id="resource-form"' in page and "测试古建筑" in page
    assert officer.post("/culture/sites/shen-hall/edit/", form()).status_code == 302
    saved = HeritageResource.objects.get(code="shen-hall")
    assert (saved.name_en, saved.protection, saved.park, saved.daily_capacity) == (
        "Shen Residence",
        "national",
        "grand_canal",
        300,
    )
    assert saved.geometry == site.geometry and saved.city == site.city and not saved.sensitive
    assert AuditEntry.objects.filter(action="culture.resource.save").count() == 2  # created, then edited


def test_others_may_not_open_or_post_the_edit_page(world):
    f.resource(code="shen-hall")
    for stranger in (world.jx_officer, world.js_reviewer, world.visitor):
        assert login(stranger).get("/culture/sites/shen-hall/edit/").status_code == 403
        assert login(stranger).post("/culture/sites/shen-hall/edit/", form()).status_code == 403
    assert 'id="edit-link"' not in login(world.visitor).get("/culture/sites/shen-hall/").content.decode()
    assert login().get("/culture/sites/shen-hall/edit/").status_code == 302  # to the login page
    assert HeritageResource.objects.get(code="shen-hall").name_en == "Test building"


def test_bad_input_is_shown_by_field_and_changes_nothing(world):
    f.resource(code="shen-hall")
    refused = login(world.sz_officer).post(
        "/culture/sites/shen-hall/edit/",
        form(protection="world", daily_capacity="many", name_en="x" * 201, name_zh="新名字"),
    )
    text = refused.content.decode()
    assert refused.status_code == 400
    assert "Unknown value" in text and "whole number of visitors" in text and "At most 200 characters" in text
    assert 'value="新名字"' in text  # what was typed is kept in the form
    assert HeritageResource.objects.get(code="shen-hall").name_zh == "测试古建筑"


def test_the_daily_capacity_cannot_drop_below_the_entry_slots(world):
    site = f.bookable(100, code="shen-hall")
    f.hourly(site, 40, 40)
    refused = login(world.sz_officer).post("/culture/sites/shen-hall/edit/", form(daily_capacity="50"))
    assert refused.status_code == 400 and "entry slots hold 80 people" in refused.content.decode()
    assert HeritageResource.objects.get(code="shen-hall").daily_capacity == 100
