"""Incidents, and the supply requests raised for them or by a warehouse: every field checked at once,
a site outside the region refused, numbered REQ-000042."""

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import Scope, require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.emergency.apps import INCIDENTS, REQUEST
from yrd.emergency.models import Commitment, Incident, Item, Priority, RequestLine, SupplyRequest, Warehouse
from yrd.emergency.places import city_at

from .common import number_by_pk, quantity_errors

FURTHEST_NEED = timedelta(days=90)
PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,18}$")


@write
def incident_open(
    *,
    acting_user,
    name_zh: str,
    kind: str,
    jurisdiction: Jurisdiction,
    started_at: datetime,
    name_en: str = "",
    description: str = "",
) -> Incident:
    require(acting_user, INCIDENTS, jurisdiction)
    incident = Incident(
        name_zh=name_zh.strip(),
        name_en=name_en.strip(),
        kind=kind,
        jurisdiction=jurisdiction,
        started_at=started_at,
        description=description.strip(),
        opened_by=person(acting_user),
    )
    errors = {}
    if jurisdiction.level == Jurisdiction.Level.REGION:
        errors["jurisdiction"] = [_("Name the city, or the province when the incident spans several cities.")]
    if started_at > timezone.now() + timedelta(minutes=5):
        errors["started_at"] = [_("An incident is opened once it has started.")]
    try:
        incident.full_clean(exclude=["number"])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    incident.save()
    number_by_pk(incident, "INC")
    audit_record(
        actor=acting_user,
        action="emergency.incident.open",
        obj=incident,
        jurisdiction=jurisdiction.code,
        data={"kind": kind, "started_at": started_at},
    )
    return incident


@write
def incident_close(*, acting_user, incident: Incident) -> Incident:
    """No new requests; requests already raised stay as they are (commitments on the way still arrive)."""
    require(acting_user, INCIDENTS, incident)
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if not incident.is_open:
        raise ValidationError(_("%(incident)s is already closed.") % {"incident": incident.number})
    incident.closed_at = timezone.now()
    incident.save(update_fields=["closed_at"])
    audit_record(
        actor=acting_user, action="emergency.incident.close", obj=incident, jurisdiction=incident.jurisdiction.code
    )
    return incident


@dataclass(frozen=True)
class Need:
    item: Item
    quantity: int


@dataclass(frozen=True)
class RequestInput:
    """A request from an incident site (`incident` given, the site's place required) or from a
    warehouse that wants restocking (`warehouse` given, the place is the warehouse's)."""

    priority: int
    needed_by: datetime
    needs: list[Need]
    incident: Incident | None = None
    warehouse: Warehouse | None = None
    site: str = ""
    latitude: Decimal | float | str | None = None
    longitude: Decimal | float | str | None = None
    contact_name: str = ""
    contact_phone: str = ""
    note: str = ""


@write
def request_raise(*, acting_user, data: RequestInput, idempotency_key: str | None = None) -> SupplyRequest:
    """Who may: a warehouse's operators for its own request; for an incident site, those who raise
    requests in the city where the site lies. A retry from the field with the same key returns the
    request raised the first time."""
    require(acting_user, REQUEST, data.warehouse)
    earlier = idempotency.claim(
        acting_user=acting_user, operation="emergency.request.raise", key=idempotency_key, request=_fingerprint(data)
    )
    if earlier is not None:
        return SupplyRequest.objects.get(pk=earlier)
    if data.incident is not None:
        data = replace(data, incident=Incident.objects.select_for_update().get(pk=data.incident.pk))
    place, errors = _place(data)
    errors.update(_check_request(data))
    city = Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY, code=place[2]).first() if place else None
    if city is not None and data.warehouse is None:
        require(acting_user, REQUEST, Scope((city,), ()))
    if errors:
        raise ValidationError(errors)
    request = _create(acting_user, data, place, city)
    audit_record(
        actor=acting_user,
        action="emergency.request.raise",
        obj=request,
        jurisdiction=city.code,
        data={
            "priority": request.priority,
            "needed_by": request.needed_by,
            "needs": {need.item.code: need.quantity for need in data.needs},
            "incident": data.incident and data.incident.number,
            "warehouse": data.warehouse and data.warehouse.code,
        },
    )
    idempotency.fulfil(
        acting_user=acting_user, operation="emergency.request.raise", key=idempotency_key, result_id=request.pk
    )
    return request


def _fingerprint(data: RequestInput) -> dict:
    return {
        **{k: v for k, v in vars(data).items() if k not in ("needs", "incident", "warehouse")},
        "needs": [(need.item.pk, need.quantity) for need in data.needs],
        "incident": data.incident and data.incident.pk,
        "warehouse": data.warehouse and data.warehouse.pk,
    }


@write
def request_cancel(*, acting_user, request: SupplyRequest, reason: str) -> SupplyRequest:
    """No longer needed: the request closes and its commitments not yet dispatched are cancelled,
    which frees the stock they reserved. What is on the way still arrives and is received."""
    require(acting_user, REQUEST, request)
    request = SupplyRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != SupplyRequest.Status.OPEN:
        raise ValidationError(_("%(request)s is not open.") % {"request": request.number})
    if not reason.strip() or len(reason) > 500:
        raise ValidationError({"reason": [_("Say why the request is cancelled (at most 500 characters).")]})
    cancelled = list(
        Commitment.objects.select_for_update()
        .filter(request=request, status=Commitment.Status.COMMITTED)
        .values_list("number", flat=True)
    )
    Commitment.objects.filter(number__in=cancelled).update(status=Commitment.Status.CANCELLED)
    request.status = SupplyRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    audit_record(
        actor=acting_user,
        action="emergency.request.cancel",
        obj=request,
        jurisdiction=request.city.code,
        data={"reason": reason.strip(), "commitments_cancelled": cancelled},
    )
    return request


