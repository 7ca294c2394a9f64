"""The airspace officer's desk: intents waiting for the province's consent, and its restrictions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction
from yrd.lowalt import writes
from yrd.lowalt.apps import AIRSPACE, CONSENT
from yrd.lowalt.forms import ConsentForm, RestrictionImportForm
from yrd.lowalt.geojson import RestrictionRow, restrictions_to_geojson
from yrd.lowalt.selectors import intents as intent_reads
from yrd.lowalt.selectors import registry as register_reads


@login_required
def queue(request):
    if not (can(request.user, CONSENT) or can(request.user, AIRSPACE)):
        raise PermissionDenied(_("Only airspace officers have a queue."))
    provinces = register_reads.provinces_kept_by(request.user)
    context = {
        "queue": intent_reads.queue_for(request.user),
        "provinces": provinces,
        "restrictions": register_reads.restrictions().filter(province__in=provinces),
        "import_form": RestrictionImportForm(provinces=provinces),
        "consent_form": ConsentForm(),
    }
    return render(request, "lowalt/queue.html", context)


@login_required
@require_POST
def consent(request, number, decision):
    form = ConsentForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        writes.consent_decide(acting_user=request.user, number=number, grant=decision == "grant", note=note)
    except Conflict as error:
        messages.error(request, error.message)
    else:
        done = _("granted") if decision == "grant" else _("refused")
        messages.success(request, _("Consent to %(number)s %(done)s.") % {"number": number, "done": done})
    return redirect("lowalt:queue")


@login_required
@require_POST
def restrictions_import(request):
    provinces = register_reads.provinces_kept_by(request.user)
    form = RestrictionImportForm(request.POST, request.FILES, provinces=provinces)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("lowalt:queue")
    province = get_object_or_404(Jurisdiction, level=Jurisdiction.Level.PROVINCE, code=form.cleaned_data["province"])
    try:
        summary = writes.restrictions_import(
            acting_user=request.user, province=province, text=form.cleaned_data["file"].read()
        )
    except ValidationError as error:
        for message in error.message_dict.get("file", error.messages):
            messages.error(request, message)
    else:
        messages.success(request, _("Imported: %(created)s new, %(updated)s replaced.") % summary)
    return redirect("lowalt:queue")


def restrictions_export(request, code):
    province = get_object_or_404(Jurisdiction, level=Jurisdiction.Level.PROVINCE, code=code)
    rows = [
        RestrictionRow(r.ref, r.name_zh, r.name_en, r.kind, r.outline, r.lower_m, r.upper_m, r.active)
        for r in register_reads.restrictions(province)
    ]
    response = JsonResponse(restrictions_to_geojson(rows), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="restrictions-{code}.geojson"'
    return response
