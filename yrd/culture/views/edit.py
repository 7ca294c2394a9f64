"""Editing a resource's fields (names, descriptions, how to visit, protection, period, park,
sensitivity, publication, daily capacity) by the city's heritage officers. Its code, city and
geometry are kept as they are: geometry changes go through the GeoJSON import or the API."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from yrd.culture import writes
from yrd.culture.inputs import ResourceInput
from yrd.culture.models import HeritageResource
from yrd.culture.selectors import resources as selectors

TEXT_FIELDS = (
    "name_zh",
    "name_en",
    "description_zh",
    "description_en",
    "visiting_zh",
    "visiting_en",
    "period",
    "listing_document",
)


def _capacity(text: str):
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isdigit() else -1


def _input(site: HeritageResource, post) -> ResourceInput:
    return ResourceInput(
        code=site.code,
        city=site.city,
        geometry=site.geometry,
        kind=post.get("kind", ""),
        protection=post.get("protection", ""),
        park=post.get("park", ""),
        sensitive=post.get("sensitive") == "on",
        published=post.get("published") == "on",
        daily_capacity=_capacity(post.get("daily_capacity", "")),
        is_demo=site.is_demo,
        **{name: post.get(name, "") for name in TEXT_FIELDS},
    )


@login_required
def edit(request, code: str):
    site = selectors.resource_for(request.user, code)
    if not selectors.may_edit(request.user, site):
        raise PermissionDenied
    errors, values, status = {}, {name: getattr(site, name) for name in TEXT_FIELDS}, 200
    if request.method == "POST":
        data = _input(site, request.POST)
        try:
            writes.resource_save(acting_user=request.user, data=data, resource=site)
        except ValidationError as error:
            errors, status = error.message_dict, 400
            values = {name: getattr(data, name) for name in TEXT_FIELDS}
        else:
            messages.success(request, _("Resource saved."))
            return redirect("culture:site", code=code)
    context = {
        "site": site,
        "values": values,
        "posted": request.POST if request.method == "POST" else None,
        "errors": errors,
        "kinds": HeritageResource.Kind.choices,
        "protections": HeritageResource.Protection.choices,
        "parks": HeritageResource.Park.choices,
    }
    return render(request, "culture/edit.html", context, status=status)
