from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yrd.core.errors import Conflict
from yrd.services import services
from yrd.services.tests.conftest import submit


@pytest.fixture
def slot(world):
    starts = timezone.now() + timedelta(hours=1)
    return services.slot_create(
        acting_user=world.ah_officer,
        authority=world.item.authority_orgs["340000"],
        officer=world.ah_officer,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        capacity=2,
    )


def book(world, slot, name="张三"):
    return services.booking_create(
        acting_user=world.sh_officer,
        slot=slot,
        window=world.sh_window,
        item=world.item,
        applicant_name=name,
    )


def test_a_window_books_checks_in_and_the_remote_officer_takes_the_hand_off(world, slot):
    booking = book(world, slot)
    booking = services.booking_check_in(acting_user=world.sh_officer, booking=booking)
    assert booking.queue_number == 1
    services.session_start(acting_user=world.ah_officer, booking=booking)
    application = submit(world)
    services.application_receive(
        acting_user=world.sh_officer, application=application, consent_signed=True
    )
    services.booking_hand_off(
        acting_user=world.sh_officer, booking=booking, application=application
    )
    session = services.session_end(
        acting_user=world.ah_officer, booking=booking, outcome="handed_off", notes="材料齐全"
    )
    application.refresh_from_db()
    assert application.state == "forwarded" and application.exchanges.get().kind == "forward"
    assert (
        session.remote_officer == world.ah_officer
        and session.ended_at
        and session.outcome == "handed_off"
    )


def test_the_queue_numbers_follow_check_in_order(world, slot):
    first, second = book(world, slot, "甲"), book(world, slot, "乙")
    assert services.booking_check_in(acting_user=world.sh_officer, booking=second).queue_number == 1
    assert services.booking_check_in(acting_user=world.sh_officer, booking=first).queue_number == 2


def test_a_full_slot_is_refused(world, slot):
    book(world, slot), book(world, slot)
    with pytest.raises(Conflict):
        book(world, slot)


def test_a_slot_of_the_windows_own_province_or_a_past_slot_is_refused(world):
    starts = timezone.now() - timedelta(hours=2)
    past = services.slot_create(
        acting_user=None,
        authority=world.item.authority_orgs["340000"],
        officer=world.ah_officer,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
    )
    with pytest.raises(ValidationError):
        book(world, past)
    starts = timezone.now() + timedelta(hours=2)
    local = services.slot_create(
        acting_user=None,
        authority=world.item.authority_orgs["310000"],
        officer=world.sh_handler,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
    )
    with pytest.raises(ValidationError):
        book(world, local)


def test_only_the_window_books_and_only_the_authority_serves(world, slot):
    with pytest.raises(PermissionDenied):
        services.booking_create(
            acting_user=world.sz_officer,
            slot=slot,
            window=world.sh_window,
            item=world.item,
            applicant_name="张三",
        )
    booking = services.booking_check_in(acting_user=world.sh_officer, booking=book(world, slot))
    with pytest.raises(PermissionDenied):
        services.session_start(acting_user=world.zj_officer, booking=booking)
    services.session_start(acting_user=world.ah_officer, booking=booking)
    with pytest.raises(ValidationError):  # nothing was handed over in this session
        services.session_end(acting_user=world.ah_officer, booking=booking, outcome="handed_off")
