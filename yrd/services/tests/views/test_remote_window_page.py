"""The remote window page: the booking form follows the slot's authority, ending a session offers
only outcomes that happened, and the publish form starts from the officer's own authority."""

import re
from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from yrd.services import writes
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import submit


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def slot_of(world, authority, officer=None, hour=10):
    starts = timezone.make_aware(datetime.combine(tomorrow(), time(hour)))
    officer = officer or world.ah_officer
    return writes.slot_create(
        acting_user=officer,
        authority=authority,
        officer=officer,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
    )


def page(client, user):
    client.force_login(user)
    response = client.get(reverse("services:remote"), {"day": tomorrow().isoformat()})
    assert response.status_code == 200
    return response.content.decode()


def select(html, name):
    return html.split(f'<select name="{name}"', 1)[1].split("</select>", 1)[0]


def test_the_booking_form_offers_with_each_slot_only_the_items_its_authority_handles(client, world):
    anhui = world.item.authority_orgs["340000"]
    other = f.service_item("other-authority")  # Anhui decides it through another authority
    slot_of(world, anhui)
    items = select(page(client, world.sh_officer), "item")
    groups = re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', items)
    assert [label for label, _ in groups] == [f"Slots of {anhui.name}"]
    assert f'value="{world.item.pk}"' in groups[0][1]
    assert f'value="{other.pk}"' not in items


def test_booking_an_item_the_slots_authority_does_not_handle_names_the_item(client, world):
    slot = slot_of(world, world.item.authority_orgs["340000"])
    other = f.service_item("other-authority")
    client.force_login(world.sh_officer)
    response = client.post(
        reverse("services:remote-book"),
        {"slot": slot.pk, "window": world.sh_window.pk, "item": other.pk, "applicant_name": "张三"},
        follow=True,
    )
    assert "The authority of this slot does not handle Test service." in response.content.decode()
    assert not slot.bookings.exists()


def in_session(world):
    slot = slot_of(world, world.item.authority_orgs["340000"])
    booking = writes.booking_create(
        acting_user=world.sh_officer,
        slot=slot,
        window=world.sh_window,
        item=world.item,
        applicant_name="张三",
    )
    booking = writes.booking_check_in(acting_user=world.sh_officer, booking=booking)
    writes.session_start(acting_user=world.ah_officer, booking=booking, at=slot.starts_at)
    return booking


def test_ending_a_session_without_an_application_defaults_to_guidance_given(client, world):
    in_session(world)
    outcomes = select(page(client, world.ah_officer), "outcome")
    assert 'value="handed_off"' not in outcomes
    assert '<option value="advised" selected>' in outcomes


def test_ending_a_session_with_a_handed_off_application_defaults_to_handed_off(client, world):
    booking = in_session(world)
    application = submit(world)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    writes.booking_hand_off(acting_user=world.sh_officer, booking=booking, application=application)
    outcomes = select(page(client, world.ah_officer), "outcome")
    assert '<option value="handed_off" selected>' in outcomes
    assert 'value="advised"' in outcomes


def authority_select(html):
    return select(html, "authority")


def test_the_publish_form_preselects_the_authority_the_officer_publishes_for(client, world):
    anhui = world.item.authority_orgs["340000"]
    f.service_item("other-authority")  # a second Anhui authority the officer may serve for
    slot_of(world, anhui)
    authorities = authority_select(page(client, world.ah_officer))
    assert "---------" not in authorities
    assert re.search(rf'<option value="{anhui.pk}" selected>', authorities)


def test_the_publish_form_preselects_the_officers_own_organisation(client, world):
    other = f.service_item("other-authority").authority_orgs["340000"]
    officer = f.handling_officer("340000")
    officer.organisation = other
    officer.save()
    authorities = authority_select(page(client, officer))
    assert "---------" not in authorities
    assert re.search(rf'<option value="{other.pk}" selected>', authorities)


def test_with_several_authorities_and_none_of_their_own_the_officer_chooses(client, world):
    f.service_item("other-authority")
    authorities = authority_select(page(client, world.ah_officer))
    assert '<option value="" selected>---------</option>' in authorities
