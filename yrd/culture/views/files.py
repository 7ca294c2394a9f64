"""A resource's photos and documents: uploaded from the site's page by its city's officers, removed
by them, and downloaded only here after the access check (never from /media/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.culture import writes
from yrd.culture.selectors import attachments as file_selectors
from yrd.culture.selectors import resources as selectors
from yrd.culture.writes.attachments import AttachmentInput

from . import public
from .common import errors_of


def download(request, pk: int):
    found = file_selectors.attachment_for(request.user, pk)
    if found is None:
        raise Http404
    try:
        handle = found.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=not found.is_image, filename=found.name, content_type=found.content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def upload(request, code: str):
    site = selectors.resource_for(request.user, code)
    data = AttachmentInput(
        caption_zh=request.POST.get("caption_zh", ""),
        caption_en=request.POST.get("caption_en", ""),
        public=request.POST.get("public") == "on",
    )
    try:
        writes.attachment_add(acting_user=request.user, resource=site, upload=request.FILES.get("file"), data=data)
    except ValidationError as error:
        return public.site(request, code, errors=errors_of(error), status=400)
    messages.success(request, _("File added."))
    return redirect("culture:site", code=code)


@login_required
@require_POST
def remove(request, pk: int):
    found = file_selectors.attachment_for(request.user, pk)
    if found is None:
        raise Http404
    writes.attachment_remove(acting_user=request.user, attachment=found)
    messages.success(request, _("File removed."))
    return redirect("culture:site", code=found.resource.code)
