"""Booking a visit from a site's page, one's own reservations, and cancelling."""

from datetime import date, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.errors import Conflict
from yrd.culture import writes
from yrd.culture.selectors import resources as selectors
from yrd.culture.selectors import visits as visit_selectors
from yrd.culture.writes.slots import SlotInput
from yrd.culture.writes.visits import BookingInput

from . import public
from .common import errors_of


def _day(text: str):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _size(text: str):
    return int(text) if text.isdigit() else -1


def _time(text: str):
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        return None


@login_required
@require_POST
def book(request, code: str):
    site = selectors.resource_for(request.user, code)
    data = BookingInput(
        visit_date=_day(request.POST.get("visit_date", "")),
        party_size=_size(request.POST.get("party_size", "")),
        contact_name=request.POST.get("contact_name", ""),
        contact_phone=request.POST.get("contact_phone", ""),
        group_name=request.POST.get("group_name", ""),
        wait=request.POST.get("wait") == "on",
        slot=_time(request.POST.get("slot", "")),
    )
    try:
        booked = writes.reservation_book(
            acting_user=request.user,
            resource=site,
            data=data,
            idempotency_key=request.POST.get("idempotency_key") or None,
        )
    except ValidationError as error:
        return public.site(request, code, errors=errors_of(error), status=400)
    messages.success(
        request,
        _("Reservation %(number)s: %(status)s.") % {"number": booked.number, "status": booked.get_status_display()},
    )
    return redirect("culture:mine")


@login_required
def mine(request):
    rows = visit_selectors.reservations_visible_to(request.user).filter(visitor=request.user)
    return render(request, "culture/mine.html", {"rows": rows})


@login_required
@require_POST
def cancel(request, number: str):
    found = visit_selectors.reservations_visible_to(request.user).filter(number=number).first()
    if found is None:
        raise Http404(number)
    try:
        writes.reservation_cancel(acting_user=request.user, reservation=found)
    except Conflict as conflict:
        messages.error(request, conflict.message)
    return redirect("culture:mine")


@login_required
@require_POST
def slots(request, code: str):
    """A city's officer sets the site's timed entry slots (rows of start, end, capacity; empty rows skipped)."""
    site = selectors.resource_for(request.user, code)
    rows = zip(
        request.POST.getlist("starts"), request.POST.getlist("ends"), request.POST.getlist("capacity"), strict=False
    )
    wanted = [SlotInput(starts=_time(a), ends=_time(b), capacity=_size(c)) for a, b, c in rows if a or b or c]
    try:
        writes.entry_slots_save(acting_user=request.user, resource=site, slots=wanted)
    except ValidationError as error:
        return public.site(request, code, errors=errors_of(error), status=400)
    messages.success(request, _("Entry slots saved."))
    return redirect("culture:site", code=code)
