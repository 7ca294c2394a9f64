"""The remote virtual window: slots offered by competent authorities, bookings made at a window in
another province, the day's queue, check-in, hand-off of the application, and the session record."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from yrd.core.access import can, require
from yrd.core.actors import SYSTEM, person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.services.apps import BOOK, SERVE
from yrd.services.models import CompetentAuthority, RemoteBooking, RemoteSession, RemoteSlot
from yrd.services.selectors import org_scope

from .common import now, province_of
from .transitions import application_forward

Booking = RemoteBooking.State
BOOKING_MOVES = {  # transition -> (from states, to state)
    "check_in": ({Booking.BOOKED}, Booking.CHECKED_IN),
    "start": ({Booking.CHECKED_IN}, Booking.IN_SESSION),
    "end": ({Booking.IN_SESSION}, Booking.DONE),
    "no_show": ({Booking.BOOKED, Booking.CHECKED_IN}, Booking.NO_SHOW),
    "cancel": ({Booking.BOOKED}, Booking.CANCELLED),
}
MOVE_LABELS = {
    "check_in": pgettext_lazy("action done", "checked in"),
    "start": pgettext_lazy("action done", "started"),
    "end": pgettext_lazy("action done", "ended"),
    "no_show": pgettext_lazy("action done", "marked as not come"),
    "cancel": pgettext_lazy("action done", "cancelled"),
    "hand_off": pgettext_lazy("action done", "handed off"),
}
EARLY_START = timedelta(minutes=15)  # a session may start this long before its slot
ACTIVE = [Booking.BOOKED, Booking.CHECKED_IN, Booking.IN_SESSION, Booking.DONE]


def _move(booking, name):
    sources, target = BOOKING_MOVES[name]
    if booking.state not in sources:
        raise Conflict(
            _("This booking is “%(state)s”; it cannot be %(action)s.")
            % {"state": booking.get_state_display(), "action": MOVE_LABELS[name]},
            code="illegal_transition",
        )
    booking.state = target


def _audit(acting_user, booking, action, **data):
    audit_record(
        actor=acting_user,
        action=f"services.remote.{action}",
        obj=booking,
        jurisdiction=province_of(booking.window).code,
        data=data,
    )


@write
def slot_create(
    *,
    acting_user,
    authority,
    officer,
    starts_at,
    ends_at,
    capacity=1,
    video_url="",
    is_demo=False,
    at=None,
):
    """An officer of the competent authority offers a time on the remote window. Errors name the
    field: starts_at (past, overlapping), ends_at, capacity, video_url, officer."""
    require(acting_user, SERVE, org_scope(authority))
    # Lock the officer's row so two publications of the same officer cannot both pass the
    # overlap check.
    get_user_model().objects.select_for_update().filter(pk=officer.pk).first()
    slot = RemoteSlot(
        authority=authority,
        officer=officer,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        video_url=(video_url or "").strip(),
        is_demo=is_demo,
    )
    errors = _slot_errors(slot, acting_user=acting_user, at=now(at))
    if errors:
        raise ValidationError(errors)
    slot.save()
    audit_record(
        actor=acting_user,
        action="services.remote.slot",
        obj=slot,
        jurisdiction=province_of(authority).code,
        data={
            "officer": officer.pk,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "capacity": capacity,
        },
    )
    return slot


def _slot_errors(slot, *, acting_user, at):
    errors = {}
    if not isinstance(slot.capacity, int) or slot.capacity < 1:
        errors["capacity"] = [_("At least one applicant must be able to book the slot.")]
    try:
        slot.full_clean(exclude=list(errors))
    except ValidationError as error:
        error.update_error_dict(errors)
    if not can(slot.officer, SERVE, org_scope(slot.authority)):
        errors.setdefault("officer", []).append(
            _("%(officer)s does not serve for %(authority)s.")
            % {"officer": slot.officer, "authority": slot.authority.name}
        )
    if errors.get("starts_at") or errors.get("ends_at"):
        return errors
    # The platform itself (acting_user None: demo loader, imports) may record a slot that began
    # earlier today; a person publishes only ahead.
    if acting_user is not SYSTEM and slot.starts_at <= at:
        errors.setdefault("starts_at", []).append(_("This time has already passed."))
    clash = (
        RemoteSlot.objects.filter(officer=slot.officer, starts_at__lt=slot.ends_at, ends_at__gt=slot.starts_at)
        .select_related("authority")
        .first()
    )
    if clash is not None:
        errors.setdefault("starts_at", []).append(
            _("%(officer)s already offers a slot %(starts)s–%(ends)s (%(authority)s) at this time.")
            % {
                "officer": slot.officer,
                "starts": _local(clash.starts_at, "Y-m-d H:i"),
                "ends": _local(clash.ends_at, "H:i"),
                "authority": clash.authority.name,
            }
        )
    return errors


def _local(moment, fmt):
    return date_format(timezone.localtime(moment), fmt)


@write
def slot_cancel(*, acting_user, slot):
    """The officer withdraws a slot of their own that nobody booked. A slot with bookings, even
    cancelled ones, stays: the bookings' history refers to it."""
    slot = RemoteSlot.objects.select_for_update().select_related("authority__jurisdiction").get(pk=slot.pk)
    require(acting_user, SERVE, org_scope(slot.authority))
    if acting_user is not SYSTEM and slot.officer_id != acting_user.pk:
        raise PermissionDenied(_("Only the officer who offers this slot may cancel it."))
    booked = slot.bookings.count()
    if booked:
        raise Conflict(
            ngettext(
                "This slot has %(count)d booking; it cannot be cancelled.",
                "This slot has %(count)d bookings; it cannot be cancelled.",
                booked,
            )
            % {"count": booked},
            code="slot_booked",
        )
    audit_record(
        actor=acting_user,
        action="services.remote.slot_cancel",
        obj=slot,
        jurisdiction=province_of(slot.authority).code,
        data={
            "officer": slot.officer_id,
            "starts_at": slot.starts_at,
            "ends_at": slot.ends_at,
            "capacity": slot.capacity,
        },
    )
    slot.delete()
    return slot


