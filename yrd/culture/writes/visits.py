"""Reservations of timed visits to sites with a daily carrying capacity (see models.visits).

Booking locks the site's row, then counts the day's confirmed people: two bookings of the last
places on PostgreSQL wait for each other instead of both succeeding. A party that does not fit is
refused, or put on the waiting list when it asks to wait. Cancelling frees places and promotes
waiting parties, oldest first, each one that fits.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

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
from yrd.culture.models import HeritageResource, Reservation
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


def booked_on(resource: HeritageResource, day: date) -> int:
    """People confirmed for `day`."""
    rows = Reservation.objects.filter(resource=resource, visit_date=day, status=R.CONFIRMED)
    return rows.aggregate(n=Sum("party_size"))["n"] or 0


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
    refuse_if(_problems(acting_user, resource, data))
    left = resource.daily_capacity - booked_on(resource, data.visit_date)
    if data.party_size > left and not data.wait:
        refuse_if(
            {
                "party_size": [
                    _("Only %(left)d places are left on %(day)s (daily capacity %(capacity)d).")
                    % {"left": max(left, 0), "day": data.visit_date.isoformat(), "capacity": resource.daily_capacity}
                ]
            }
        )
    reservation = Reservation.objects.create(
        number=f"CUL-{data.visit_date:%y%m%d}-{secrets.token_hex(3).upper()}",
        resource=resource,
        visit_date=data.visit_date,
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
            "people": data.party_size,
            "status": reservation.status,
        },
    )
    idempotency.fulfil(acting_user=acting_user, operation=OPERATION, key=idempotency_key, result_id=reservation.pk)
    return reservation


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
    _promote(acting_user, resource, reservation.visit_date)
    return reservation


def _promote(acting_user, resource: HeritageResource, day: date) -> None:
    left = resource.daily_capacity - booked_on(resource, day)
    for waiting in Reservation.objects.filter(resource=resource, visit_date=day, status=R.WAITING):
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
