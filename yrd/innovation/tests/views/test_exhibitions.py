import json
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction, person
from yrd.innovation import writes
from yrd.innovation.models import Exhibition, Meeting, Participant


@pytest.fixture
def fair(world):
    starts = timezone.localdate() + timedelta(days=10)
    fair = writes.exhibition_save(
        acting_user=SYSTEM, name_zh="科技成果对接会", name_en="Technology fair", city=jurisdiction("310000", "city"),
        starts_on=starts, ends_on=starts + timedelta(days=1),
    )  # fmt: skip
    writes.participant_register(
        acting_user=SYSTEM, exhibition=fair, organisation=world.sh_lab, role="exhibitor", offer="同步辐射测试"
    )
    return fair


def at(fair, hour, minute=0):
    return timezone.make_aware(datetime.combine(fair.starts_on, time(hour, minute)))


def book(client, user, fair, exhibitor, buyer, moment):
    client.force_login(user)
    body = {"exhibitor": exhibitor.pk, "buyer": buyer.pk, "starts_at": moment.isoformat()}
    return client.post(reverse("innovation:exhibition-meet", args=[fair.pk]), body, follow=True)


@pytest.mark.parametrize("lang,heading", [("en", "Exhibitions of the region"), ("zh-hans", "区域展会")])
def test_the_calendar_and_an_exhibition_are_public_in_both_languages(client, world, fair, lang, heading):
    calendar = client.get(reverse("innovation:exhibitions"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert heading in calendar and reverse("innovation:exhibition", args=[fair.pk]) in calendar
    assert fair.starts_on.strftime("%Y-%m") in calendar
    page = client.get(reverse("innovation:exhibition", args=[fair.pk]), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert world.sh_lab.name in page and "同步辐射测试" in page


def test_a_firm_books_a_free_slot_and_a_taken_one_is_refused_on_the_page(client, world, fair):
    page = client.get(reverse("innovation:exhibition", args=[fair.pk]), {"exhibitor": world.sh_lab.pk})
    assert page.status_code == 200
    client.force_login(world.js_firm_user)
    page = client.get(reverse("innovation:exhibition", args=[fair.pk]), {"exhibitor": world.sh_lab.pk})
    assert at(fair, 9).isoformat() in page.content.decode()
    done = book(client, world.js_firm_user, fair, world.sh_lab, world.js_firm, at(fair, 9))
    assert "Meeting booked." in done.content.decode()
    assert at(fair, 9).isoformat() not in done.content.decode()  # no longer offered as free
    taken = book(client, world.zj_firm_user, fair, world.sh_lab, world.zj_firm, at(fair, 9))
    assert "already has a meeting in this slot" in taken.content.decode()
    assert Meeting.objects.count() == 1
    assert Participant.objects.filter(exhibition=fair, role="buyer", organisation=world.js_firm).exists()


def test_a_person_books_only_for_their_own_firm(client, world, fair):
    refused = book(client, world.zj_firm_user, fair, world.sh_lab, world.js_firm, at(fair, 10))
    assert refused.status_code == 404 and not Meeting.objects.exists()
    stranger = book(client, world.stranger, fair, world.sh_lab, world.js_firm, at(fair, 10))
    assert stranger.status_code == 404 and not Meeting.objects.exists()


def test_meetings_show_to_their_parties_and_the_city_officers_only(client, world, fair):
    writes.meeting_book(
        acting_user=SYSTEM, exhibition=fair, exhibitor=world.sh_lab, buyer=world.js_firm, starts_at=at(fair, 11)
    )
    url = reverse("innovation:exhibition", args=[fair.pk])
    seen = {}
    for name in ("js_firm_user", "sh_provider", "zj_firm_user", "js_officer"):
        client.force_login(getattr(world, name))
        seen[name] = "11:00" in client.get(url).content.decode()
    client.force_login(person("innovation_officer", "310000"))
    seen["sh_officer"] = "11:00" in client.get(url).content.decode()
    assert seen == {
        "js_firm_user": True, "sh_provider": True, "zj_firm_user": False, "js_officer": False, "sh_officer": True,
    }  # fmt: skip


def test_a_provider_registers_its_lab_as_exhibitor_and_not_another(client, world, fair):
    client.force_login(world.hf_provider)
    url = reverse("innovation:exhibition-register", args=[fair.pk])
    client.post(url, {"organisation": world.hf_lab.pk, "role": "exhibitor", "offer": "量子测量"})
    assert Participant.objects.get(organisation=world.hf_lab).offer == "量子测量"
    assert client.post(url, {"organisation": world.sh_lab.pk, "role": "exhibitor"}).status_code == 404


def test_only_science_officers_add_exhibitions(client, world):
    starts = (timezone.localdate() + timedelta(days=40)).isoformat()
    body = {"name_zh": "新展会", "city": "320500", "starts_on": starts, "ends_on": starts, "slot_minutes": "30"}
    client.force_login(world.js_firm_user)
    client.post(reverse("innovation:exhibition-add"), body)
    assert not Exhibition.objects.filter(name_zh="新展会").exists()
    client.force_login(world.js_officer)
    client.post(reverse("innovation:exhibition-add"), body)
    assert Exhibition.objects.filter(name_zh="新展会").exists()


def test_the_api_lists_participants_and_registers_only_ones_own_organisation(client, world, fair):
    url = f"/api/innovation/exhibitions/{fair.pk}/participants"
    listed = client.get(url).json()
    expected = [(world.sh_lab.pk, "exhibitor", "同步辐射测试")]
    assert [(p["organisation_id"], p["role"], p["offer"]) for p in listed] == expected
    body = json.dumps({"organisation_id": world.hf_lab.pk, "role": "exhibitor", "offer": "量子测量"})
    assert client.post(url, body, content_type="application/json").status_code == 401
    client.force_login(world.zj_firm_user)
    assert client.post(url, body, content_type="application/json").status_code == 403
    client.force_login(world.hf_provider)
    assert client.post(url, body, content_type="application/json").status_code == 201
    bad = json.dumps({"organisation_id": world.hf_lab.pk, "role": "visitor"})
    assert client.post(url, bad, content_type="application/json").status_code == 400
    assert Participant.objects.filter(exhibition=fair).count() == 2
