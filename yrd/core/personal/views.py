"""Pages of a person's own data (what the platform holds about them, their consents, the export as
JSON or PDF) and the one reveal endpoint every module's masked values link to."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.models import Consent
from yrd.core.personal import LABELS, declared, subject
from yrd.core.personal.reveal import personal_record, personal_reveal
from yrd.core.registry import registry


@login_required
def my_data(request):
    sections = subject.gather(request.user)
    consents = list(subject.consents_of(request.user))
    for consent in consents:
        declared_text = registry.consents.get(consent.code)
        consent.withdrawal = declared_text.withdrawal if declared_text else ""
    return render(request, "core/my_data.html", {"sections": sections, "consents": consents})


@login_required
@require_POST
def consent_withdraw(request, pk):
    """Withdraw one of one's own consents (only one's own are found)."""
    consent = get_object_or_404(Consent, pk=pk, user=request.user)
    try:
        subject.consent_withdraw(acting_user=request.user, consent=consent)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("Consent withdrawn. What it allowed stops from now on."))
    return redirect(reverse("core:my-data") + "#consents")


@login_required
def export_json(request):
    exported = subject.personal_export(acting_user=request.user, user=request.user)
    body = json.dumps(exported, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="yrd-my-data-{request.user.pk}.json"'
    return response


@login_required
def export_pdf(request):
    exported = subject.personal_export(acting_user=request.user, user=request.user)
    response = HttpResponse(subject.export_pdf(exported), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="yrd-my-data-{request.user.pk}.pdf"'
    return response


@login_required
@require_POST
def reveal(request, label, pk, field):
    """The full value, for htmx to swap in place of the mask (or as a small page without htmx)."""
    try:
        obj = personal_record(label, pk)
        value = personal_reveal(acting_user=request.user, obj=obj, field=field)
    except ObjectDoesNotExist:
        raise Http404(_("No such record.")) from None
    except PermissionDenied:
        return HttpResponse(_("Your role does not allow seeing this in full."), status=403)
    context = {"value": value, "kind": LABELS[declared(obj)[field]], "back": request.headers.get("Referer", "")}
    template = "core/_revealed.html" if request.headers.get("HX-Request") else "core/revealed.html"
    return render(request, template, context)
