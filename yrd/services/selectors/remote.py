"""Reads of the remote virtual window: the day's slots and queue as each side may see them."""

from datetime import datetime, time

from django.utils import timezone

from yrd.core.access import can
from yrd.services.apps import BOOK, SERVE
from yrd.services.models import RemoteBooking, RemoteSlot

from .catalogue import windows
from .people import action_grants, org_scope


def day_bounds(day):
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timezone.timedelta(days=1)


def remote_day(user, day):
    """The day's slots and queue as the user may see them: a window officer sees every offered slot
    (to book) and their window's bookings; a remote officer their authority's slots and bookings."""
    start, end = day_bounds(day)
    slots = RemoteSlot.objects.filter(starts_at__gte=start, starts_at__lt=end).select_related(
        "authority__jurisdiction__parent", "officer"
    )
    bookings = (
        RemoteBooking.objects.filter(slot__in=slots)
        .select_related("slot__authority", "window__jurisdiction", "item", "application")
        .prefetch_related("session")
    )
    is_window = user.is_superuser or bool(action_grants(user, BOOK))
    serves = [s for s in slots if can(user, SERVE, org_scope(s.authority))]
    if not is_window:
        slots = serves
    visible = []
    for booking in bookings:
        booking.window_side = can(user, BOOK, org_scope(booking.window))
        booking.authority_side = can(user, SERVE, org_scope(booking.slot.authority))
        if booking.window_side or booking.authority_side:
            visible.append(booking)
    return {"slots": list(slots), "bookings": visible, "serving": serves, "is_window": is_window}


def my_windows(user):
    return [w for w in windows() if can(user, BOOK, org_scope(w))]
