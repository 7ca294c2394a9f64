"""Reads of operational intents, scoped by the caller.

* An operator's people see their organisation's intents in full.
* An airspace officer sees every intent crossing their province, and who flies it.
* Everyone who files or oversees flights sees the *occupied volumes* of all holding intents — where,
  how high and when — but not whose they are (unless they are their own or in their province).
"""

from __future__ import annotations

from datetime import datetime

import shapely
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from yrd.core.access import can, filter_visible
from yrd.lowalt.apps import CONSENT, OVERSEE, SUBMIT
from yrd.lowalt.conflicts.geo import geometry_to_lonlat
from yrd.lowalt.models import HOLDING, Consent, Intent, IntentState, IntentVolume, Refusal


def intents_visible_to(user) -> QuerySet[Intent]:
    own = filter_visible(
        Intent.objects.all(), user, SUBMIT, jurisdiction_fields=["provinces"], organisation_field="operator"
    )
    overseen = filter_visible(Intent.objects.all(), user, OVERSEE, jurisdiction_fields=["provinces"])
    return (
        Intent.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=overseen.values("pk")))
        .select_related("operator", "aircraft")
        .prefetch_related("provinces")
    )


def may_see(user, intent: Intent) -> bool:
    return can(user, SUBMIT, intent) or can(user, OVERSEE, intent)


def intent_for(user, number: str) -> Intent:
    """The intent, if the caller may see it: 404 when there is none, 403 when it is someone else's."""
    intent = Intent.objects.select_related("operator", "aircraft").filter(number=number).first()
    if intent is None:
        raise Http404(_("No intent %(number)s.") % {"number": number})
    if not may_see(user, intent):
        raise PermissionDenied(_("Intent %(number)s is not yours to see.") % {"number": number})
    return intent


def may_see_airspace(user) -> bool:
    return can(user, SUBMIT) or can(user, OVERSEE) or can(user, CONSENT)


def occupied_volumes(user, start: datetime, end: datetime, bbox: tuple | None = None) -> list[dict]:
    """Holding volumes in [start, end): footprint (GeoJSON, lon/lat), heights and times for every caller
    who files or oversees flights; the intent's number and operator only where the caller may see it."""
    if not may_see_airspace(user):
        raise PermissionDenied(_("Only operators and airspace officers see the occupied airspace."))
    rows = IntentVolume.objects.filter(intent__state__in=HOLDING, starts_at__lt=end, ends_at__gt=start)
    if bbox is not None:
        min_x, min_y, max_x, max_y = bbox
        rows = rows.filter(min_x__lte=max_x, max_x__gte=min_x, min_y__lte=max_y, max_y__gte=min_y)
    visible = set(intents_visible_to(user).filter(state__in=HOLDING).values_list("pk", flat=True))
    rows = rows.select_related("intent", "intent__operator").order_by("starts_at", "intent_id", "ordinal")
    return [_occupied(row, row.intent_id in visible) for row in rows]


def _occupied(row: IntentVolume, named: bool) -> dict:
    footprint = geometry_to_lonlat(row.geometry())
    volume = {
        "footprint": shapely.geometry.mapping(footprint),
        "lower_m": row.lower_m,
        "upper_m": row.upper_m,
        "start": row.starts_at,
        "end": row.ends_at,
        "emergency": row.intent.priority > 0,
        "number": None,
        "operator": None,
    }
    if named:
        volume["number"], volume["operator"] = row.intent.number, row.intent.operator.name
    return volume


def queue_for(user) -> list[Intent]:
    """Intents awaiting a consent that is the caller's province's turn to give."""
    waiting = Intent.objects.filter(state=IntentState.AWAITING_CONSENT).prefetch_related("consents__province")
    result = []
    for intent in waiting.select_related("operator", "aircraft").order_by("starts_at"):
        step = next((c for c in intent.consents.all() if c.state == Consent.State.PENDING), None)
        if step is not None and can(user, CONSENT, step.province):
            result.append(intent)
    return result


def current_step(intent: Intent) -> Consent | None:
    return intent.consents.filter(state=Consent.State.PENDING).order_by("order").first()


def refusals_visible_to(user) -> QuerySet[Refusal]:
    return filter_visible(
        Refusal.objects.select_related("operator"),
        user,
        SUBMIT,
        jurisdiction_fields=["operator__jurisdiction"],
        organisation_field="operator",
    )
