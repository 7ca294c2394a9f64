"""The remote window page: an officer of the competent authority publishes and cancels own slots."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from yrd.services.models import RemoteSlot
from yrd.services.tests import factories as f
from yrd.services.writes.remote import booking_create, slot_create

PUBLISH = reverse("services:remote-slot-publish")


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def form(world, **changes):
    return {
        "authority": world.item.authority_orgs["340000"].pk,
        "day": tomorrow().isoformat(),
        "starts": "10:00",
        "ends": "10:30",
        "capacity": "2",
        "video_url": "https://meet.example.org/ah-1",
        **changes,
    }


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def existing_slot(world, officer=None, hour=10):
    officer = officer or world.ah_officer
    return slot_create(
        acting_user=officer,
        authority=world.item.authority_orgs["340000"],
        officer=officer,
        starts_at=at(tomorrow(), hour),
        ends_at=at(tomorrow(), hour, 30),
    )


def remote_page(client, day=None):
    response = client.get(reverse("services:remote"), {"day": (day or tomorrow()).isoformat()})
    return response.content.decode()


def test_the_anhui_officer_sees_the_form_with_anhuis_authority_only(client, world):
    client.force_login(world.ah_officer)
    page = remote_page(client)
    assert 'id="slot-form"' in page
    assert f'value="{world.item.authority_orgs["340000"].pk}"' in page
    assert f'value="{world.item.authority_orgs["330000"].pk}"' not in page


@pytest.mark.parametrize("persona", ["sh_officer", "applicant"])
def test_people_who_do_not_serve_see_no_form(client, world, persona):
    client.force_login(getattr(world, persona))
    assert 'id="slot-form"' not in remote_page(client)


def test_the_anhui_officer_publishes_a_slot_for_anhuis_authority(client, world):
    client.force_login(world.ah_officer)
    response = client.post(PUBLISH, form(world))
    assert response.status_code == 302
    assert response.url == f"{reverse('services:remote')}?day={tomorrow()}"
    slot = RemoteSlot.objects.get()
    assert slot.officer == world.ah_officer
    assert slot.authority == world.item.authority_orgs["340000"]
    assert (slot.starts_at, slot.ends_at) == (at(tomorrow(), 10), at(tomorrow(), 10, 30))
    assert slot.capacity == 2 and slot.video_url == "https://meet.example.org/ah-1"
    assert "Slot published." in remote_page(client)


@pytest.mark.parametrize("persona", ["sh_officer", "applicant", "stranger"])
def test_people_who_do_not_serve_may_not_publish(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.post(PUBLISH, form(world)).status_code == 403
    assert not RemoteSlot.objects.exists()


def test_an_officer_of_another_province_may_not_publish_for_anhui(client, world):
    client.force_login(world.zj_officer)
    response = client.post(PUBLISH, form(world))
    assert response.status_code == 400
    assert 'id="error-authority"' in response.content.decode()
    assert not RemoteSlot.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, world):
    response = client.post(PUBLISH, form(world))
    assert response.status_code == 302 and reverse("login") in response.url
    assert not RemoteSlot.objects.exists()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"day": (timezone.localdate() - timedelta(days=1)).isoformat()}, "starts", "passed"),
        ({"ends": "09:45"}, "ends", "ends before it starts"),
        ({"capacity": "0"}, "capacity", "At least one applicant"),
        ({"video_url": "not a link"}, "video_url", "valid URL"),
        ({"starts": "25:00"}, "starts", "valid time"),
        ({"day": ""}, "day", "required"),
    ],
)
def test_each_error_is_shown_next_to_its_field_and_nothing_is_saved(client, world, changes, field, message):
    client.force_login(world.ah_officer)
    sent = form(world, **changes)
    response = client.post(PUBLISH, sent)
    page = response.content.decode()
    assert response.status_code == 400
    error = page.split(f'id="error-{field}">', 1)[1].split("</span>", 1)[0]
    assert message in error
    assert not RemoteSlot.objects.exists()
    assert f'value="{sent["video_url"]}"' in page  # the form comes back as it was sent


def test_an_overlapping_slot_of_the_same_officer_is_shown_next_to_the_start(client, world):
    existing_slot(world)
    client.force_login(world.ah_officer)
    response = client.post(PUBLISH, form(world, starts="10:15", ends="11:00"))
    assert response.status_code == 400
    assert "already offers a slot" in response.content.decode().split('id="error-starts">', 1)[1]
    assert RemoteSlot.objects.count() == 1


def test_the_officer_cancels_an_unbooked_slot_of_their_own(client, world):
    slot = existing_slot(world)
    client.force_login(world.ah_officer)
    cancel = reverse("services:remote-slot-cancel", args=[slot.pk])
    assert f'action="{cancel}"' in remote_page(client)
    response = client.post(cancel)
    assert response.status_code == 302 and not RemoteSlot.objects.exists()
    assert "Slot cancelled." in remote_page(client)


def test_a_booked_slot_offers_no_cancel_and_refuses_it(client, world):
    slot = existing_slot(world)
    booking_create(
        acting_user=world.sh_officer,
        slot=slot,
        window=world.sh_window,
        item=world.item,
        applicant_name="张三",
    )
    client.force_login(world.ah_officer)
    cancel = reverse("services:remote-slot-cancel", args=[slot.pk])
    assert f'action="{cancel}"' not in remote_page(client)
    client.post(cancel)
    assert "This slot has 1 booking; it cannot be cancelled." in remote_page(client)
    assert RemoteSlot.objects.filter(pk=slot.pk).exists()


@pytest.mark.parametrize("persona", ["colleague", "zj_officer", "sh_officer"])
def test_nobody_else_cancels_the_officers_slot(client, world, persona):
    slot = existing_slot(world)
    caller = f.handling_officer("340000") if persona == "colleague" else getattr(world, persona)
    client.force_login(caller)
    cancel = reverse("services:remote-slot-cancel", args=[slot.pk])
    assert f'action="{cancel}"' not in remote_page(client)
    assert client.post(cancel).status_code == 302
    assert RemoteSlot.objects.filter(pk=slot.pk).exists()


def test_after_a_refusal_the_day_links_still_lead_to_the_remote_page(client, world):
    client.force_login(world.ah_officer)
    page = client.post(PUBLISH, form(world, capacity="0")).content.decode()
    assert f'href="{reverse("services:remote")}?day=' in page
    assert f'action="{reverse("services:remote")}"' in page
