"""Allocation runs, commitments (offer, dispatch, receipt, cancel), readiness and what-if drills."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Header, Router
from ninja.responses import Status

from yrd.core.access import can
from yrd.core.models import Jurisdiction
from yrd.emergency import workflow, writes
from yrd.emergency.apps import ALLIANCE
from yrd.emergency.models import CommitmentPick, Warehouse
from yrd.emergency.selectors import allocation as selectors
from yrd.emergency.selectors.readiness import core_items, region_readiness
from yrd.emergency.selectors.requests import request_for

from .common import ERRORS, items_by_code, jurisdiction_by_code
from .schemas import (
    CommitmentOut,
    DispatchIn,
    DrillIn,
    DrillOut,
    EmergencyCancelIn,
    OfferIn,
    ReadinessOut,
    ReceiveIn,
    RunIn,
    RunOut,
)

router = Router()


def run_out(run) -> dict:
    lines = run.lines.select_related("warehouse", "request_line__request", "request_line__item")
    shortfalls = run.shortfalls.select_related("request_line__request", "request_line__item")
    return {
        "number": run.number,
        "jurisdiction": run.jurisdiction.code,
        "status": run.status,
        "as_of": run.as_of,
        "objective": run.objective,
        "solver_seconds": run.solver_seconds,
        "total_seconds": run.total_seconds,
        "lines": [
            {
                "warehouse": line.warehouse.code,
                "request": line.request_line.request.number,
                "item": line.request_line.item.code,
                "quantity": line.quantity,
                "travel_hours": round(line.travel_hours, 3),
                "rank": line.rank,
                "alternatives": line.alternatives,
                "stock_left": line.stock_left,
                "needed_by": line.request_line.request.needed_by,
                "picks": line.picks,
            }
            for line in lines
        ],
        "shortfalls": [
            {
                "request": s.request_line.request.number,
                "item": s.request_line.item.code,
                "needed": s.needed,
                "allocated": s.allocated,
                "short": s.short,
                "cause": s.cause,
                "fair_share": round(s.fair_share, 4),
            }
            for s in shortfalls
        ],
    }


def commitment_out(user, commitment) -> dict:
    return {
        "number": commitment.number,
        "warehouse": commitment.warehouse.code,
        "request": commitment.request.number,
        "status": commitment.status,
        "shipment": commitment.shipment,
        "shipment_booked": commitment.shipment_booked,
        "created_at": commitment.created_at,
        "dispatched_at": commitment.dispatched_at,
        "received_at": commitment.received_at,
        "lines": [
            {
                "item": line.request_line.item.code,
                "quantity": line.quantity,
                "picks": [
                    {
                        "id": p.pk,
                        "lot": p.lot.number,
                        "expires_on": p.lot.expires_on,
                        "quantity": p.quantity,
                        "received": p.received,
                        "damaged": p.damaged,
                        "received_lot_number": p.received_lot_number,
                        "received_expires_on": p.received_expires_on,
                    }
                    for p in line.picks.select_related("lot")
                ],
            }
            for line in commitment.lines.select_related("request_line__item")
        ],
        "allowed_transitions": workflow.allowed_transitions(user, commitment),
    }


@router.post("/allocation/runs", response={201: RunOut, **ERRORS}, summary="Run allocation (coordinators)")
def run_create(request, payload: RunIn):
    run = writes.allocation_run(acting_user=request.user, jurisdiction=jurisdiction_by_code(payload.jurisdiction))
    return Status(201, run_out(run))


@router.get("/allocation/runs", response=list[RunOut])
def runs(request):
    return [run_out(run) for run in selectors.runs_visible_to(request.user)[:50]]


@router.get("/allocation/runs/{number}", response={200: RunOut, 404: ERRORS[404]})
def run_detail(request, number: str):
    return run_out(selectors.run_for(request.user, number))


@router.post("/allocation/runs/{number}/{decision}", response={200: RunOut, **ERRORS})
def run_decide(request, number: str, decision: str):
    """`confirm` turns every line into commitments (lots reserved); `discard` drops the proposal."""
    run = selectors.run_for(request.user, number)
    if decision == "confirm":
        return run_out(writes.allocation_confirm(acting_user=request.user, run=run))
    if decision == "discard":
        return run_out(writes.allocation_discard(acting_user=request.user, run=run))
    raise ValidationError({"decision": [_("Either confirm or discard.")]})


@router.get("/commitments", response=list[CommitmentOut])
def commitments(request, status: str = ""):
    rows = selectors.commitments_visible_to(request.user)
    if status:
        rows = rows.filter(status=status)
    return [commitment_out(request.user, c) for c in rows[:200]]


@router.get("/commitments/{number}", response={200: CommitmentOut, 404: ERRORS[404]})
def commitment_detail(request, number: str):
    return commitment_out(request.user, selectors.commitment_for(request.user, number))


@router.post("/commitments", response={201: CommitmentOut, **ERRORS}, summary="Offer a warehouse's stock to a request")
def commitment_offer(request, payload: OfferIn):
    warehouse = get_object_or_404(Warehouse, code=payload.warehouse)
    target = request_for(request.user, payload.request)
    found = items_by_code([line.item for line in payload.lines], "lines")
    lines = {line.item.code: line for line in target.lines.select_related("item")}
    missing = sorted({line.item for line in payload.lines} - set(lines))
    if missing:
        raise ValidationError(
            {
                "lines": [
                    _("%(request)s does not ask for %(item)s.") % {"request": target.number, "item": m} for m in missing
                ]
            }
        )
    offers = [writes.Offer(lines[found[line.item].code], line.quantity) for line in payload.lines]
    commitment = writes.commitment_create(acting_user=request.user, warehouse=warehouse, request=target, offers=offers)
    return Status(201, commitment_out(request.user, commitment))


@router.post(
    "/commitments/{number}/dispatch",
    response={200: CommitmentOut, **ERRORS},
    description="A commitment is dispatched once: a second dispatch is refused (409), unless it repeats an "
    "earlier request's `Idempotency-Key`, which returns the commitment as dispatched then.",
)
def commitment_dispatch(
    request,
    number: str,
    payload: DispatchIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80),
):
    commitment = selectors.commitment_for(request.user, number)
    done = writes.commitment_dispatch(
        acting_user=request.user,
        commitment=commitment,
        tonnes=payload.tonnes,
        shipment=payload.shipment,
        idempotency_key=idempotency_key or None,
    )
    return commitment_out(request.user, done)


@router.post("/commitments/{number}/receive", response={200: CommitmentOut, **ERRORS})
def commitment_receive(request, number: str, payload: ReceiveIn):
    commitment = selectors.commitment_for(request.user, number)
    picks = CommitmentPick.objects.in_bulk([a.pick for a in payload.arrivals])
    unknown = sorted({a.pick for a in payload.arrivals} - set(picks))
    if unknown:
        raise ValidationError(
            {"arrivals": [_("%(pick)s is not a lot of this commitment.") % {"pick": pk} for pk in unknown]}
        )
    arrivals = [
        writes.Arrival(picks[a.pick], a.received, a.damaged, a.lot_number, a.expires_on) for a in payload.arrivals
    ]
    done = writes.commitment_receive(
        acting_user=request.user, commitment=commitment, arrivals=arrivals, note=payload.note
    )
    return commitment_out(request.user, done)


@router.post("/commitments/{number}/cancel", response={200: CommitmentOut, **ERRORS})
def commitment_cancel(request, number: str, payload: EmergencyCancelIn):
    commitment = selectors.commitment_for(request.user, number)
    done = writes.commitment_cancel(acting_user=request.user, commitment=commitment, reason=payload.reason)
    return commitment_out(request.user, done)


@router.get("/readiness", response={200: ReadinessOut, 403: ERRORS[403], 409: ERRORS[409]})
def readiness(request, hours: float = 12):
    """For each city: units of each item that can arrive within `hours`, per 10,000 residents (null
    where the population is not known), and whether every core supply can."""
    if not can(request.user, ALLIANCE):
        raise PermissionDenied(_("Readiness is for the members of the alliance."))
    if not 0 < hours <= 240:
        raise ValidationError({"hours": [_("Between 0 and 240 hours.")]})
    result = region_readiness(hours)
    core = core_items()
    coverage = result.coverage(core)
    return {
        "hours": hours,
        "core_items": core,
        "share_of_cities_covered": coverage.share,
        "cities": [
            {
                "city": row.city.key,
                "name": row.city.name_zh,
                "population": row.city.population,
                "quantity": row.quantity,
                "per_10k": {k: (None if v is None else round(v, 3)) for k, v in row.per_10k.items()},
                "has_core_supplies": row.has(core) if core else None,
            }
            for row in result.cities
        ],
    }


@router.post("/drills", response={201: DrillOut, **ERRORS}, summary="Run a what-if drill (changes no stock)")
def drill_create(request, payload: DrillIn):
    jurisdiction = jurisdiction_by_code(payload.jurisdiction)
    cities = {code: jurisdiction_by_code(code, "displaced") for code in payload.displaced}
    not_cities = [code for code, place in cities.items() if place.level != Jurisdiction.Level.CITY]
    if not_cities:
        raise ValidationError({"displaced": [_("%(code)s is not a city.") % {"code": c} for c in not_cities]})
    found = items_by_code(list(payload.per_person), "per_person")
    drill = writes.drill_run(
        acting_user=request.user,
        jurisdiction=jurisdiction,
        scenario=writes.Scenario(
            name=payload.name,
            displaced={cities[code]: people for code, people in payload.displaced.items()},
            days=payload.days,
            within_hours=payload.within_hours,
            priority=payload.priority,
            per_person={found[code]: Decimal(str(value)) for code, value in payload.per_person.items()},
        ),
    )
    return Status(201, drill_out(drill))


def drill_out(drill) -> dict:
    return {
        "number": drill.number,
        "name": drill.name,
        "jurisdiction": drill.jurisdiction.code,
        "as_of": drill.as_of,
        "scenario": drill.scenario,
        "result": drill.result,
    }


@router.get("/drills", response=list[DrillOut])
def drills(request):
    return [drill_out(d) for d in selectors.drills_visible_to(request.user)[:50]]


@router.get("/drills/{number}", response={200: DrillOut, 404: ERRORS[404]})
def drill_detail(request, number: str):
    return drill_out(selectors.drills_visible_to(request.user).get(number=number))
