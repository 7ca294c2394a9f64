"""Incidents and supply requests."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Header, Router
from ninja.responses import Status

from yrd.core.personal.reveal import listed, shown
from yrd.emergency import writes
from yrd.emergency.models import Incident, SupplyRequest, Warehouse
from yrd.emergency.selectors import requests as selectors

from .common import ERRORS, items_by_code, jurisdiction_by_code
from .schemas import EmergencyCancelIn, IncidentIn, IncidentOut, RequestIn, RequestOut, RescheduleIn

router = Router()


def incident_out(incident: Incident) -> dict:
    return {
        "number": incident.number,
        "name_zh": incident.name_zh,
        "name_en": incident.name_en,
        "kind": incident.kind,
        "where": incident.jurisdiction.code,
        "started_at": incident.started_at,
        "closed_at": incident.closed_at,
    }


def request_out(user, request: SupplyRequest, states, show=listed) -> dict:
    """The contact person: `listed` in lists (masked but for the one who raised the request), `shown` for
    the one request read or acted on (in full for those who work it, each time an audited reveal)."""
    return {
        "number": request.number,
        "incident": request.incident.number if request.incident else None,
        "warehouse": request.destination_warehouse.code if request.destination_warehouse else None,
        "site": request.site,
        "latitude": float(request.latitude),
        "longitude": float(request.longitude),
        "city": request.city.code,
        "priority": request.priority,
        "needed_by": request.needed_by,
        "status": request.status,
        "contact_name": show(user, request, "contact_name"),
        "contact_phone": show(user, request, "contact_phone"),
        "lines": [
            {
                "item": s.line.item.code,
                "quantity": s.line.quantity,
                "committed": s.committed,
                "received": s.received,
                "outstanding": s.outstanding,
            }
            for s in states.get(request.pk, [])
        ],
    }


@router.get("/incidents", response=list[IncidentOut])
def incidents(request, open_only: bool = False):
    rows = selectors.incidents_visible_to(request.user)
    if open_only:
        rows = rows.filter(closed_at__isnull=True)
    return [incident_out(i) for i in rows[:500]]


@router.post("/incidents", response={201: IncidentOut, **ERRORS})
def incident_open(request, payload: IncidentIn):
    incident = writes.incident_open(
        acting_user=request.user,
        name_zh=payload.name_zh,
        name_en=payload.name_en,
        kind=payload.kind,
        jurisdiction=jurisdiction_by_code(payload.where, "where"),
        started_at=payload.started_at,
        description=payload.description,
    )
    return Status(201, incident_out(incident))


@router.post("/incidents/{number}/close", response={200: IncidentOut, **ERRORS})
def incident_close(request, number: str):
    incident = get_object_or_404(selectors.incidents_visible_to(request.user), number=number)
    return incident_out(writes.incident_close(acting_user=request.user, incident=incident))


@router.get("/requests", response=list[RequestOut], summary="Requests the caller may see (contacts masked)")
def requests(request, status: str = "open"):
    rows = list(selectors.requests_visible_to(request.user).filter(status=status)[:500])
    states = selectors.line_states(rows)
    return [request_out(request.user, r, states) for r in rows]


@router.get("/requests/{number}", response={200: RequestOut, 404: ERRORS[404]})
def request_detail(request, number: str):
    found = selectors.request_for(request.user, number)
    states = selectors.line_states([found])
    return request_out(request.user, found, states, shown)


@router.post(
    "/requests",
    response={200: RequestOut, 201: RequestOut, **ERRORS},
    summary="Raise a request",
    description="Send an `Idempotency-Key` header: a retry with the same key and body returns the request "
    "raised the first time (200); the same key with another body is refused (409).",
)
def request_raise(
    request, payload: RequestIn, idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80)
):
    found = items_by_code([n.item for n in payload.needs], "needs")
    incident = get_object_or_404(Incident, number=payload.incident) if payload.incident else None
    warehouse = get_object_or_404(Warehouse, code=payload.warehouse) if payload.warehouse else None
    started = timezone.now()
    raised = writes.request_raise(
        acting_user=request.user,
        idempotency_key=idempotency_key or None,
        data=writes.RequestInput(
            priority=payload.priority,
            needed_by=payload.needed_by,
            needs=[writes.Need(found[n.item], n.quantity) for n in payload.needs],
            incident=incident,
            warehouse=warehouse,
            site=payload.site,
            latitude=payload.latitude,
            longitude=payload.longitude,
            contact_name=payload.contact_name,
            contact_phone=payload.contact_phone,
            note=payload.note,
        ),
    )
    body = request_out(request.user, raised, selectors.line_states([raised]), shown)
    return Status(200 if raised.raised_at < started else 201, body)


@router.post("/requests/{number}/cancel", response={200: RequestOut, **ERRORS})
def request_cancel(request, number: str, payload: EmergencyCancelIn):
    found = selectors.request_for(request.user, number)
    cancelled = writes.request_cancel(acting_user=request.user, request=found, reason=payload.reason)
    return request_out(request.user, cancelled, selectors.line_states([cancelled]), shown)


@router.post("/requests/{number}/reschedule", response={200: RequestOut, **ERRORS})
def request_reschedule(request, number: str, payload: RescheduleIn):
    """A new needed-by time (allocation only uses warehouses that arrive in time)."""
    found = selectors.request_for(request.user, number)
    moved = writes.request_reschedule(
        acting_user=request.user, request=found, needed_by=payload.needed_by, reason=payload.reason
    )
    return request_out(request.user, moved, selectors.line_states([moved]), shown)
