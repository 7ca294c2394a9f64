"""The public market-access check: activity + enterprise type + place → allowed, prohibited, licence required
(from which authority) or eased, with the legal basis."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from yrd.core.access import can
from yrd.core.tables import MAX_BYTES
from yrd.market.access_list import COLUMNS, ENTERPRISE_TYPES
from yrd.market.apps import ACCESS_MANAGE
from yrd.market.consolidation.lexicon import divisions
from yrd.market.selectors import access_activities, access_check
from yrd.market.writes import access_list_import

TYPE_LABELS = {"domestic": _("domestic enterprise"), "foreign": _("foreign-invested enterprise"),
               "individual": _("individual business")}  # fmt: skip


def places() -> list[tuple[str, str]]:
    return [(d.adcode, d.name) for d in divisions() if d.level != "province" or d.adcode == "310000"]


def access(request):
    activity, kind, place = (request.GET.get(k, "")[:20] for k in ("activity", "enterprise_type", "place"))
    known_places = dict(places())
    activities = dict(access_activities())
    answer = None
    error = ""
    if request.GET:
        if activity not in activities or kind not in ENTERPRISE_TYPES or place not in known_places:
            error = _("Choose an activity, an enterprise type and a place from the lists.")
        else:
            answer = access_check(activity, kind, place)
    context = {
        "activities": activities.items(),
        "types": [(t, TYPE_LABELS[t]) for t in ENTERPRISE_TYPES],
        "places": known_places.items(),
        "chosen": {"activity": activity, "enterprise_type": kind, "place": place},
        "answer": answer,
        "error": error,
    }
    return render(request, "market/access.html", context, status=400 if error else 200)


@login_required
def access_import(request):
    """The negative list from a CSV or XLSX file: the whole file or nothing; the file replaces the list."""
    if not can(request.user, ACCESS_MANAGE):
        raise PermissionDenied
    problems, imported = [], None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None or upload.size > MAX_BYTES:
            problems = [_("Choose a CSV or XLSX file of at most %(mb)d MB.") % {"mb": MAX_BYTES // 2**20}]
        else:
            try:
                imported = access_list_import(acting_user=request.user, name=upload.name, content=upload.read())
            except ValidationError as error:
                problems = [m for ms in error.message_dict.values() for m in ms]
    context = {"problems": problems, "imported": imported, "columns": COLUMNS}
    return render(request, "market/access_import.html", context, status=400 if problems else 200)
