"""Reservations of timed visits to sites with a daily carrying capacity (see models.visits).

Booking locks the site's row, then counts the day's confirmed people: two bookings of the last
places on PostgreSQL wait for each other instead of both succeeding. A party that does not fit is
refused, or put on the waiting list when it asks to wait. Cancelling frees places and promotes
waiting parties, oldest first, each one that fits. At a site with timed entry slots, every count
is of one slot on one day against that slot's capacity.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import can
from yrd.core.actors import SYSTEM, person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.culture.apps import VISITS
from yrd.culture.models import EntrySlot, HeritageResource, Reservation
from yrd.culture.models.visits import GROUP_SIZE

from .common import refuse_if, text_errors

BOOKING_HORIZON_DAYS = 90
MAX_PARTY = 60
PHONE = re.compile(r"^\+?[0-9][0-9 -]{5,18}$")
OPERATION = "culture.reservation.book"
R = Reservation.Status


@dataclass
class BookingInput:
    visit_date: date
    party_size: int
    contact_name: str
    contact_phone: str
    group_name: str = ""
    wait: bool = False
    slot: time | None = None  # the entry slot's start, at a site with slots


def booked_on(resource: HeritageResource, day: date, slot: EntrySlot | None = None) -> int:
    """People confirmed for `day` (in `slot` when given)."""
    rows = Reservation.objects.filter(resource=resource, visit_date=day, status=R.CONFIRMED)
    if slot is not None:
        rows = rows.filter(slot=slot)
    return rows.aggregate(n=Sum("party_size"))["n"] or 0


def capacity_of(resource: HeritageResource, slot: EntrySlot | None) -> int:
    return slot.capacity if slot is not None else resource.daily_capacity


def _slot_chosen(resource: HeritageResource, data: BookingInput, errors: dict) -> EntrySlot | None:
    """The slot the party asked for; a site with slots needs one of its own, a site without takes none."""
    slots = {s.starts: s for s in resource.slots.all()}
    if not slots:
        if data.slot is not None:
            errors["slot"] = [_("This site takes reservations for the whole day, without entry slots.")]
        return None
    if not isinstance(data.slot, time) or data.slot not in slots:
        errors["slot"] = [
            _("Choose one of the entry slots: %(slots)s.") % {"slots": ", ".join(s.label for s in slots.values())}
        ]
        return None
    return slots[data.slot]


def _problems(acting_user, resource: HeritageResource, data: BookingInput) -> dict:
    errors = text_errors(
        Reservation,
        {"contact_name": data.contact_name, "contact_phone": data.contact_phone, "group_name": data.group_name},
    )
    if not resource.bookable:
        errors["resource"] = [_("This site does not take reservations.")]
    today = timezone.localdate()
    if acting_user is SYSTEM and isinstance(data.visit_date, date) and data.visit_date < today:
        pass  # the platform records visits already made (a ticketing system's history, demo data)
    elif not isinstance(data.visit_date, date) or data.visit_date < today:
        errors["visit_date"] = [_("Choose today or a later day.")]
    elif data.visit_date > today + timedelta(days=BOOKING_HORIZON_DAYS):
        errors["visit_date"] = [_("Reservations open %(n)d days ahead.") % {"n": BOOKING_HORIZON_DAYS}]
    if (
        isinstance(data.party_size, bool)
        or not isinstance(data.party_size, int)
        or not 1 <= data.party_size <= MAX_PARTY
    ):
        errors["party_size"] = [_("A party is 1 to %(n)d people.") % {"n": MAX_PARTY}]
    elif data.party_size >= GROUP_SIZE and not (data.group_name or "").strip():
        errors["group_name"] = [_("A group of %(n)d or more people gives the group's name.") % {"n": GROUP_SIZE}]
    if not (data.contact_name or "").strip():
        errors.setdefault("contact_name", []).append(_("Give a contact name."))
    if "contact_phone" not in errors and not PHONE.match(data.contact_phone or ""):
        errors["contact_phone"] = [_("Give a phone number (digits, optionally + and spaces).")]
    return errors


@write
def reservation_book(
    *,
    acting_user,
    resource: HeritageResource,
    data: BookingInput,
    idempotency_key: str | None = None,
    is_demo: bool = False,
) -> Reservation:
    if acting_user is not SYSTEM and not getattr(acting_user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to book a visit."))
    earlier = idempotency.claim(
        acting_user=acting_user,
        operation=OPERATION,
        key=idempotency_key,
        request={"resource": resource.code, **vars(data)},
    )
    if earlier is not None:
        return Reservation.objects.get(pk=earlier)
    resource = HeritageResource.objects.select_for_update().get(pk=resource.pk)
    errors = _problems(acting_user, resource, data)
    slot = _slot_chosen(resource, data, errors) if resource.bookable else None
    refuse_if(errors)
    left = capacity_of(resource, slot) - booked_on(resource, data.visit_date, slot)
    if data.party_size > left and not data.wait:
        refuse_if({"party_size": [_full_message(left, data.visit_date, resource, slot)]})
    reservation = Reservation.objects.create(
        number=f"CUL-{data.visit_date:%y%m%d}-{secrets.token_hex(3).upper()}",
        resource=resource,
        visit_date=data.visit_date,
        slot=slot,
        party_size=data.party_size,
        group_name=data.group_name.strip(),
        contact_name=data.contact_name.strip(),
        contact_phone=data.contact_phone.strip(),
        visitor=person(acting_user),
        status=R.CONFIRMED if data.party_size <= left else R.WAITING,
        is_demo=is_demo,
    )
    audit_record(
        actor=acting_user,
        action="culture.reservation.book",
        obj=reservation,
        jurisdiction=resource.city.code,
        data={
            "site": resource.code,
            "day": str(data.visit_date),
            "slot": slot.label if slot else "",
            "people": data.party_size,
            "status": reservation.status,
        },
    )
    idempotency.fulfil(acting_user=acting_user, operation=OPERATION, key=idempotency_key, result_id=reservation.pk)
    return reservation


def _full_message(left: int, day: date, resource: HeritageResource, slot: EntrySlot | None) -> str:
    values = {"left": max(left, 0), "day": day.isoformat()}
    if slot is None:
        return _("Only %(left)d places are left on %(day)s (daily capacity %(capacity)d).") % (
            values | {"capacity": resource.daily_capacity}
        )
    return _("Only %(left)d places are left on %(day)s at %(slot)s (capacity of the entry %(capacity)d).") % (
        values | {"slot": slot.label, "capacity": slot.capacity}
    )


def may_cancel(user, reservation: Reservation) -> bool:
    own = getattr(user, "is_authenticated", False) and reservation.visitor_id == user.pk
    return own or can(user, VISITS, reservation)


@write
def reservation_cancel(*, acting_user, reservation: Reservation) -> Reservation:
    """Cancel a visit (the visitor, or the site's managers); waiting parties that now fit are confirmed."""
    if not may_cancel(acting_user, reservation):
        raise PermissionDenied(_("Only the visitor or the site's managers cancel a reservation."))
    resource = HeritageResource.objects.select_for_update().get(pk=reservation.resource_id)
    reservation = Reservation.objects.get(pk=reservation.pk)
    if reservation.status == R.CANCELLED:
        raise Conflict(_("This reservation is already cancelled."), code="already_cancelled")
    if reservation.visit_date < timezone.localdate():
        raise Conflict(_("A past visit cannot be cancelled."), code="past")
    reservation.status = R.CANCELLED
    reservation.save(update_fields=["status"])
    audit_record(
        actor=acting_user,
        action="culture.reservation.cancel",
        obj=reservation,
        jurisdiction=resource.city.code,
        data={"site": resource.code, "day": str(reservation.visit_date), "people": reservation.party_size},
    )
    _promote(acting_user, resource, reservation.visit_date, reservation.slot)
    return reservation


def _promote(acting_user, resource: HeritageResource, day: date, slot: EntrySlot | None) -> None:
    left = capacity_of(resource, slot) - booked_on(resource, day, slot)
    waiting_list = Reservation.objects.filter(resource=resource, visit_date=day, slot=slot, status=R.WAITING)
    for waiting in waiting_list:
        if waiting.party_size <= left:
            waiting.status = R.CONFIRMED
            waiting.save(update_fields=["status"])
            left -= waiting.party_size
            audit_record(
                actor=acting_user,
                action="culture.reservation.promote",
                obj=waiting,
                jurisdiction=resource.city.code,
                data={"site": resource.code, "day": str(day), "people": waiting.party_size},
            )
