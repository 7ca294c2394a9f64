"""Timed entry slots: a site's day split into entries with their own capacity. Bookings choose an
entry; capacity and the waiting list apply per entry; officers of another city cannot set them;
bad slot lists are refused naming the problem, and slots with reservations are kept."""

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.core.models import AuditEntry
from yrd.culture import writes
from yrd.culture.models import EntrySlot, Reservation
from yrd.culture.tests import factories as f
from yrd.culture.writes.slots import SlotInput
from yrd.culture.writes.visits import booked_on


def save(user, site, *rows):
    return writes.entry_slots_save(acting_user=user, resource=site, slots=[SlotInput(*row) for row in rows])


def test_the_citys_officer_sets_entries_and_another_city_is_refused(world):
    site = f.bookable(100)
    saved = save(world.sz_officer, site, (time(9), time(10), 40), (time(10), time(11), 60))
    assert [s.label for s in saved] == ["09:00–10:00", "10:00–11:00"]
    assert AuditEntry.objects.filter(action="culture.slots.save").count() == 1
    for stranger in (world.jx_officer, world.visitor, world.js_reviewer):
        with pytest.raises(PermissionDenied):
            save(stranger, site, (time(9), time(10), 10))
    assert [s.capacity for s in EntrySlot.objects.all()] == [40, 60]


@pytest.mark.parametrize(
    ("rows", "field", "words"),
    [
        ([(time(10), time(9), 5)], "slots[1]", "start before it ends"),
        ([(None, time(9), 5)], "slots[1]", "give a start and an end"),
        ([(time(9), time(10), 0)], "slots[1]", "at least 1"),
        ([(time(9), time(11), 5), (time(10), time(12), 5)], "slots", "overlap"),
        ([(time(9), time(10), 60), (time(10), time(11), 50)], "slots", "more than the daily capacity 100"),
    ],
)
def test_bad_slot_lists_are_refused_naming_the_problem(world, rows, field, words):
    site = f.bookable(100)
    with pytest.raises(ValidationError) as refused:
        save(world.sz_officer, site, *rows)
    assert words in " ".join(refused.value.message_dict[field])
    assert not EntrySlot.objects.exists() and not AuditEntry.objects.filter(action="culture.slots.save").exists()


def test_a_site_without_a_daily_capacity_gets_no_slots(world):
    with pytest.raises(ValidationError) as refused:
        save(world.sz_officer, f.resource(), (time(9), time(10), 5))
    assert "daily capacity" in refused.value.message_dict["slots"][0]


def test_a_site_with_slots_takes_bookings_for_one_of_its_entries_only(world):
    site = f.bookable(20)
    f.hourly(site, 10, 10)
    with pytest.raises(ValidationError) as refused:
        f.book(site, world.visitor, 2)
    assert "09:00–10:00, 10:00–11:00" in refused.value.message_dict["slot"][0]
    with pytest.raises(ValidationError):
        f.book(site, world.visitor, 2, slot=time(14))
    booked = f.book(site, world.visitor, 2, slot=time(10))
    assert booked.slot.label == "10:00–11:00"


def test_a_whole_day_site_refuses_a_slot(world):
    with pytest.raises(ValidationError) as refused:
        f.book(f.bookable(20), world.visitor, 2, slot=time(9))
    assert "whole day" in refused.value.message_dict["slot"][0]


def test_capacity_and_waiting_list_apply_per_entry(world):
    site = f.bookable(20)
    nine, ten = f.hourly(site, 5, 15)
    f.book(site, world.visitor, 4, slot=time(9))
    with pytest.raises(ValidationError) as refused:
        f.book(site, world.visitor, 2, slot=time(9))
    assert "Only 1 places are left" in refused.value.message_dict["party_size"][0]
    assert "09:00–10:00" in refused.value.message_dict["party_size"][0]
    assert f.book(site, world.visitor, 2, slot=time(10)).status == "confirmed"  # the other entry has room
    waiting = f.book(site, world.visitor, 2, slot=time(9), wait=True)
    other_wait = f.book(site, world.visitor, 14, slot=time(10), wait=True, group_name="研学团")
    assert (waiting.status, other_wait.status) == ("waiting", "waiting")
    first = Reservation.objects.filter(slot=nine, status="confirmed").get()
    writes.reservation_cancel(acting_user=world.visitor, reservation=first)
    waiting.refresh_from_db()
    other_wait.refresh_from_db()
    assert waiting.status == "confirmed" and other_wait.status == "waiting"  # promoted only in its entry
    assert (booked_on(site, f.tomorrow(), nine), booked_on(site, f.tomorrow(), ten)) == (2, 2)


def test_an_entry_with_reservations_is_kept_and_not_shrunk_below_its_bookings(world):
    site = f.bookable(20)
    f.hourly(site, 10, 10)
    f.book(site, world.visitor, 6, slot=time(9))
    with pytest.raises(ValidationError) as removed:
        save(world.sz_officer, site, (time(10), time(11), 10))
    assert "09:00–10:00 has reservations" in removed.value.message_dict["slots"][0]
    with pytest.raises(ValidationError) as shrunk:
        save(world.sz_officer, site, (time(9), time(10), 5), (time(10), time(11), 10))
    assert "already has 6 people confirmed" in shrunk.value.message_dict["slots"][0]
    saved = save(world.sz_officer, site, (time(9), time(10), 8), (time(11), time(12), 12))
    assert [(s.label, s.capacity) for s in saved] == [("09:00–10:00", 8), ("11:00–12:00", 12)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    capacities=st.lists(st.integers(1, 8), min_size=1, max_size=4),
    parties=st.lists(st.tuples(st.integers(0, 3), st.integers(1, 6), st.booleans()), max_size=12),
)
def test_no_entry_is_ever_overbooked(world, capacities, parties):
    site = f.bookable(sum(capacities))
    slots = f.hourly(site, *capacities)
    for which, size, wait in parties:
        slot = slots[which % len(slots)]
        try:
            f.book(site, world.visitor, size, slot=slot.starts, wait=wait)
        except ValidationError:
            pass
    for slot in slots:
        assert booked_on(site, f.tomorrow(), slot) <= slot.capacity
