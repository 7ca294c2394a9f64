"""The remote virtual window: the day's slots and queue, booking, check-in, session."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.services import selectors, services
from yrd.services.models import (
    Application,
    RemoteBooking,
    RemoteSession,
    RemoteSlot,
    ServiceItem,
    State,
)
from yrd.services.services.remote import MOVE_LABELS

from .common import attempt
from .portal import desk_tabs


def _day(raw):
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return timezone.localdate()


@login_required
def schedule(request):
    day = _day(request.GET.get("day"))
    seen = selectors.remote_day(request.user, day)
    windows = selectors.my_windows(request.user)
    handoff = Application.objects.filter(
        receiving_window__in=windows, state=State.RECEIVED, mode="remote"
    )
    return render(
        request,
        "services/remote.html",
        {
            **seen,
            "day": day,
            "windows": windows,
            "items": ServiceItem.objects.filter(remote=True),
            "handoff": list(handoff.select_related("item")),
            "outcomes": RemoteSession.Outcome.choices,
            "tabs": desk_tabs(request.user),
            "active": "services:remote",
            "previous": day - timezone.timedelta(days=1),
            "next": day + timezone.timedelta(days=1),
        },
    )


@login_required
@require_POST
def book(request):
    post = request.POST
    slot = get_object_or_404(RemoteSlot, pk=post.get("slot") or 0)
    window = next(
        (w for w in selectors.my_windows(request.user) if str(w.pk) == post.get("window")), None
    )
    item = ServiceItem.objects.filter(pk=post.get("item") or 0).first()
    if window is None or item is None:
        messages.error(request, _("Choose your window and the service."))
    elif attempt(
        request,
        lambda: services.booking_create(
            acting_user=request.user,
            slot=slot,
            window=window,
            item=item,
            applicant_name=post.get("applicant_name", ""),
        ),
    ):
        messages.success(request, _("Slot booked."))
    return redirect(f"{reverse('services:remote')}?day={timezone.localdate(slot.starts_at)}")


ACTIONS = {
    "check_in": lambda user, booking, post: services.booking_check_in(
        acting_user=user, booking=booking
    ),
    "no_show": lambda user, booking, post: services.booking_no_show(
        acting_user=user, booking=booking
    ),
    "cancel": lambda user, booking, post: services.booking_cancel(
        acting_user=user, booking=booking
    ),
    "start": lambda user, booking, post: services.session_start(acting_user=user, booking=booking),
    "hand_off": lambda user, booking, post: services.booking_hand_off(
        acting_user=user,
        booking=booking,
        application=get_object_or_404(Application, pk=post.get("application") or 0),
    ),
    "end": lambda user, booking, post: services.session_end(
        acting_user=user,
        booking=booking,
        outcome=post.get("outcome", ""),
        notes=post.get("notes", ""),
    ),
}


@login_required
@require_POST
def booking_act(request, pk, action):
    booking = get_object_or_404(RemoteBooking.objects.select_related("slot"), pk=pk)
    if action not in ACTIONS:
        raise Http404
    if attempt(request, lambda: ACTIONS[action](request.user, booking, request.POST)) is not None:
        messages.success(request, _("Done: %s.") % MOVE_LABELS.get(action, action))
    return redirect(
        f"{reverse('services:remote')}?day={timezone.localdate(booking.slot.starts_at)}"
    )
