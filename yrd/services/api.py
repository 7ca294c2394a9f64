"""The services API: catalogue, submission with an idempotency key, status, officer transitions.
Errors follow the platform's shape {code, message, errors?}: 400 bad input, 403 not allowed,
404 not visible to the caller, 409 a transition the application's state does not allow."""

import base64
import binascii
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.responses import Status

from yrd.core.models import Jurisdiction
from yrd.core.schemas import ApiError
from yrd.core.selectors import jurisdiction_by_code
from yrd.services import selectors, writes
from yrd.services.models import Application, MaterialType
from yrd.services.scopes import allowed_actions
from yrd.services.workflow import TRANSITIONS
from yrd.services.writes.dispatch import perform

router = Router(tags=["services"])


# --- schemas ----------------------------------------------------------------------------------


class AuthorityOut(Schema):
    province: str
    organisation: str
    is_demo: bool


class RequiredMaterialOut(Schema):
    type: str
    name: str
    mandatory: bool
    formats: list[str]
    max_mb: int
    is_demo: bool


class ItemOut(Schema):
    code: str
    name_zh: str
    name_en: str
    audience: str
    modes: list[str]
    time_limit_days: int | None
    fee_cny: Decimal
    demo_details: bool = Field(description="Modes, limit, fee, materials and authorities are demo values")
    source: str
    authorities: list[AuthorityOut]
    materials: list[RequiredMaterialOut]


class WindowOut(Schema):
    id: int
    name: str
    city: str
    province: str


class MaterialIn(Schema):
    type: str = Field(description="Material type code, e.g. id-card")
    filename: str
    content_base64: str


class ApplicationIn(Schema):
    item: str = Field(description="Catalogue item code")
    mode: str = Field(description="online | remote | joint")
    applicant_kind: str = Field(description="person | enterprise")
    applicant_name: str
    applicant_id_number: str = ""
    applicant_uscc: str = ""
    channel: str = "online"
    receiving_window: int | None = Field(None, description="Window organisation id (channel window)")
    handling: list[str] = Field(description="Handling province adcodes, in order")
    parallel: bool = False
    materials: list[MaterialIn] = []
    reuse: dict[str, int] = Field({}, description="Material type code -> id of a held material")
    reuse_consent: bool = False


class StepOut(Schema):
    order: int
    jurisdiction: str
    authority: str
    outcome: str


class ClockOut(Schema):
    status: str
    started: date | None
    limit: int | None
    used: int
    paused: int
    due: date | None


class ApplicationOut(Schema):
    number: str
    item: str
    mode: str
    channel: str
    state: str
    receiving_window: str | None
    applicant_name: str
    submitted_at: datetime
    accepted_at: datetime | None
    decided_at: datetime | None
    decision: str
    tracking_number: str
    steps: list[StepOut]
    clock: ClockOut
    allowed_transitions: list[str]


class TransitionIn(Schema):
    consent_signed: bool = False
    to_province: str | None = Field(None, description="forward: re-route to this province adcode")
    reasons: str = Field("", description="reject / request_correction")
    material_types: list[str] = Field([], description="request_correction: types to provide again")
    note: str = ""
    approved: bool | None = Field(None, description="decide / complete_step")
    step: str | None = Field(None, description="complete_step: the step's province adcode")
    method: str = Field("", description="deliver: courier | window")
    tracking_number: str = ""
    materials: list[MaterialIn] = Field([], description="receive / respond_correction uploads")
    document: MaterialIn | None = Field(None, description="decide / complete_step: decision document")


ERRORS = {400: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}


# --- mapping ----------------------------------------------------------------------------------


def _item_out(item):
    return {
        "code": item.code,
        "name_zh": item.name_zh,
        "name_en": item.name_en,
        "audience": item.audience,
        "modes": [m.value for m in item.modes],
        "time_limit_days": item.time_limit_days,
        "fee_cny": item.fee_cny,
        "demo_details": item.demo_details,
        "source": item.source,
        "authorities": [
            {
                "province": a.province.code,
                "organisation": a.organisation.name_zh,
                "is_demo": a.is_demo,
            }
            for a in item.authorities.all()
        ],
        "materials": [
            {
                "type": m.material_type.code,
                "name": m.material_type.name,
                "mandatory": m.mandatory,
                "formats": m.formats,
                "max_mb": m.max_mb,
                "is_demo": m.is_demo,
            }
            for m in item.materials.all()
        ],
    }


def _application_out(user, number):
    application = selectors.application_for(user, number)
    clock = application.clock
    return {
        "number": application.number,
        "item": application.item.code,
        "mode": application.mode,
        "channel": application.channel,
        "state": application.state,
        "receiving_window": application.receiving_window.name_zh if application.receiving_window else None,
        "applicant_name": application.applicant_name,
        "submitted_at": application.submitted_at,
        "accepted_at": application.accepted_at,
        "decided_at": application.decided_at,
        "decision": application.decision,
        "tracking_number": application.tracking_number,
        "steps": [
            {
                "order": s.order,
                "jurisdiction": s.jurisdiction.code,
                "authority": s.authority.name_zh,
                "outcome": s.outcome,
            }
            for s in application.steps.all()
        ],
        "clock": {
            "status": clock.status,
            "started": clock.started,
            "limit": clock.limit,
            "used": clock.used,
            "paused": clock.paused,
            "due": clock.due,
        },
        "allowed_transitions": allowed_actions(user, application),
    }