@write
def request_reschedule(*, acting_user, request: SupplyRequest, needed_by: datetime, reason: str) -> SupplyRequest:
    """A new needed-by time, e.g. when the old one passed and the supplies are still of use: allocation
    only uses warehouses that arrive in time, so a request past its time gets nothing until then."""
    require(acting_user, REQUEST, request)
    request = SupplyRequest.objects.select_for_update().get(pk=request.pk)
    errors = {}
    if request.status != SupplyRequest.Status.OPEN:
        errors["status"] = [_("%(request)s is not open.") % {"request": request.number}]
    now = timezone.now()
    if not isinstance(needed_by, datetime) or needed_by <= now:
        errors["needed_by"] = [_("The needed-by time must lie in the future.")]
    elif needed_by > now + FURTHEST_NEED:
        errors["needed_by"] = [_("The needed-by time is at most 90 days ahead; plan longer needs as restocking.")]
    if not reason.strip() or len(reason) > 500:
        errors["reason"] = [_("Say why the time changes (at most 500 characters).")]
    if errors:
        raise ValidationError(errors)
    before, request.needed_by = request.needed_by, needed_by
    request.save(update_fields=["needed_by"])
    audit_record(
        actor=acting_user,
        action="emergency.request.reschedule",
        obj=request,
        jurisdiction=request.city.code,
        data={"from": before, "to": needed_by, "reason": reason.strip()},
    )
    return request


def _place(data: RequestInput) -> tuple[tuple[Decimal, Decimal, str] | None, dict[str, list[str]]]:
    """(latitude, longitude, city adcode) of the site, or None and why not."""
    if data.warehouse is not None:
        return (data.warehouse.latitude, data.warehouse.longitude, data.warehouse.city.code), {}
    try:
        latitude = Decimal(str(data.latitude)).quantize(Decimal("0.000001"))
        longitude = Decimal(str(data.longitude)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        latitude = longitude = Decimal("NaN")
    if not (latitude.is_finite() and longitude.is_finite()):
        return None, {"latitude": [_("Give the site's latitude and longitude in decimal degrees.")]}
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, {"latitude": [_("Latitude is between -90 and 90, longitude between -180 and 180.")]}
    code = city_at(float(latitude), float(longitude))
    if code is None:
        message = _(
            "The site (%(lat)s, %(lon)s) is outside the Yangtze River Delta: the alliance serves its 41 cities."
        ) % {"lat": latitude, "lon": longitude}
        return None, {"latitude": [message]}
    return (latitude, longitude, code), {}


def _check_request(data: RequestInput) -> dict[str, list[str]]:
    errors = {}
    if (data.incident is None) == (data.warehouse is None):
        errors["incident"] = [_("A request is made for an incident, or by a warehouse for itself.")]
    if data.incident is not None and not data.incident.is_open:
        errors["incident"] = [
            _("%(incident)s is closed; it takes no new requests.") % {"incident": data.incident.number}
        ]
    if data.warehouse is None and not data.site.strip():
        errors["site"] = [_("Name the site (e.g. the shelter or the village).")]
    for name, limit in (("site", 200), ("contact_name", 60), ("note", 500)):
        if len(getattr(data, name)) > limit:
            errors[name] = [_("At most %d characters.") % limit]
    if data.contact_phone and not PHONE.match(data.contact_phone.strip()):
        errors["contact_phone"] = [_("A phone number has 5 to 19 digits (spaces, hyphens and a leading + allowed).")]
    if data.priority not in Priority.values:
        errors["priority"] = [_("Choose a priority: 1 life-saving, 2 life-sustaining, 3 other relief.")]
    now = timezone.now()
    if not isinstance(data.needed_by, datetime) or data.needed_by <= now:
        errors["needed_by"] = [_("The needed-by time must lie in the future.")]
    elif data.needed_by > now + FURTHEST_NEED:
        errors["needed_by"] = [_("The needed-by time is at most 90 days ahead; plan longer needs as restocking.")]
    errors.update(_needs_errors(data.needs))
    return errors


def _needs_errors(needs: list[Need]) -> dict[str, list[str]]:
    problems = [] if needs else [_("A request asks for at least one item.")]
    seen = set()
    for row, need in enumerate(needs, start=1):
        where = _("Line %(row)d (%(item)s)") % {"row": row, "item": need.item.code}
        problems += quantity_errors(where, need.quantity)
        if need.item.pk in seen:
            problems.append(_("%(where)s: the item is asked for twice; put it on one line.") % {"where": where})
        seen.add(need.item.pk)
    return {"needs": problems} if problems else {}


def _create(acting_user, data: RequestInput, place, city) -> SupplyRequest:
    latitude, longitude, _code = place
    request = SupplyRequest.objects.create(
        incident=data.incident,
        destination_warehouse=data.warehouse,
        site=data.site.strip() or (data.warehouse.name if data.warehouse else ""),
        latitude=latitude,
        longitude=longitude,
        city=city,
        priority=data.priority,
        needed_by=data.needed_by,
        contact_name=data.contact_name.strip(),
        contact_phone=data.contact_phone.strip(),
        note=data.note.strip(),
        raised_by=person(acting_user),
        raised_at=timezone.now(),
    )
    number_by_pk(request, "REQ")
    RequestLine.objects.bulk_create(
        [RequestLine(request=request, item=n.item, quantity=n.quantity) for n in data.needs]
    )
    return request
