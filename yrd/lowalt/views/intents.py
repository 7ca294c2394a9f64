"""An operator's own flight plans: list, file, read (with the conflicts of a refusal), withdraw; and its fleet."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.lowalt import writes
from yrd.lowalt.apps import EMERGENCY, FLEET, SUBMIT
from yrd.lowalt.forms import AircraftForm, IntentForm
from yrd.lowalt.selectors import intents as intent_reads
from yrd.lowalt.selectors import registry as register_reads
from yrd.lowalt.writes.registry import AircraftInput


def _operator(request):
    operators = list(register_reads.operators_for(request.user))
    if not operators:
        raise PermissionDenied(_("You file flight plans for no operator."))
    wanted = request.GET.get("operator") or request.POST.get("operator")
    return next((o for o in operators if str(o.pk) == wanted), operators[0]), operators


@login_required
def intents(request):
    if not can(request.user, SUBMIT):
        raise PermissionDenied(_("You file flight plans for no operator."))
    context = {
        "intents": intent_reads.intents_visible_to(request.user).order_by("-starts_at")[:200],
        "refusals": intent_reads.refusals_visible_to(request.user)[:20],
        "fleet": register_reads.fleet_visible_to(request.user),
    }
    return render(request, "lowalt/intents.html", context)


@login_required
def intent_new(request):
    operator, operators = _operator(request)
    fleet = register_reads.fleet_visible_to(request.user).filter(operator=operator)
    options = {"aircraft": fleet, "may_file_emergency": can(request.user, EMERGENCY, operator)}
    form = IntentForm(request.POST or None, **options)
    refusal = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = writes.intent_submit(
                acting_user=request.user,
                operator=operator,
                data=form.intent_input(),
                idempotency_key=request.POST.get("idempotency_key") or None,
            )
        except ValidationError as error:
            form.add_write_errors(error.message_dict)
        else:
            if outcome.accepted:
                messages.success(request, _("Intent %(number)s is filed.") % {"number": outcome.intent.number})
                return redirect("lowalt:intent", number=outcome.intent.number)
            refusal = outcome.refusal
    context = {
        "retry": _retry_fields(request.POST, refusal),
        "form": form,
        "operator": operator,
        "operators": operators,
        "refusal": refusal,
        "idempotency_key": uuid.uuid4().hex,  # a double click or a resent form files once
    }
    return render(request, "lowalt/intent_form.html", context)


def _retry_fields(posted, refusal) -> list[tuple[str, str]] | None:
    """The refused form's fields with the offered free window in place of its times (one click files it)."""
    free = refusal.details.get("free_window") if refusal else None
    if not free:
        return None
    moved = {"start": free[0][:16], "end": free[1][:16], "idempotency_key": uuid.uuid4().hex}
    return [(name, moved.get(name, value)) for name, value in posted.items() if name != "csrfmiddlewaretoken"]


@login_required
def intent_detail(request, number):
    intent = intent_reads.intent_for(request.user, number)
    context = {
        "intent": intent,
        "volumes": intent.volumes.all(),
        "consents": intent.consents.select_related("province"),
        "may_change": can(request.user, SUBMIT, intent.operator),
    }
    return render(request, "lowalt/intent.html", context)


@login_required
@require_POST
def intent_withdraw(request, number):
    intent = intent_reads.intent_for(request.user, number)
    try:
        writes.intent_withdraw(acting_user=request.user, number=number, version=int(request.POST.get("version", 0)))
    except Conflict as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Intent %(number)s is withdrawn.") % {"number": intent.number})
    return redirect("lowalt:intent", number=number)


@login_required
def fleet(request):
    """The operator's aircraft, and the form to register one (the operator registers its own)."""
    operator, operators = _operator(request)
    if not can(request.user, FLEET, operator):
        raise PermissionDenied(_("You register no aircraft for %(name)s.") % {"name": operator.name})
    form = AircraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            aircraft = writes.aircraft_register(
                acting_user=request.user, operator=operator, data=AircraftInput(**form.cleaned_data)
            )
        except ValidationError as error:
            form.add_write_errors(error.message_dict)
        else:
            messages.success(
                request, _("Aircraft %(registration)s is registered.") % {"registration": aircraft.registration}
            )
            return redirect(f"{reverse('lowalt:fleet')}?operator={operator.pk}")
    context = {
        "form": form,
        "operator": operator,
        "operators": operators,
        "fleet": register_reads.fleet_visible_to(request.user).filter(operator=operator),
    }
    return render(request, "lowalt/fleet.html", context)
