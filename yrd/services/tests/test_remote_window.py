from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.services import writes
from yrd.services.models import RemoteSlot
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import submit
from yrd.services.writes.remote import slot_cancel


@pytest.fixture
def slot(world):
    starts = timezone.now() + timedelta(hours=1)
    return writes.slot_create(
        acting_user=world.ah_officer,
        authority=world.item.authority_orgs["340000"],
        officer=world.ah_officer,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        capacity=2,
    )


def book(world, slot, name="张三"):
    return writes.booking_create(
        acting_user=world.sh_officer,
        slot=slot,
        window=world.sh_window,
        item=world.item,
        applicant_name=name,
    )


def test_a_window_books_checks_in_and_the_remote_officer_takes_the_hand_off(world, slot):
    booking = book(world, slot)
    booking = writes.booking_check_in(acting_user=world.sh_officer, booking=booking)
    assert booking.queue_number == 1
    writes.session_start(acting_user=world.ah_officer, booking=booking, at=slot.starts_at)
    application = submit(world)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    writes.booking_hand_off(acting_user=world.sh_officer, booking=booking, application=application)
    session = writes.session_end(acting_user=world.ah_officer, booking=booking, outcome="handed_off", notes="材料齐全")
    application.refresh_from_db()
    assert application.state == "forwarded" and application.exchanges.get().kind == "forward"
    assert session.remote_officer == world.ah_officer and session.ended_at and session.outcome == "handed_off"


def test_the_queue_numbers_follow_check_in_order(world, slot):
    first, second = book(world, slot, "甲"), book(world, slot, "乙")
    assert writes.booking_check_in(acting_user=world.sh_officer, booking=second).queue_number == 1
    assert writes.booking_check_in(acting_user=world.sh_officer, booking=first).queue_number == 2


def test_a_full_slot_is_refused(world, slot):
    book(world, slot), book(world, slot)
    with pytest.raises(Conflict):
        book(world, slot)


def test_a_slot_of_the_windows_own_province_or_a_past_slot_is_refused(world):
    starts = timezone.now() - timedelta(hours=2)
    past = writes.slot_create(
        acting_user=SYSTEM,
        authority=world.item.authority_orgs["340000"],
        officer=world.ah_officer,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
    )
    with pytest.raises(ValidationError):
        book(world, past)
    starts = timezone.now() + timedelta(hours=2)
    local = writes.slot_create(
        acting_user=SYSTEM,
        authority=world.item.authority_orgs["310000"],
        officer=world.sh_handler,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
    )
    with pytest.raises(ValidationError):
        book(world, local)


def test_only_the_window_books_and_only_the_authority_serves(world, slot):
    with pytest.raises(PermissionDenied):
        writes.booking_create(
            acting_user=world.sz_officer,
            slot=slot,
            window=world.sh_window,
            item=world.item,
            applicant_name="张三",
        )
    booking = writes.booking_check_in(acting_user=world.sh_officer, booking=book(world, slot))
    with pytest.raises(PermissionDenied):
        writes.session_start(acting_user=world.zj_officer, booking=booking, at=slot.starts_at)
    writes.session_start(acting_user=world.ah_officer, booking=booking, at=slot.starts_at)
    with pytest.raises(ValidationError):  # nothing was handed over in this session
        writes.session_end(acting_user=world.ah_officer, booking=booking, outcome="handed_off")


def test_a_service_the_slots_authority_does_not_handle_is_refused_on_the_item(world, slot):
    other = f.service_item("other-authority")  # decided in Anhui by another authority
    with pytest.raises(ValidationError) as refusal:
        writes.booking_create(
            acting_user=world.sh_officer,
            slot=slot,
            window=world.sh_window,
            item=other,
            applicant_name="张三",
        )
    assert refusal.value.message_dict == {"item": ["The authority of this slot does not handle Test service."]}


def test_an_authority_competent_only_in_another_province_does_not_handle_the_item(world, slot):
    # the slot's Anhui authority decides this item in Zhejiang only; Anhui has its own authority
    odd = f.service_item(provinces=["330000", "340000"], authorities={"330000": slot.authority})
    with pytest.raises(ValidationError) as refusal:
        writes.booking_create(
            acting_user=world.sh_officer,
            slot=slot,
            window=world.sh_window,
            item=odd,
            applicant_name="张三",
        )
    assert set(refusal.value.message_dict) == {"item"}


def test_a_session_starts_at_the_earliest_15_minutes_before_its_slot(world, slot):
    booking = writes.booking_check_in(acting_user=world.sh_officer, booking=book(world, slot))
    with pytest.raises(Conflict) as refusal:
        writes.session_start(
            acting_user=world.ah_officer,
            booking=booking,
            at=slot.starts_at - timedelta(minutes=16),
        )
    starts = timezone.localtime(slot.starts_at)
    earliest = starts - timedelta(minutes=15)
    assert refusal.value.message == (
        f"The slot starts at {starts:%Y-%m-%d %H:%M}; the session can start from {earliest:%H:%M}, 15 minutes before."
    )
    booking.refresh_from_db()
    assert booking.state == "checked_in"
    session = writes.session_start(
        acting_user=world.ah_officer, booking=booking, at=slot.starts_at - timedelta(minutes=15)
    )
    assert session.booking.state == "in_session"


