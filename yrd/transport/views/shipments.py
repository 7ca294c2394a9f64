"""Shipments: the list a person may see, the tracking page of one, and a carrier's event report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.transport import charts, selectors, writes
from yrd.transport.apps import CARRY, PLAN, TRACK
from yrd.transport.forms import EventForm
from yrd.transport.inputs import EventInput

from .common import forbidden, new_key


@login_required
def shipment_list(request):
    if not any(can(request.user, action) for action in (PLAN, TRACK, CARRY)):
        return forbidden(request, _("Shipments are shown to logistics planners, transport officers and carriers."))
    rows = selectors.tracked_list(selectors.shipments_visible_to(request.user)[:200])
    return render(request, "transport/shipments.html", {"rows": rows, "mode_labels": charts.mode_labels()})


def _visible(request, reference):
    try:
        return selectors.shipment_visible_to(request.user, reference)
    except ObjectDoesNotExist:
        raise Http404 from None


@login_required
def tracking(request, reference):
    shipment = _visible(request, reference)
    state = selectors.tracked(shipment)
    legs = []
    for leg, leg_state in zip(shipment.legs.all(), state.legs, strict=True):
        form = (
            EventForm(initial={"event_id": new_key()}, prefix=f"leg{leg.seq}")
            if can(request.user, CARRY, leg)
            else None
        )
        legs.append({"leg": leg, "state": leg_state, "form": form, "events": list(leg.events.all())})
    context = {"shipment": shipment, "state": state, "legs": legs, "mode_labels": charts.mode_labels()}
    return render(request, "transport/tracking.html", context)


@login_required
@require_POST
def event(request, reference, seq):
    shipment = _visible(request, reference)
    leg = next((leg for leg in shipment.legs.all() if leg.seq == seq), None)
    if leg is None:
        raise Http404
    form = EventForm(request.POST, prefix=f"leg{seq}")
    if not form.is_valid():
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
        return redirect("transport:shipment", reference=reference)
    data = form.cleaned_data
    report = EventInput(data["event_id"], data["kind"], data["occurred_at"], data["eta"], data["note"])
    try:
        _event, created = writes.leg_event_record(acting_user=request.user, leg=leg, event=report)
    except (ValidationError, PermissionDenied, Conflict) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Event recorded.") if created else _("This event was already recorded."))
    return redirect("transport:shipment", reference=reference)
