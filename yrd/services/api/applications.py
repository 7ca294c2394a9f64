"""The services API: catalogue, submission with an idempotency key, status, officer transitions.
Errors follow the platform's shape {code, message, errors?}: 400 bad input, 403 not allowed,
404 not visible to the caller, 409 a transition the application's state does not allow."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Body, Field, File, Router, Schema
from ninja.decorators import decorate_view
from ninja.files import UploadedFile
from ninja.responses import Status

from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction
from yrd.core.personal.reveal import shown
from yrd.core.schemas import ApiError
from yrd.core.selectors import jurisdiction_by_code
from yrd.core.tables import FORMATS, MAX_BYTES
from yrd.services import catalogue_io, selectors, writes
from yrd.services.workflow import TRANSITIONS, allowed_transitions, perform, validated
from yrd.services.workflow.inputs import MaterialIn, decode

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


class ApplicationIn(Schema):
    item: str = Field(max_length=40, description="Catalogue item code")
    mode: str = Field(max_length=10, description="online | remote | joint")
    applicant_kind: str = Field(max_length=10, description="person | enterprise")
    applicant_name: str = Field(max_length=200)
    applicant_id_number: str = Field("", max_length=18)
    applicant_uscc: str = Field("", max_length=18)
    channel: str = Field("online", max_length=10)
    receiving_window: int | None = Field(None, description="Window organisation id (channel window)")
    handling: list[str] = Field(max_length=4, description="Handling province adcodes, in order")
    parallel: bool = False
    materials: list[MaterialIn] = Field([], max_length=30)
    reuse: dict[str, int] = Field(
        {}, description="Material type code -> id of a material this account submitted before (once-only reuse)"
    )
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
    provisional: bool = Field(description="The due date counts a year whose holiday arrangement is not published yet")


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
        "applicant_name": shown(user, application, "applicant_name"),  # in full: an audited reveal
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
            "provisional": clock.provisional,
        },
        "allowed_transitions": allowed_transitions(user, application),
    }


def _uploads(materials: list[MaterialIn]) -> tuple:
    try:
        return tuple((m.type, decode(m)) for m in materials)
    except ValueError as error:
        raise ValidationError({"materials": [str(error)]}) from None


def _province(code):
    try:
        return jurisdiction_by_code(code, Jurisdiction.Level.PROVINCE)
    except Jurisdiction.DoesNotExist:
        raise ValidationError({"handling": [f"{code} is not a province of the region."]}) from None


# --- endpoints --------------------------------------------------------------------------------


@router.get("/catalogue", response=list[ItemOut], auth=None, summary="The cross-province service catalogue")
@decorate_view(public_cache)
def catalogue(request, search: str = "", audience: str = "", mode: str = ""):
    return [_item_out(i) for i in selectors.catalogue(search=search, audience=audience, mode=mode)]


class ImportErrorOut(Schema):
    row: int | None
    column: str
    reason: str


class ImportOut(Schema):
    kind: str
    rows: int
    created: int
    updated: int
    unchanged: int
    dry_run: bool
    errors: list[ImportErrorOut]


@router.get(
    "/catalogue/export/{kind}.{fmt}", auth=None, summary="The catalogue as XLSX or CSV (items, materials, authorities)"
)
def catalogue_export(request, kind: str, fmt: str):
    if kind not in catalogue_io.KINDS or fmt not in FORMATS:
        raise Http404(f"Kinds: {', '.join(catalogue_io.KINDS)}; formats: {', '.join(FORMATS)}.")
    exported = catalogue_io.export_file(kind, fmt)
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


@router.post(
    "/catalogue/import/{kind}",
    response={200: ImportOut, 400: ImportOut, 401: ApiError, 403: ApiError, 404: ApiError},
    summary="Import one kind of catalogue rows from an XLSX or CSV file: all rows or none",
    description="Multipart form with `file`; `dry_run=true` only checks. 400 lists every problem by row and column.",
)
def catalogue_import(request, kind: str, file: File[UploadedFile], dry_run: bool = False):
    if kind not in catalogue_io.KINDS:
        raise Http404(f"Kinds: {', '.join(catalogue_io.KINDS)}.")
    if not catalogue_io.may_import(request.user):
        raise PermissionDenied(_("You may not edit the service catalogue."))
    if file.size > MAX_BYTES:
        raise ValidationError({"file": [f"The file is larger than {MAX_BYTES // 2**20} MB."]})
    result = catalogue_io.import_file(acting_user=request.user, kind=kind, data=file.read(), dry_run=dry_run)
    body = {**vars(result), "errors": [vars(e) for e in result.errors]}
    return Status(400 if result.errors else 200, body)


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
    draft = writes.ApplicationDraft(
        item=item,
        mode=payload.mode,
        applicant_kind=payload.applicant_kind,
        applicant_name=payload.applicant_name,
        applicant_id_number=payload.applicant_id_number,
        applicant_uscc=payload.applicant_uscc,
        channel=payload.channel,
        receiving_window=window,
        handling=tuple(_province(c) for c in payload.handling),
        parallel=payload.parallel,
        uploads=_uploads(payload.materials),
        reuse=payload.reuse,
        reuse_consent=payload.reuse_consent,
    )
    key = request.headers.get("Idempotency-Key", "").strip() or None
    application = writes.application_submit(acting_user=request.user, draft=draft, idempotency_key=key)
    return Status(200 if application.replayed else 201, _application_out(request.user, application.number))


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


def _fields_of(name, transition) -> str:
    return f"{name}: {', '.join(transition.input.model_fields) or 'nothing'}"


def _transition_bodies() -> dict:
    """The request body of each transition, documented in the OpenAPI schema."""
    return {
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [t.input.model_json_schema() for t in TRANSITIONS.values()],
                        "description": "The input of the transition named in the path: "
                        + "; ".join(
                            f"{n}: {', '.join(t.input.model_fields) or 'nothing'}" for n, t in TRANSITIONS.items()
                        ),
                    }
                }
            }
        }
    }


@router.post(
    "/applications/{number}/{action}",
    response={200: ApplicationOut, **ERRORS},
    summary="Move an application: " + ", ".join(TRANSITIONS),
    openapi_extra=_transition_bodies(),
)
def move(request, number: str, action: str, payload: Body[dict]):
    application = selectors.application_for(request.user, number)
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ValidationError({"action": [f"Unknown action {action!r}; one of: {', '.join(TRANSITIONS)}."]})
    perform(request.user, application, action, validated(transition.input, payload))
    return _application_out(request.user, number)
