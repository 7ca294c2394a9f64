"""The public market-access check: activity + enterprise type + place → allowed, prohibited, licence required
(from which authority) or eased, with the legal basis."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from yrd.market.access_list import ENTERPRISE_TYPES
from yrd.market.consolidation.lexicon import divisions
from yrd.market.selectors import access_activities, access_check

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