# --- publishing and cancelling slots --------------------------------------------------------------


def publish(world, *, by=None, officer=None, province="340000", hours=1, minutes=30, **extra):
    starts = extra.pop("starts_at", timezone.now() + timedelta(hours=hours))
    return writes.slot_create(
        acting_user=by or world.ah_officer,
        authority=extra.pop("authority", None) or world.item.authority_orgs[province],
        officer=officer or by or world.ah_officer,
        starts_at=starts,
        ends_at=extra.pop("ends_at", starts + timedelta(minutes=minutes)),
        **extra,
    )


def refused_fields(call):
    with pytest.raises(ValidationError) as refusal:
        call()
    return set(refusal.value.message_dict)


def test_an_officer_publishes_a_slot_and_it_is_audited(world):
    slot = publish(world, capacity=3, video_url="https://meet.example.org/ah")
    entry = AuditEntry.objects.filter(action="services.remote.slot").get()
    assert entry.object_id == str(slot.pk) and entry.actor_id == world.ah_officer.pk
    assert entry.jurisdiction == "340000" and entry.data["capacity"] == 3


@pytest.mark.parametrize(
    "extra, field",
    [
        ({"hours": -1}, "starts_at"),
        ({"minutes": -10}, "ends_at"),
        ({"minutes": 0}, "ends_at"),
        ({"capacity": 0}, "capacity"),
        ({"capacity": -2}, "capacity"),
        ({"video_url": "not a link"}, "video_url"),
    ],
)
def test_a_bad_slot_is_refused_naming_the_field_and_nothing_is_written(world, extra, field):
    assert field in refused_fields(lambda: publish(world, **extra))
    assert not RemoteSlot.objects.exists()
    assert not AuditEntry.objects.filter(action="services.remote.slot").exists()


def test_an_overlapping_slot_of_the_same_officer_is_refused(world):
    first = publish(world, hours=2)
    assert refused_fields(lambda: publish(world, starts_at=first.starts_at + timedelta(minutes=15))) == {"starts_at"}
    other_authority = f.service_item().authority_orgs["340000"]
    assert refused_fields(  # the officer cannot be on two calls, even for two authorities
        lambda: publish(world, authority=other_authority, starts_at=first.starts_at)
    ) == {"starts_at"}
    assert RemoteSlot.objects.count() == 1


def test_back_to_back_slots_and_a_colleagues_parallel_slot_are_accepted(world):
    first = publish(world, hours=2)
    publish(world, starts_at=first.ends_at)
    colleague = f.handling_officer("340000")
    publish(world, by=colleague, starts_at=first.starts_at)
    assert RemoteSlot.objects.count() == 3


def test_another_province_may_not_publish_for_anhui(world):
    with pytest.raises(PermissionDenied):
        publish(world, by=world.zj_officer)
    with pytest.raises(PermissionDenied):
        publish(world, by=world.sh_officer)


def test_the_officer_must_serve_for_the_authority(world):
    assert refused_fields(lambda: publish(world, officer=world.zj_officer)) == {"officer"}


def test_the_officer_cancels_an_unbooked_slot_of_their_own(world):
    slot = publish(world)
    slot_cancel(acting_user=world.ah_officer, slot=slot)
    assert not RemoteSlot.objects.exists()
    entry = AuditEntry.objects.get(action="services.remote.slot_cancel")
    assert entry.object_id == str(slot.pk) and entry.actor_id == world.ah_officer.pk


def test_a_slot_with_bookings_is_not_cancelled(world, slot):
    booking = book(world, slot)
    with pytest.raises(Conflict, match="1 booking"):
        slot_cancel(acting_user=world.ah_officer, slot=slot)
    writes.booking_cancel(acting_user=world.sh_officer, booking=booking)
    with pytest.raises(Conflict):  # a cancelled booking still refers to it
        slot_cancel(acting_user=world.ah_officer, slot=slot)
    assert RemoteSlot.objects.filter(pk=slot.pk).exists()


@pytest.mark.parametrize("persona", ["colleague", "zj_officer", "sh_officer"])
def test_only_the_slots_officer_cancels_it(world, slot, persona):
    caller = f.handling_officer("340000") if persona == "colleague" else getattr(world, persona)
    with pytest.raises(PermissionDenied):
        slot_cancel(acting_user=caller, slot=slot)
    assert RemoteSlot.objects.filter(pk=slot.pk).exists()
