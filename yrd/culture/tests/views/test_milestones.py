"""Milestones on the bid's page and in the API: everyone reads them; the city adds its component's,
the office the whole bid's; others are refused; bad input is shown by field."""

import json
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from yrd.culture.models import BidMilestone
from yrd.culture.tests import factories as f


def login(user=None):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def form(**fields):
    due = str(timezone.localdate() + timedelta(days=20))
    return {"code": "survey", "name_zh": "测绘", "name_en": "Survey of the attributes", "due": due} | fields


def test_the_city_adds_a_milestone_of_its_component_and_everyone_reads_it(world):
    town = f.component().resource
    assert login(world.jx_officer).post("/culture/bid/milestones/", form(component=town.code)).status_code == 403
    assert login(world.sz_officer).post("/culture/bid/milestones/", form()).status_code == 403  # the whole bid
    page = login(world.sz_officer).get("/culture/bid/").content.decode()
    assert 'id="milestone-form"' in page and 'value="">' not in page  # no "whole bid" choice for a city
    assert login(world.sz_officer).post("/culture/bid/milestones/", form(component=town.code)).status_code == 302
    public = login().get("/culture/bid/").content.decode()
    assert "Survey of the attributes" in public and 'id="milestone-form"' not in public
    assert login(world.jx_officer).post("/culture/bid/milestones/survey/done/").status_code == 403
    assert login(world.sz_officer).post("/culture/bid/milestones/survey/done/").status_code == 302
    assert BidMilestone.objects.get().done_on == timezone.localdate()


def test_bad_input_on_the_page_is_shown_by_field(world):
    refused = login(world.office).post("/culture/bid/milestones/", form(due="soon", code="A B"))
    text = refused.content.decode()
    assert refused.status_code == 400 and "due date" in text and "lower-case" in text
    assert not BidMilestone.objects.exists()


def test_the_api_lists_creates_and_completes_milestones(world):
    c = login(world.office)
    body = {"code": "dossier-draft", "name_zh": "文本初稿", "due": str(timezone.localdate() + timedelta(days=9))}
    post = lambda who, path, data: who.post(path, json.dumps(data), content_type="application/json")  # noqa: E731
    assert post(login(world.sz_officer), "/api/culture/bid/milestones", body).status_code == 403
    assert post(login(), "/api/culture/bid/milestones", body).status_code == 401
    bad = post(c, "/api/culture/bid/milestones", body | {"plan_task": "1.01"})
    assert bad.status_code == 400 and list(bad.json()["errors"]) == ["plan_task"]
    assert post(c, "/api/culture/bid/milestones", body).status_code == 201
    assert post(c, "/api/culture/bid/milestones/dossier-draft/done", {}).json()["done_on"] == str(timezone.localdate())
    again = post(c, "/api/culture/bid/milestones/dossier-draft/done", {})
    assert again.status_code == 409 and again.json()["code"] == "already_done"
    listed = login().get("/api/culture/bid/milestones").json()
    assert [(m["code"], m["plan_task"], m["late"]) for m in listed] == [("dossier-draft", "7.01", False)]
