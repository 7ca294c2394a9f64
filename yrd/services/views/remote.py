"""The remote virtual window: the day's slots and queue, booking, check-in, session."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.services import selectors, writes
from yrd.services.apps import SERVE
from yrd.services.forms import SlotForm, own_authority, servable_authorities
from yrd.services.models import (
    Application,
    CompetentAuthority,
    RemoteBooking,
    RemoteSession,
    RemoteSlot,
    ServiceItem,
    State,
)
from yrd.services.writes.common import province_of
from yrd.services.writes.remote import MOVE_LABELS

from .common import attempt, post_or_redirect
from .portal import desk_refused, desk_tabs, may_use_remote


def _day(raw):
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return timezone.localdate()


@login_required
def schedule(request):
    if not may_use_remote(request.user):
        return desk_refused(
            request,
            _("Remote window"),
            _(
                "This desk is for window officers and for officers of a competent authority "
                "serving through the remote window."
            ),
        )
    return _page(request, _day(request.GET.get("day")))


def _page(request, day, slot_form=None, status=200):
    seen = selectors.remote_day(request.user, day)
    windows = selectors.my_windows(request.user)
    handoff = Application.objects.filter(receiving_window__in=windows, state=State.RECEIVED, mode="remote")
    authorities = servable_authorities(request.user)
    if slot_form is None and authorities.exists():
        slot_form = SlotForm(
            authorities=authorities,
            initial={"day": day},
            own=own_authority(request.user, authorities),
        )
    return render(
        request,
        "services/remote.html",
        {
            **seen,
            "day": day,
            "windows": windows,
            "slot_items": _items_by_authority(seen["slots"]),
            "handoff": list(handoff.select_related("item")),
            "outcomes": RemoteSession.Outcome.choices,
            "slot_form": slot_form,
            "cancellable": _cancellable(request.user, seen["slots"]),
            "tabs": desk_tabs(request.user),
            "active": "services:remote",
            "previous": day - timezone.timedelta(days=1),
            "next": day + timezone.timedelta(days=1),
        },
        status=status,
    )


def _items_by_authority(slots):
    """[(authority, remote items it handles in its province)] for the authorities of the slots, so
    the booking form offers with each slot only what its authority decides."""
    authorities = {s.authority_id: s.authority for s in slots}
    handled = {}
    for ca in CompetentAuthority.objects.filter(organisation__in=authorities, item__remote=True).select_related("item"):
        if ca.province_id == province_of(authorities[ca.organisation_id]).pk:
            handled.setdefault(ca.organisation_id, []).append(ca.item)
    return [(a, handled[pk]) for pk, a in authorities.items() if pk in handled]


def _cancellable(user, slots):
    """The slots on the page the user offers and nobody booked: they may withdraw these."""
    own = [s.pk for s in slots if s.officer_id == user.pk]
    booked = set(RemoteBooking.objects.filter(slot__in=own).values_list("slot", flat=True))
    return {pk for pk in own if pk not in booked}


def _to_day_of(slot):
    return redirect(f"{reverse('services:remote')}?day={timezone.localdate(slot.starts_at)}")


@login_required
@post_or_redirect(lambda **kwargs: reverse("services:remote"))
def slot_publish(request):
    """An officer of a competent authority publishes a slot of their own."""
    if not can(request.user, SERVE):
        raise PermissionDenied(_("Only officers of a competent authority publish slots."))
    form = SlotForm(request.POST, authorities=servable_authorities(request.user))
    if form.is_valid():
        starts_at, ends_at = form.times()
        try:
            slot = writes.slot_create(
                acting_user=request.user,
                authority=form.cleaned_data["authority"],
                officer=request.user,
                starts_at=starts_at,
                ends_at=ends_at,
                capacity=form.cleaned_data["capacity"],
                video_url=form.cleaned_data["video_url"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Slot published."))
            return _to_day_of(slot)
    day = form.cleaned_data.get("day") or _day(request.POST.get("day"))
    return _page(request, day, slot_form=form, status=400)


@login_required
@post_or_redirect(lambda **kwargs: reverse("services:remote"))
def slot_cancel(request, pk):
    slot = get_object_or_404(RemoteSlot, pk=pk)
    if attempt(request, lambda: writes.slot_cancel(acting_user=request.user, slot=slot)) is not None:
        messages.success(request, _("Slot cancelled."))
    return _to_day_of(slot)


@login_required
@post_or_redirect(lambda **kwargs: reverse("services:remote"))
def book(request):
    post = request.POST
    slot = get_object_or_404(RemoteSlot, pk=post.get("slot") or 0)
    window = next((w for w in selectors.my_windows(request.user) if str(w.pk) == post.get("window")), None)
    item = ServiceItem.objects.filter(pk=post.get("item") or 0).first()
    if window is None or item is None:
        messages.error(request, _("Choose your window and the service."))
    elif attempt(
        request,
        lambda: writes.booking_create(
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
    "check_in": lambda user, booking, post: writes.booking_check_in(acting_user=user, booking=booking),
    "no_show": lambda user, booking, post: writes.booking_no_show(acting_user=user, booking=booking),
    "cancel": lambda user, booking, post: writes.booking_cancel(acting_user=user, booking=booking),
    "start": lambda user, booking, post: writes.session_start(acting_user=user, booking=booking),
    "hand_off": lambda user, booking, post: writes.booking_hand_off(
        acting_user=user,
        booking=booking,
        application=get_object_or_404(Application, pk=post.get("application") or 0),
    ),
    "end": lambda user, booking, post: writes.session_end(
        acting_user=user,
        booking=booking,
        outcome=post.get("outcome", ""),
        notes=post.get("notes", ""),
    ),
}


@login_required
@post_or_redirect(lambda **kwargs: reverse("services:remote"))
def booking_act(request, pk, action):
    booking = get_object_or_404(RemoteBooking.objects.select_related("slot"), pk=pk)
    if action not in ACTIONS:
        raise Http404
    if attempt(request, lambda: ACTIONS[action](request.user, booking, request.POST)) is not None:
        messages.success(request, _("Done: %s.") % MOVE_LABELS.get(action, action))
    return redirect(f"{reverse('services:remote')}?day={timezone.localdate(booking.slot.starts_at)}")
