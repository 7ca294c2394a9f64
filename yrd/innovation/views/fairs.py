"""Exhibitions: the region's calendar (public), each exhibition's exhibitors and buyers (public), and
matchmaking meetings booked into time slots by a buyer's people, never two for one side in a slot.
A participant sees its own meetings; the science officers of the exhibition's city see all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.models import Jurisdiction
from yrd.innovation import writes
from yrd.innovation.apps import REGISTRY
from yrd.innovation.models import Exhibition, Participant
from yrd.innovation.selectors import matching as selectors

from .common import attempt


def calendar(request):
    context = {
        "months": selectors.calendar(),
        "today": timezone.localdate(),
        "may_add": can(request.user, REGISTRY),
        "cities": Jurisdiction.objects.filter(level="city") if can(request.user, REGISTRY) else [],
    }
    return render(request, "innovation/exhibitions.html", context)


def exhibition(request, pk: int):
    show = get_object_or_404(selectors.exhibitions(), pk=pk)
    user = request.user
    buyers_mine = list(selectors.organisations_of(user, Participant.Role.BUYER))
    exhibitors = list(selectors.participants(show, Participant.Role.EXHIBITOR))
    chosen = next((p.organisation for p in exhibitors if str(p.organisation_id) == request.GET.get("exhibitor")), None)
    buyer = buyers_mine[0] if buyers_mine else None
    context = {
        "show": show,
        "open": show.ends_on >= timezone.localdate(),
        "exhibitors": exhibitors,
        "buyers": selectors.participants(show, Participant.Role.BUYER),
        "meetings": selectors.meetings_visible_to(user, show) if user.is_authenticated else [],
        "as_exhibitor": list(selectors.organisations_of(user, Participant.Role.EXHIBITOR)),
        "as_buyer": buyers_mine,
        "chosen": chosen,
        "free": selectors.free_slots(show, chosen, buyer) if chosen and buyer else [],
    }
    return render(request, "innovation/exhibition.html", context)


@login_required
@require_POST
def add(request):
    city = get_object_or_404(Jurisdiction, level="city", code=request.POST.get("city", "")[:6])
    starts_on, ends_on = parse_date(request.POST.get("starts_on", "")), parse_date(request.POST.get("ends_on", ""))
    minutes = request.POST.get("slot_minutes", "30")
    if starts_on is None or ends_on is None or not minutes.isdigit() or len(minutes) > 3:
        messages.error(request, _("Give the first and the last day, and the minutes per slot."))
        return redirect("innovation:exhibitions")
    attempt(
        request,
        lambda: writes.exhibition_save(
            acting_user=request.user,
            name_zh=request.POST.get("name_zh", ""),
            name_en=request.POST.get("name_en", ""),
            city=city,
            starts_on=starts_on,
            ends_on=ends_on,
            slot_minutes=int(minutes),
        ),
        _("Exhibition added."),
    )
    return redirect("innovation:exhibitions")


@login_required
@require_POST
def register(request, pk: int):
    show = get_object_or_404(Exhibition, pk=pk)
    role = request.POST.get("role", "")
    organisation = get_object_or_404(
        selectors.organisations_of(request.user, role if role in Participant.Role.values else "buyer"),
        pk=request.POST.get("organisation") or 0,
    )
    attempt(
        request,
        lambda: writes.participant_register(
            acting_user=request.user, exhibition=show, organisation=organisation, role=role,
            offer=request.POST.get("offer", ""),
        ),
        _("%s registered.") % organisation.name,
    )  # fmt: skip
    return redirect("innovation:exhibition", pk=show.pk)


@login_required
@require_POST
def meet(request, pk: int):
    show = get_object_or_404(Exhibition, pk=pk)
    buyer = get_object_or_404(selectors.organisations_of(request.user, "buyer"), pk=request.POST.get("buyer") or 0)
    exhibitor = get_object_or_404(
        selectors.participants(show, Participant.Role.EXHIBITOR), organisation_id=request.POST.get("exhibitor") or 0
    ).organisation
    starts_at = parse_datetime(request.POST.get("starts_at", "")[:40])
    back = f"{reverse('innovation:exhibition', args=[show.pk])}?exhibitor={exhibitor.pk}"
    if starts_at is None:
        messages.error(request, _("Choose a time slot."))
        return redirect(back)
    attempt(
        request,
        lambda: writes.meeting_book(
            acting_user=request.user, exhibition=show, exhibitor=exhibitor, buyer=buyer, starts_at=starts_at
        ),
        _("Meeting booked."),
    )
    return redirect(back)
