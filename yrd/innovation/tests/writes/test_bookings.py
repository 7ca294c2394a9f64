from datetime import time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.actors import SYSTEM
from yrd.core.models import AuditEntry
from yrd.innovation import writes
from yrd.innovation.models import Booking, Usage
from yrd.innovation.tests import factories as f


def request(world, instrument, start, hours=2, user=None):
    return writes.booking_request(
        acting_user=user or world.js_firm_user,
        instrument=instrument,
        firm=world.js_firm,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        purpose="薄膜形貌表征",
    )


def test_a_firm_books_and_the_owner_approves(world):
    sem = f.instrument(world.sh_lab)
    booking = request(world, sem, f.at(2))
    assert booking.number.startswith("BK-") and booking.state == Booking.State.REQUESTED
    decided = writes.booking_decide(acting_user=world.sh_provider, booking=booking, approve=True)
    assert decided.state == Booking.State.APPROVED
    assert AuditEntry.objects.filter(action="innovation.booking.decide").count() == 1


def test_an_overlapping_booking_is_refused_naming_the_one_it_clashes_with(world):
    sem = f.instrument(world.sh_lab)
    first = request(world, sem, f.at(2, 10))
    with pytest.raises(ValidationError) as refused:
        request(world, sem, f.at(2, 11))
    assert first.number in refused.value.message_dict["starts_at"][0]
    assert Booking.objects.count() == 1


def test_back_to_back_bookings_do_not_overlap(world):
    sem = f.instrument(world.sh_lab)
    request(world, sem, f.at(2, 10))
    assert request(world, sem, f.at(2, 12)).state == Booking.State.REQUESTED


def test_a_refused_booking_frees_its_time(world):
    sem = f.instrument(world.sh_lab)
    first = request(world, sem, f.at(2, 10))
    writes.booking_decide(acting_user=world.sh_provider, booking=first, approve=False, note="设备检修")
    assert request(world, sem, f.at(2, 10)).state == Booking.State.REQUESTED


def test_a_refusal_needs_a_reason(world):
    booking = request(world, f.instrument(world.sh_lab), f.at(2))
    with pytest.raises(ValidationError) as refused:
        writes.booking_decide(acting_user=world.sh_provider, booking=booking, approve=False, note=" ")
    assert "note" in refused.value.message_dict


def test_a_booking_outside_the_opening_hours_is_refused(world):
    day = f.at(3).weekday()
    sem = f.instrument(world.sh_lab, windows=((day, time(9), time(12)),))
    with pytest.raises(ValidationError) as refused:
        request(world, sem, f.at(3, 11))  # 11:00-13:00 runs past noon
    assert "not open" in refused.value.message_dict["starts_at"][0]
    assert request(world, sem, f.at(3, 9)).pk


def test_a_firm_cannot_book_for_another_firm(world):
    sem = f.instrument(world.sh_lab)
    with pytest.raises(PermissionDenied):
        request(world, sem, f.at(2), user=world.zj_firm_user)


def test_another_laboratory_cannot_decide_the_booking(world):
    booking = request(world, f.instrument(world.sh_lab), f.at(2))
    with pytest.raises(PermissionDenied):
        writes.booking_decide(acting_user=world.hf_provider, booking=booking, approve=True)
    booking.refresh_from_db()
    assert booking.state == Booking.State.REQUESTED


def test_a_too_long_purpose_is_refused_before_the_database(world):
    sem = f.instrument(world.sh_lab)
    with pytest.raises(ValidationError) as refused:
        writes.booking_request(
            acting_user=world.js_firm_user,
            instrument=sem,
            firm=world.js_firm,
            starts_at=f.at(2),
            ends_at=f.at(2, 12),
            purpose="x" * 301,
        )
    assert "At most 300" in refused.value.message_dict["purpose"][0]


def test_usage_is_recorded_once_and_not_beyond_the_booked_hours(world):
    sem = f.instrument(world.sh_lab)
    booking = f.booking(sem, world.js_firm, days=-2, hours=2)
    with pytest.raises(ValidationError) as refused:
        writes.usage_record(
            acting_user=world.sh_provider, instrument=sem, booking=booking, hours=3, used_on=f.at(-2).date()
        )
    assert "2.00 hours" in refused.value.message_dict["hours"][0]
    writes.usage_record(
        acting_user=world.sh_provider, instrument=sem, booking=booking, hours=2, used_on=f.at(-2).date()
    )
    with pytest.raises(ValidationError):
        writes.usage_record(
            acting_user=world.sh_provider, instrument=sem, booking=booking, hours=1, used_on=f.at(-2).date()
        )
    assert Usage.objects.count() == 1


def test_usage_of_a_booking_not_yet_started_is_refused(world):
    sem = f.instrument(world.sh_lab)
    booking = f.booking(sem, world.js_firm, days=2)
    with pytest.raises(ValidationError) as refused:
        writes.usage_record(acting_user=SYSTEM, instrument=sem, booking=booking, hours=1, used_on=f.at(-1).date())
    assert "not started" in refused.value.message_dict["booking"][0]
