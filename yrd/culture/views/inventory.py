"""The inventory's import page: a city's officers upload a GeoJSON FeatureCollection of their
resources, check it (nothing written) or import it, all or nothing, and see every problem by feature."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.culture.apps import EDIT
from yrd.culture.geojson import ImportRefused
from yrd.culture.selectors import resources as selectors
from yrd.culture.writes import condition_record, resources_import

from . import public
from .common import errors_of

MAX_BYTES = 20 * 2**20


class _CheckOnly(Exception):
    """Rolls back a dry run after every check has passed."""


@login_required
def import_geojson(request):
    if not can(request.user, EDIT):
        raise PermissionDenied
    context = {"errors": [], "done": None, "checked": None}
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None or upload.size > MAX_BYTES:
            context["errors"] = [_("Choose a GeoJSON file of at most 20 MB.")]
        else:
            status = _run(request, upload.read(), "check" in request.POST, context)
    return render(request, "culture/import.html", context, status=status if not context["errors"] else 400)


def _run(request, data: bytes, dry_run: bool, context: dict) -> int:
    try:
        with transaction.atomic():
            saved = resources_import(acting_user=request.user, text=data)
            if dry_run:
                raise _CheckOnly
    except _CheckOnly:
        context["checked"] = len(saved)
    except ImportRefused as refused:
        context["errors"] = refused.errors
    else:
        context["done"] = saved
    return 200


@login_required
@require_POST
def condition(request, code: str):
    """A city's officer records a condition assessment from the site's page."""
    site = selectors.resource_for(request.user, code)
    try:
        condition_record(
            acting_user=request.user,
            resource=site,
            assessed_on=_day(request.POST.get("assessed_on", "")),
            assessor=request.POST.get("assessor", ""),
            condition=request.POST.get("condition", ""),
            threats=request.POST.get("threats", ""),
            actions=request.POST.get("actions", ""),
        )
    except ValidationError as error:
        return public.site(request, code, errors=errors_of(error), status=400)
    return redirect("culture:site", code=code)


def _day(text: str):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