@write
def booking_create(*, acting_user, slot, window, item, applicant_name, at=None, is_demo=False):
    """A window books a slot for the applicant in front of it, with another province's authority."""
    require(acting_user, BOOK, org_scope(window))
    slot = RemoteSlot.objects.select_for_update().select_related("authority__jurisdiction").get(pk=slot.pk)
    errors = {}
    if not applicant_name.strip():
        errors["applicant_name"] = [_("Give the applicant's name.")]
    if not item.remote:
        errors["item"] = [_("%s is not offered through remote receive-and-forward.") % item.name]
    elif not handles(slot.authority, item):
        errors["item"] = [_("The authority of this slot does not handle %(item)s.") % {"item": item.name}]
    if province_of(window).pk == province_of(slot.authority).pk:
        errors["slot"] = [_("The remote window connects to another province's authority.")]
    at = now(at)
    if slot.ends_at <= at:
        errors["slot"] = [_("This slot is over.")]
    if errors:
        raise ValidationError(errors)
    if slot.bookings.filter(state__in=ACTIVE).count() >= slot.capacity:
        raise Conflict(_("This slot is fully booked."), code="slot_full")
    booking = RemoteBooking.objects.create(
        slot=slot,
        window=window,
        item=item,
        applicant_name=applicant_name.strip(),
        booked_by=person(acting_user),
        booked_at=at,
        is_demo=is_demo,
    )
    _audit(acting_user, booking, "book", slot=slot.pk, item=item.code)
    return booking


def handles(authority, item):
    """Whether `authority` is the competent authority for `item` in its own province."""
    return CompetentAuthority.objects.filter(
        item=item, province=province_of(authority), organisation=authority
    ).exists()


