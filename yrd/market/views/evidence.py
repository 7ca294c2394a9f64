"""Evidence files: downloaded only here, after the access check (never from /media/), and added to a case by a
regulator concerned."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.personal.reveal import personal_download
from yrd.market.models import Case, Evidence
from yrd.market.selectors import evidence_for
from yrd.market.writes import case_evidence_add


@login_required
def download(request, pk):
    if not Evidence.objects.filter(pk=pk).exists():
        raise Http404
    evidence = evidence_for(request.user, pk)
    if evidence is None:
        raise PermissionDenied(_("You may not read this file."))
    try:
        handle = personal_download(acting_user=request.user, obj=evidence)  # audited unless it is the reporter's own
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.name, content_type=evidence.content_type or None
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def add_to_case(request, pk):
    case = get_object_or_404(Case, pk=pk)
    try:
        case_evidence_add(acting_user=request.user, case=case, upload=request.FILES.get("file"))
    except ValidationError as error:
        messages.error(request, " ".join(m for ms in error.message_dict.values() for m in ms))
    return redirect("market:case", pk=pk)
