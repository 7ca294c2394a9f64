"""The authorities' desks: intents waiting for the province's consent, its restrictions, and the registration
of take-off and landing sites by infrastructure officers."""

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
from yrd.core.selectors import cities
from yrd.lowalt import writes
from yrd.lowalt.apps import AIRSPACE, CONSENT, INFRASTRUCTURE
from yrd.lowalt.forms import ConsentForm, RestrictionForm, RestrictionImportForm, SiteForm
from yrd.lowalt.geojson import restrictions_to_geojson, row_of
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
    rows = [row_of(r) for r in register_reads.restrictions(province)]
    response = JsonResponse(restrictions_to_geojson(rows), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="restrictions-{code}.geojson"'
    return response


@login_required
def restriction_new(request):
    return _restriction_form(request, None)


@login_required
def restriction_edit(request, code, ref):
    restriction = get_object_or_404(register_reads.restrictions(), province__code=code, ref=ref)
    return _restriction_form(request, restriction)


def _restriction_form(request, restriction):
    provinces = register_reads.provinces_kept_by(request.user)
    if not provinces or (restriction is not None and restriction.province not in provinces):
        raise PermissionDenied(_("Only the province's airspace officers keep its restrictions."))
    form = RestrictionForm(request.POST or None, provinces=provinces, restriction=restriction)
    if request.method == "POST" and form.is_valid():
        province = (
            restriction.province
            if restriction
            else next(p for p in provinces if p.code == form.cleaned_data["province"])
        )
        try:
            saved = writes.restriction_save(
                acting_user=request.user, province=province, feature=form.feature(), restriction=restriction
            )
        except ValidationError as error:
            form.add_write_errors(error.message_dict)
        else:
            messages.success(request, _("Restriction %(ref)s is saved.") % {"ref": saved.ref})
            return redirect("lowalt:queue")
    return render(request, "lowalt/restriction_form.html", {"form": form, "restriction": restriction})


@login_required
@require_POST
def restriction_withdraw(request, code, ref):
    restriction = get_object_or_404(register_reads.restrictions(), province__code=code, ref=ref)
    writes.restriction_withdraw(acting_user=request.user, restriction=restriction)
    messages.success(request, _("Restriction %(ref)s is withdrawn.") % {"ref": ref})
    return redirect("lowalt:queue")


@login_required
def site_new(request):
    """An infrastructure officer registers a take-off and landing site or vertiport in a city they cover."""
    covered = [c for c in cities() if can(request.user, INFRASTRUCTURE, c)]
    if not covered:
        raise PermissionDenied(_("Only low-altitude infrastructure officers register sites."))
    form = SiteForm(request.POST or None, cities=covered)
    if request.method == "POST" and form.is_valid():
        try:
            site = writes.site_save(acting_user=request.user, data=form.site_input())
        except ValidationError as error:
            form.add_write_errors(error.message_dict)
        else:
            messages.success(request, _("Site %(name)s is registered.") % {"name": site.name})
            return redirect("lowalt:map")
    return render(request, "lowalt/site_form.html", {"form": form})