def _locked(booking):
    return (
        RemoteBooking.objects.select_for_update()
        .select_related("slot__authority__jurisdiction", "window__jurisdiction")
        .get(pk=booking.pk)
    )


@write
def booking_check_in(*, acting_user, booking, at=None):
    """The applicant is at the window: the next number of the authority's queue that day."""
    booking = _locked(booking)
    require(acting_user, BOOK, org_scope(booking.window))
    _move(booking, "check_in")
    day = timezone.localdate(booking.slot.starts_at)
    highest = RemoteBooking.objects.filter(
        slot__authority=booking.slot.authority,
        slot__starts_at__date=day,
    ).aggregate(n=Max("queue_number"))["n"]
    booking.queue_number, booking.checked_in_at = (highest or 0) + 1, now(at)
    booking.save(update_fields=["state", "queue_number", "checked_in_at"])
    _audit(acting_user, booking, "check_in", queue_number=booking.queue_number)
    return booking


@write
def session_start(*, acting_user, booking, at=None):
    booking = _locked(booking)
    require(acting_user, SERVE, org_scope(booking.slot.authority))
    _move(booking, "start")
    at = now(at)
    if at < booking.slot.starts_at - EARLY_START:
        raise Conflict(
            _("The slot starts at %(starts)s; the session can start from %(earliest)s, %(minutes)d minutes before.")
            % {
                "starts": _local(booking.slot.starts_at, "Y-m-d H:i"),
                "earliest": _local(booking.slot.starts_at - EARLY_START, "H:i"),
                "minutes": EARLY_START.seconds // 60,
            },
            code="too_early",
        )
    booking.save(update_fields=["state"])
    session = RemoteSession.objects.create(
        booking=booking, remote_officer=acting_user or booking.slot.officer, started_at=at
    )
    _audit(acting_user, booking, "session_start", session=session.pk)
    return session


@write
def booking_hand_off(*, acting_user, booking, application, at=None):
    """During the session the window forwards the application it received to the remote officer's
    authority (an exchange record, like any forward)."""
    booking = _locked(booking)
    require(acting_user, BOOK, org_scope(booking.window))
    if booking.state != Booking.IN_SESSION:
        raise Conflict(_("Hand the application over during the session."), code="illegal_transition")
    if application.receiving_window_id != booking.window_id or application.item_id != booking.item_id:
        raise ValidationError({"application": _("This application was not received at this window for this service.")})
    application_forward(
        acting_user=acting_user,
        application=application,
        to_province=province_of(booking.slot.authority),
        at=at,
    )
    booking.application = application
    booking.save(update_fields=["application"])
    _audit(acting_user, booking, "hand_off", application=application.number)
    return booking


@write
def session_end(*, acting_user, booking, outcome, notes="", at=None):
    booking = _locked(booking)
    require(acting_user, SERVE, org_scope(booking.slot.authority))
    _move(booking, "end")
    if outcome not in RemoteSession.Outcome.values:
        raise ValidationError({"outcome": _("Choose how the session ended.")})
    if outcome == RemoteSession.Outcome.HANDED_OFF and booking.application_id is None:
        raise ValidationError({"outcome": _("No application was handed over in this session.")})
    booking.save(update_fields=["state"])
    session = booking.session
    session.ended_at, session.outcome, session.notes = now(at), outcome, notes.strip()
    session.save(update_fields=["ended_at", "outcome", "notes"])
    _audit(acting_user, booking, "session_end", outcome=outcome)
    return session


@write
def booking_no_show(*, acting_user, booking):
    booking = _locked(booking)
    require(acting_user, BOOK, org_scope(booking.window))
    _move(booking, "no_show")
    booking.save(update_fields=["state"])
    _audit(acting_user, booking, "no_show")
    return booking


@write
def booking_cancel(*, acting_user, booking):
    booking = _locked(booking)
    require(acting_user, BOOK, org_scope(booking.window))
    _move(booking, "cancel")
    booking.save(update_fields=["state"])
    _audit(acting_user, booking, "cancel")
    return booking
