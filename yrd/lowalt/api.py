"""The low-altitude API: intents (idempotent filing, versioned updates, consent), the occupied airspace,
the registers, restrictions as GeoJSON, and the suitable airspace of each aircraft class.

Operators' tokens act for their own organisation: they list and change only its intents, and see
other operators' flights only as occupied volumes. A refused filing answers 409 with `code`
"airspace_conflict", the conflicts (which volume, when, how high, whose kind: intent or
restriction) and the nearest free window of the same duration.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Literal

import shapely
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.decorators import decorate_view
from ninja.responses import Status

from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.schemas import ApiError
from yrd.lowalt import writes
from yrd.lowalt.conflicts import AircraftClass, TimeWindow, suitable_airspace
from yrd.lowalt.conflicts.geo import geometry_to_lonlat
from yrd.lowalt.deconfliction import VolumeInput, province_polygons, restriction_set
from yrd.lowalt.geojson import restrictions_to_geojson, row_of
from yrd.lowalt.models import Intent
from yrd.lowalt.selectors import intents as intent_reads
from yrd.lowalt.selectors import registry as register_reads
from yrd.lowalt.writes.intents import IntentInput, Outcome
from yrd.lowalt.writes.registry import AircraftInput, SiteInput

router = Router(tags=["lowalt"])
ERRORS = {400: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}


# --- schemas ---------------------------------------------------------------------------------------


class VolumeIn(Schema):
    kind: Literal["route", "area"]
    outline: list[list[float]] = Field(..., max_length=1000, description="[[longitude, latitude], ...] (WGS 84)")
    buffer_m: float = Field(..., description="Metres either side of a route (10–1000); around an area (0–1000)")
    lower_m: float = Field(..., description="Metres true height")
    upper_m: float
    start: datetime
    end: datetime


class IntentIn(Schema):
    operator: int | None = Field(None, description="Your organisation's id; needed only if you file for several")
    aircraft: str = Field(..., max_length=40, description="Registration number of one of your aircraft")
    purpose: str = Field(..., max_length=200)
    emergency: bool = False
    volumes: list[VolumeIn] = Field(..., min_length=1, max_length=20)


class IntentUpdateIn(IntentIn):
    version: int = Field(..., description="The version you last saw; an older one is refused with 409")


class VersionIn(Schema):
    version: int


class ConsentIn(Schema):
    grant: bool
    note: str = Field("", max_length=500)


class LowaltWindowOut(Schema):
    start: datetime
    end: datetime


class ConflictOut(Schema):
    volume: int = Field(..., description="Which of your volumes (0-based)")
    source: str = Field(..., description="intent or restriction")
    restriction: str | None = Field(None, description="The restriction's reference; intents stay anonymous")
    start: datetime
    end: datetime
    lower_m: float
    upper_m: float


class RefusedOut(Schema):
    code: str
    message: str
    conflicts: list[ConflictOut]
    free_window: LowaltWindowOut | None


class LowaltConsentOut(Schema):
    order: int
    province: str
    state: str


class VolumeOut(Schema):
    kind: str
    outline: list[list[float]]
    buffer_m: float
    lower_m: float
    upper_m: float
    start: datetime
    end: datetime


class IntentOut(Schema):
    number: str
    state: str
    version: int
    emergency: bool
    operator: str
    aircraft: str
    purpose: str
    start: datetime
    end: datetime
    provinces: list[str]
    consents: list[LowaltConsentOut]
    volumes: list[VolumeOut]


class OccupiedOut(Schema):
    footprint: dict = Field(..., description="GeoJSON Polygon, longitude/latitude")
    lower_m: float
    upper_m: float
    start: datetime
    end: datetime
    emergency: bool
    number: str | None = Field(None, description="Only for your own intents, or those in your province")
    operator: str | None = None


class AircraftIn(Schema):
    operator: int | None = None
    registration: str = Field(..., max_length=40)
    model_name: str = Field(..., max_length=100)
    aircraft_class: Literal["micro", "light", "small", "medium", "large"]
    empty_weight_kg: Decimal = Field(..., max_digits=7, decimal_places=3)
    max_takeoff_weight_kg: Decimal = Field(..., max_digits=7, decimal_places=3)


class AircraftOut(Schema):
    registration: str
    model_name: str
    aircraft_class: str
    operator: str
    empty_weight_kg: Decimal
    max_takeoff_weight_kg: Decimal


class LowaltSiteOut(Schema):
    id: int
    kind: str
    name: str
    city: str
    owner: str
    longitude: Decimal
    latitude: Decimal
    pads: int
    charging_points: int
    status: str
    demo: bool


class LowaltSiteIn(Schema):
    kind: Literal["point", "vertiport"]
    name_zh: str = Field(..., max_length=200)
    name_en: str = Field("", max_length=200)
    city: str = Field(..., max_length=6, description="City adcode")
    owner: int = Field(..., description="Owning organisation's id")
    longitude: Decimal = Field(..., max_digits=9, decimal_places=6)
    latitude: Decimal = Field(..., max_digits=8, decimal_places=6)
    pads: int = Field(..., ge=1, le=1000)
    charging_points: int = Field(0, ge=0, le=1000)
    status: Literal["operating", "planned", "closed"] = "operating"


class CoverageOut(Schema):
    kind: str
    technology: str
    provider: str
    city: str
    ceiling_m: int
    outline: list[list[float]]
    demo: bool


class LowaltImportOut(Schema):
    created: int
    updated: int


# --- intents --------------------------------------------------------------------------------------


@router.get("/intents", response=list[IntentOut], summary="Your organisation's intents, or your province's")
def intents(request):
    return [_intent_out(i) for i in intent_reads.intents_visible_to(request.user).order_by("-starts_at")[:500]]


@router.post(
    "/intents",
    response={200: IntentOut, 201: IntentOut, 400: ApiError, 403: ApiError, 409: RefusedOut | ApiError},
    summary="File an operational intent",
    description="Send an `Idempotency-Key` header: a retry with the same key and body returns the first answer "
    "(accepted, 200, or refused, 409) without checking again; the same key with another body is a 409.",
)
def submit(request, payload: IntentIn):
    operator = _operator(request.user, payload.operator)
    outcome = writes.intent_submit(
        acting_user=request.user,
        operator=operator,
        data=_intent_input(payload),
        idempotency_key=request.headers.get("Idempotency-Key", "").strip() or None,
    )
    if not outcome.accepted:
        return Status(409, _refused(outcome))
    return Status(200 if outcome.replayed else 201, _intent_out(outcome.intent))


@router.get("/intents/{number}", response={200: IntentOut, **ERRORS})
def intent(request, number: str):
    return _intent_out(intent_reads.intent_for(request.user, number))


@router.put(
    "/intents/{number}",
    response={200: IntentOut, 400: ApiError, 403: ApiError, 404: ApiError, 409: RefusedOut | ApiError},
    summary="Change an intent, on the version you last saw",
)
def update(request, number: str, payload: IntentUpdateIn):
    intent_reads.intent_for(request.user, number)
    outcome = writes.intent_update(
        acting_user=request.user, number=number, version=payload.version, data=_intent_input(payload)
    )
    if not outcome.accepted:
        return Status(409, _refused(outcome))
    return _intent_out(outcome.intent)


@router.post("/intents/{number}/withdraw", response={200: IntentOut, **ERRORS})
def withdraw(request, number: str, payload: VersionIn):
    intent_reads.intent_for(request.user, number)
    return _intent_out(writes.intent_withdraw(acting_user=request.user, number=number, version=payload.version))


@router.post("/intents/{number}/consent", response={200: IntentOut, **ERRORS}, summary="Your province's consent")
def consent(request, number: str, payload: ConsentIn):
    writes.consent_decide(acting_user=request.user, number=number, grant=payload.grant, note=payload.note)
    return _intent_out(Intent.objects.get(number=number))


@router.get("/queue", response=list[IntentOut], summary="Intents waiting for your province's consent")
def queue(request):
    return [_intent_out(i) for i in intent_reads.queue_for(request.user)]


@router.get("/airspace/occupied", response={200: list[OccupiedOut], **ERRORS})
def occupied(request, start: datetime, end: datetime):
    if end <= start or end - start > timedelta(days=2):
        raise ValidationError({"end": [_("Ask for at most two days, ending after the start.")]})
    return intent_reads.occupied_volumes(request.user, start, end)


# --- registers ------------------------------------------------------------------------------------


@router.get("/sites", response=list[LowaltSiteOut], auth=None, summary="Take-off and landing sites and vertiports")
@decorate_view(public_cache)
def sites(request):
    return [_site_out(s) for s in register_reads.sites()]


@router.post("/sites", response={201: LowaltSiteOut, **ERRORS}, summary="Register a take-off and landing site")
def register_site(request, payload: LowaltSiteIn):
    city = get_object_or_404(Jurisdiction, level=Jurisdiction.Level.CITY, code=payload.city)
    owner = get_object_or_404(Organisation, pk=payload.owner)
    fields = payload.dict(exclude={"city", "owner"})
    data = SiteInput(city=city, owner=owner, **fields)
    return Status(201, _site_out(writes.site_save(acting_user=request.user, data=data)))


@router.get("/coverage", response=list[CoverageOut], auth=None, summary="Communication and surveillance coverage")
@decorate_view(public_cache)
def coverage(request):
    return [
        {
            "kind": c.kind,
            "technology": c.technology,
            "provider": c.provider.name,
            "city": c.city.code,
            "ceiling_m": c.ceiling_m,
            "outline": c.outline,
            "demo": c.is_demo,
        }
        for c in register_reads.coverage()
    ]


@router.get("/aircraft", response=list[AircraftOut])
def fleet(request):
    return [_aircraft_out(a) for a in register_reads.fleet_visible_to(request.user)]


@router.post("/aircraft", response={201: AircraftOut, **ERRORS})
def register_aircraft(request, payload: AircraftIn):
    operator = _operator(request.user, payload.operator)
    data = AircraftInput(**payload.dict(exclude={"operator"}))
    return Status(201, _aircraft_out(writes.aircraft_register(acting_user=request.user, operator=operator, data=data)))


@router.get("/restrictions", auth=None, summary="Restricted and controlled volumes as GeoJSON")
@decorate_view(public_cache)
def restrictions(request, province: str | None = None):
    kept_by = _province(province) if province else None
    rows = [row_of(r) for r in register_reads.restrictions(kept_by)]
    return restrictions_to_geojson(rows)


@router.post(
    "/restrictions/import",
    response={200: LowaltImportOut, **ERRORS},
    summary="Import a province's restrictions from GeoJSON, all or nothing",
)
def import_restrictions(request, province: str):
    return writes.restrictions_import(acting_user=request.user, province=_province(province), text=request.body)


class SavedOut(Schema):
    province: str
    ref: str
    indicative: bool
    source: str


@router.put(
    "/restrictions/{province}/{ref}",
    response={200: SavedOut, **ERRORS},
    summary="Enter or change one restriction of a province (a GeoJSON Feature, checked as an imported one)",
)
def save_restriction(request, province: str, ref: str):
    kept_by = _province(province)
    feature = _json_body(request)
    existing = register_reads.restrictions(kept_by).filter(ref=ref).first()
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(properties, dict) or properties.get("id", ref) != ref:
        raise ValidationError(
            {"id": [_("The feature's id must be the reference in the address (%(ref)s).") % {"ref": ref}]}
        )
    properties["id"] = ref
    saved = writes.restriction_save(acting_user=request.user, province=kept_by, feature=feature, restriction=existing)
    return {"province": kept_by.code, "ref": saved.ref, "indicative": saved.indicative, "source": saved.source}


@router.delete("/restrictions/{province}/{ref}", response={204: None, **ERRORS}, summary="Withdraw one restriction")
def withdraw_restriction(request, province: str, ref: str):
    restriction = get_object_or_404(register_reads.restrictions(_province(province)), ref=ref)
    writes.restriction_withdraw(acting_user=request.user, restriction=restriction)
    return Status(204, None)


def _json_body(request) -> dict:
    try:
        return json.loads(request.body)
    except ValueError:
        raise ValidationError({"body": [_("The body is not JSON.")]}) from None


@router.get("/suitable-airspace", auth=None, summary="Where a class may fly without applying, as GeoJSON")
@decorate_view(public_cache)
def suitable(request, aircraft_class: AircraftClass, start: datetime, end: datetime):
    if end <= start:
        raise ValidationError({"end": [_("The end must come after the start.")]})
    region = shapely.union_all(list(province_polygons().values()))
    geometry, ceiling = suitable_airspace(aircraft_class, region, restriction_set(), TimeWindow(start, end))
    return {
        "type": "Feature",
        "geometry": shapely.geometry.mapping(geometry_to_lonlat(geometry)) if not geometry.is_empty else None,
        "properties": {"aircraft_class": aircraft_class.value, "ceiling_m": ceiling},
    }


# --- mapping --------------------------------------------------------------------------------------


def _operator(user, wanted: int | None):
    operators = register_reads.operators_for(user)
    if wanted is not None:
        return get_object_or_404(operators, pk=wanted)
    if operators.count() != 1:
        raise ValidationError({"operator": [_("Say which of your organisations files this (its id).")]})
    return operators.get()


def _province(code: str) -> Jurisdiction:
    return get_object_or_404(Jurisdiction, level=Jurisdiction.Level.PROVINCE, code=code)


def _intent_input(payload: IntentIn) -> IntentInput:
    volumes = [
        VolumeInput(v.kind, v.outline, v.buffer_m, v.lower_m, v.upper_m, v.start, v.end) for v in payload.volumes
    ]
    return IntentInput(payload.aircraft, payload.purpose, volumes, payload.emergency)


def _refused(outcome: Outcome) -> dict:
    details = outcome.refusal.details
    conflicts = [
        {
            "volume": c["volume"],
            "source": c["source"],
            "restriction": None,
            "start": c["start"],
            "end": c["end"],
            "lower_m": c["lower_m"],
            "upper_m": c["upper_m"],
        }
        for c in details["conflicts"]
    ]
    if outcome.assessment is not None:  # name the restrictions (public notices); intents stay anonymous
        for row, conflict in zip(conflicts, outcome.assessment.conflicts, strict=True):
            row["restriction"] = conflict.ref if conflict.source == "restriction" else None
    free = details["free_window"]
    return {
        "code": "airspace_conflict",
        "message": _("Refused: the intent meets %(count)d occupied or restricted volume(s).")
        % {"count": len(conflicts)},
        "conflicts": conflicts,
        "free_window": {"start": free[0], "end": free[1]} if free else None,
    }


def _intent_out(intent: Intent) -> dict:
    return {
        "number": intent.number,
        "state": intent.state,
        "version": intent.version,
        "emergency": intent.priority > 0,
        "operator": intent.operator.name,
        "aircraft": intent.aircraft.registration,
        "purpose": intent.purpose,
        "start": intent.starts_at,
        "end": intent.ends_at,
        "provinces": [p.code for p in intent.provinces.all()],
        "consents": [{"order": c.order, "province": c.province.code, "state": c.state} for c in intent.consents.all()],
        "volumes": [
            {
                "kind": v.kind,
                "outline": v.outline,
                "buffer_m": v.buffer_m,
                "lower_m": v.lower_m,
                "upper_m": v.upper_m,
                "start": v.starts_at,
                "end": v.ends_at,
            }
            for v in intent.volumes.all()
        ],
    }


def _aircraft_out(aircraft) -> dict:
    return {
        "registration": aircraft.registration,
        "model_name": aircraft.model_name,
        "aircraft_class": aircraft.aircraft_class,
        "operator": aircraft.operator.name,
        "empty_weight_kg": aircraft.empty_weight_kg,
        "max_takeoff_weight_kg": aircraft.max_takeoff_weight_kg,
    }


def _site_out(site) -> dict:
    return {
        "id": site.pk,
        "kind": site.kind,
        "name": site.name,
        "city": site.city.code,
        "owner": site.owner.name,
        "longitude": site.longitude,
        "latitude": site.latitude,
        "pads": site.pads,
        "charging_points": site.charging_points,
        "status": site.status,
        "demo": site.is_demo,
    }
