"""Reservations never exceed a site's daily capacity; past days, unknown sites and anonymous callers
are refused; cancelling promotes waiting parties that fit."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.core.errors import Conflict
from yrd.culture import writes
from yrd.culture.models import Reservation
from yrd.culture.tests import factories as f
from yrd.culture.writes.visits import booked_on


def test_a_party_that_does_not_fit_is_refused_with_the_places_left(world):
    site = f.bookable(10)
    f.book(site, world.visitor, 8)
    with pytest.raises(ValidationError) as refused:
        f.book(site, world.visitor, 3)
    assert "Only 2 places are left" in refused.value.message_dict["party_size"][0]
    assert booked_on(site, f.tomorrow()) == 8 and Reservation.objects.count() == 1


def test_a_day_in_the_past_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        f.book(f.bookable(), world.visitor, 1, day=timezone.localdate() - timedelta(days=1))
    assert list(refused.value.message_dict) == ["visit_date"]


def test_a_site_without_capacity_or_unpublished_takes_no_bookings(world):
    for site in (f.resource(), f.bookable(published=False)):
        with pytest.raises(ValidationError) as refused:
            f.book(site, world.visitor, 1)
        assert "does not take reservations" in refused.value.message_dict["resource"][0]


def test_groups_give_their_name_and_anonymous_callers_sign_in(world):
    site = f.bookable(100)
    with pytest.raises(ValidationError) as refused:
        f.book(site, world.visitor, 12)
    assert list(refused.value.message_dict) == ["group_name"]
    assert f.book(site, world.visitor, 12, group_name="上海某中学研学团").status == "confirmed"
    with pytest.raises(PermissionDenied):
        f.book(site, AnonymousUser(), 1)


def test_contact_details_are_checked(world):
    with pytest.raises(ValidationError) as refused:
        f.book(f.bookable(), world.visitor, 1, contact_name="", contact_phone="call me")
    assert set(refused.value.message_dict) == {"contact_name", "contact_phone"}


def test_cancelling_promotes_the_waiting_parties_that_fit_in_order(world):
    site = f.bookable(10)
    first = f.book(site, world.visitor, 6)
    f.book(site, world.visitor, 4)
    big = f.book(site, world.visitor, 7, wait=True)
    small = f.book(site, world.visitor, 3, wait=True)
    assert (big.status, small.status) == ("waiting", "waiting")
    writes.reservation_cancel(acting_user=world.visitor, reservation=first)
    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.status, small.status) == ("waiting", "confirmed")
    assert booked_on(site, f.tomorrow()) == 7


def test_only_the_visitor_or_the_sites_managers_cancel(world):
    from yrd.core.tests.factories import person

    reservation = f.book(f.bookable(), world.visitor, 2)
    for outsider in (person(), world.jx_officer):
        with pytest.raises(PermissionDenied):
            writes.reservation_cancel(acting_user=outsider, reservation=reservation)
    writes.reservation_cancel(acting_user=world.sz_officer, reservation=reservation)
    with pytest.raises(Conflict):
        writes.reservation_cancel(acting_user=world.visitor, reservation=reservation)


def test_a_retried_booking_returns_the_first_one(world):
    site = f.bookable(10)
    data = f.booking(4)
    first = writes.reservation_book(acting_user=world.visitor, resource=site, data=data, idempotency_key="abc")
    again = writes.reservation_book(acting_user=world.visitor, resource=site, data=data, idempotency_key="abc")
    assert first.pk == again.pk and booked_on(site, f.tomorrow()) == 4


steps = st.lists(st.tuples(st.sampled_from(["book", "wait", "cancel"]), st.integers(1, 9)), max_size=25)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(capacity=st.integers(1, 20), steps=steps)
def test_any_sequence_of_bookings_and_cancellations_stays_within_capacity(world, capacity, steps):
    Reservation.objects.all().delete()
    site = f.bookable(capacity)
    for op, n in steps:
        if op == "cancel":
            live = list(Reservation.objects.exclude(status="cancelled"))
            if live:
                writes.reservation_cancel(acting_user=world.visitor, reservation=live[n % len(live)])
            continue
        try:
            f.book(site, world.visitor, n, wait=op == "wait")
        except ValidationError:
            assert n > capacity - booked_on(site, f.tomorrow())
        assert booked_on(site, f.tomorrow()) <= capacity
    left = capacity - booked_on(site, f.tomorrow())
    assert all(r.party_size > left for r in Reservation.objects.filter(status="waiting"))