def _upload(material):
    try:
        content = base64.b64decode(material.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError({"materials": [f"{material.filename}: the content is not valid base64."]}) from None
    return SimpleUploadedFile(material.filename[:200], content)


def _uploads(materials):
    return [(m.type, _upload(m)) for m in materials]


def _province(code):
    try:
        return jurisdiction_by_code(code, Jurisdiction.Level.PROVINCE)
    except Jurisdiction.DoesNotExist:
        raise ValidationError({"handling": [f"{code} is not a province of the region."]}) from None


# --- endpoints --------------------------------------------------------------------------------


@router.get("/catalogue", response=list[ItemOut], auth=None, summary="The cross-province service catalogue")
def catalogue(request, search: str = "", audience: str = "", mode: str = ""):
    return [_item_out(i) for i in selectors.catalogue(search=search, audience=audience, mode=mode)]


@router.get("/catalogue/{code}", response={200: ItemOut, 404: ApiError}, auth=None)
def catalogue_item(request, code: str):
    return _item_out(selectors.item_by_code(code))


@router.get(
    "/windows",
    response=list[WindowOut],
    auth=None,
    summary="Service windows staffed on the platform",
)
def windows(request):
    return [
        {
            "id": w.pk,
            "name": w.name_zh,
            "city": w.jurisdiction.code,
            "province": w.jurisdiction.parent.code,
        }
        for w in selectors.windows()
    ]


@router.post(
    "/applications",
    response={200: ApplicationOut, 201: ApplicationOut, **ERRORS},
    summary="Submit an application",
    description="Send an `Idempotency-Key` header: a retried POST with the same key returns the "
    "first application (200) instead of creating a second one.",
)
def submit(request, payload: ApplicationIn):
    item = get_object_or_404(selectors.catalogue(), code=payload.item)
    window = None
    if payload.receiving_window is not None:
        window = get_object_or_404(selectors.windows(), pk=payload.receiving_window)
    key = request.headers.get("Idempotency-Key", "").strip()[:80] or None
    replay = bool(key) and Application.objects.filter(idempotency_key=key).exists()
    application = writes.application_submit(
        acting_user=request.user,
        item=item,
        mode=payload.mode,
        applicant_kind=payload.applicant_kind,
        applicant_name=payload.applicant_name,
        applicant_id_number=payload.applicant_id_number,
        applicant_uscc=payload.applicant_uscc,
        channel=payload.channel,
        receiving_window=window,
        handling=[_province(c) for c in payload.handling],
        parallel=payload.parallel,
        uploads=_uploads(payload.materials),
        reuse=payload.reuse,
        reuse_consent=payload.reuse_consent,
        idempotency_key=key,
    )
    return Status(200 if replay else 201, _application_out(request.user, application.number))


class ApplicationRow(Schema):
    number: str
    item: str
    mode: str
    state: str
    submitted_at: datetime


@router.get("/applications", response=list[ApplicationRow], summary="Applications the caller may see")
def applications(request, state: str = ""):
    rows = selectors.applications_visible_to(request.user)
    if state:
        rows = rows.filter(state=state)
    return [
        {
            "number": a.number,
            "item": a.item.code,
            "mode": a.mode,
            "state": a.state,
            "submitted_at": a.submitted_at,
        }
        for a in rows[:500]
    ]


@router.get("/applications/{number}", response={200: ApplicationOut, 404: ApiError})
def application(request, number: str):
    return _application_out(request.user, number)


@router.post(
    "/applications/{number}/{action}",
    response={200: ApplicationOut, **ERRORS},
    summary="Move an application: " + ", ".join(TRANSITIONS),
)
def move(request, number: str, action: str, payload: TransitionIn):
    application = selectors.application_for(request.user, number)
    if action not in TRANSITIONS:
        raise ValidationError({"action": [f"Unknown action {action!r}; one of: {', '.join(TRANSITIONS)}."]})
    perform(request.user, application, action, _inputs(payload))
    return _application_out(request.user, number)


def _inputs(payload):
    types = MaterialType.objects.filter(code__in=payload.material_types)
    return {
        "consent_signed": payload.consent_signed,
        "to_province": _province(payload.to_province) if payload.to_province else None,
        "reasons": payload.reasons,
        "material_types": list(types),
        "note": payload.note,
        "approved": payload.approved,
        "step": payload.step,
        "method": payload.method,
        "tracking_number": payload.tracking_number,
        "uploads": _uploads(payload.materials),
        "document": _upload(payload.document) if payload.document else None,
    }
