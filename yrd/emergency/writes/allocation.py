"""Allocation runs: the engine proposes (nothing is reserved yet), a coordinator confirms (every line
becomes part of a commitment, its lots reserved) or discards. Only coordinators run allocation.

A run covers the open requests located in the coordinator's jurisdiction and the warehouses there
(the whole alliance for a coordinator of the region). Confirming re-checks every lot under the
warehouses' locks: when stock or requests changed since the run, nothing is committed and the
coordinator runs it again."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction
from yrd.emergency.allocation import allocate
from yrd.emergency.apps import ALLOCATE
from yrd.emergency.models import (
    AllocationLine,
    AllocationRun,
    AllocationShortfall,
    Lot,
    RequestLine,
    SupplyRequest,
    Warehouse,
)
from yrd.emergency.selectors.allocation import allocation_input
from yrd.emergency.selectors.requests import committed
from yrd.emergency.selectors.stock import lot_stock

from .commitments import add_line, audit_commitment, open_commitment
from .common import Take, lock, number_by_pk


@write
def allocation_run(*, acting_user, jurisdiction: Jurisdiction) -> AllocationRun:
    require(acting_user, ALLOCATE, jurisdiction)
    now = timezone.now()
    data = allocation_input(jurisdiction, now=now)
    if not data.requests:
        raise ValidationError(
            _("No open request in %(place)s needs anything: there is nothing to allocate.")
            % {"place": jurisdiction.name}
        )
    answer = allocate(data.problem)
    run = AllocationRun.objects.create(
        jurisdiction=jurisdiction,
        as_of=now,
        objective=answer.objective,
        solver_seconds=answer.solver_seconds,
        total_seconds=answer.total_seconds,
        created_by=person(acting_user),
    )
    number_by_pk(run, "RUN")
    request_lines = _request_lines(data.requests)
    AllocationLine.objects.bulk_create(
        [
            AllocationLine(
                run=run,
                warehouse_id=int(line.warehouse),
                request_line=request_lines[(int(line.request), line.item)],
                quantity=line.quantity,
                travel_hours=line.reason.travel_hours,
                rank=line.reason.rank,
                alternatives=line.reason.alternatives,
                stock_left=line.reason.stock_left,
                picks=[_pick(data.lots[p.lot], p.quantity) for p in line.picks],
            )
            for line in answer.lines
        ]
    )
    AllocationShortfall.objects.bulk_create(
        [
            AllocationShortfall(
                run=run,
                request_line=request_lines[(int(s.request), s.item)],
                needed=s.needed,
                allocated=s.allocated,
                cause=s.cause.value,
                fair_share=s.fair_share,
            )
            for s in answer.shortfalls
        ]
    )
    audit_record(
        actor=acting_user,
        action="emergency.allocation.run",
        obj=run,
        jurisdiction=jurisdiction.code,
        data={
            "requests": len(data.requests),
            "warehouses": len(data.warehouses),
            "lines": len(answer.lines),
            "shortfalls": len(answer.shortfalls),
            "objective": answer.objective,
        },
    )
    return run


def _request_lines(requests: list[SupplyRequest]) -> dict[tuple[int, str], RequestLine]:
    lines = RequestLine.objects.filter(request__in=requests).select_related("item")
    return {(line.request_id, line.item.code): line for line in lines}


def _pick(row, quantity: int) -> dict:
    lot = row.lot
    return {
        "lot": lot.pk,
        "number": lot.number,
        "quantity": quantity,
        "expires_on": lot.expires_on and lot.expires_on.isoformat(),
    }


@write
def allocation_confirm(*, acting_user, run: AllocationRun) -> AllocationRun:
    """Every line of the run becomes part of a commitment (one per warehouse and request), its lots
    reserved; all or nothing."""
    run = AllocationRun.objects.select_for_update().get(pk=run.pk)
    require(acting_user, ALLOCATE, run)
    if run.status != AllocationRun.Status.PROPOSED:
        raise Conflict(_("%(run)s is already %(status)s.") % {"run": run.number, "status": run.get_status_display()})
    lines = list(run.lines.select_related("warehouse", "request_line__request", "request_line__item"))
    by_warehouse: dict[int, list[AllocationLine]] = defaultdict(list)
    for line in lines:
        by_warehouse[line.warehouse_id].append(line)
    locked = {pk: lock(Warehouse(pk=pk)) for pk in sorted(by_warehouse)}
    _check_unchanged(run, lines)
    commitments = []
    for pk, warehouse_lines in by_warehouse.items():
        per_request: dict[int, list[AllocationLine]] = defaultdict(list)
        for line in warehouse_lines:
            per_request[line.request_line.request_id].append(line)
        for request_lines in per_request.values():
            request = request_lines[0].request_line.request
            travel_hours = request_lines[0].travel_hours
            commitment = open_commitment(acting_user, locked[pk], request, run=run, travel_hours=travel_hours)
            for line in request_lines:
                add_line(commitment, line.request_line, _takes(line))
            audit_commitment(acting_user, commitment, "emergency.allocation.confirm", {"run": run.number})
            commitments.append(commitment.number)
    run.status, run.decided_by, run.decided_at = AllocationRun.Status.CONFIRMED, person(acting_user), timezone.now()
    run.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=acting_user,
        action="emergency.allocation.confirm",
        obj=run,
        jurisdiction=run.jurisdiction.code,
        data={"commitments": commitments},
    )
    return run


def _takes(line: AllocationLine) -> list[Take]:
    lots = Lot.objects.in_bulk([p["lot"] for p in line.picks])
    return [Take(lots[p["lot"]], p["quantity"]) for p in line.picks]


def _check_unchanged(run: AllocationRun, lines: list[AllocationLine]) -> None:
    """Under the warehouses' locks: every lot still has what the run picked, every request is still
    open and still needs what the run gives it."""
    wanted: dict[int, int] = defaultdict(int)
    for line in lines:
        for pick in line.picks:
            wanted[pick["lot"]] += pick["quantity"]
    changes = [
        _("lot %(lot)s has %(available)s available, the run picked %(wanted)s")
        % {"lot": row.lot.number, "available": row.available, "wanted": wanted[row.lot.pk]}
        for row in lot_stock(Lot.objects.filter(pk__in=wanted))
        if row.available < wanted[row.lot.pk]
    ]
    given: dict[int, int] = defaultdict(int)
    for line in lines:
        given[line.request_line_id] += line.quantity
    covered = committed(list(given))
    for line in {line.request_line for line in lines}:
        if line.request.status != SupplyRequest.Status.OPEN:
            changes.append(_("%(request)s is no longer open") % {"request": line.request.number})
        elif line.quantity - covered.get(line.pk, 0) < given[line.pk]:
            changes.append(
                _("%(request)s: %(item)s was committed meanwhile")
                % {"request": line.request.number, "item": line.item.code}
            )
    if changes:
        raise Conflict(
            _("The stock or the requests changed since %(run)s (%(changes)s); run the allocation again.")
            % {"run": run.number, "changes": "; ".join(sorted(set(changes)))},
            code="stale_run",
        )


@write
def allocation_discard(*, acting_user, run: AllocationRun) -> AllocationRun:
    run = AllocationRun.objects.select_for_update().get(pk=run.pk)
    require(acting_user, ALLOCATE, run)
    if run.status != AllocationRun.Status.PROPOSED:
        raise Conflict(_("%(run)s is already %(status)s.") % {"run": run.number, "status": run.get_status_display()})
    run.status, run.decided_by, run.decided_at = AllocationRun.Status.DISCARDED, person(acting_user), timezone.now()
    run.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(actor=acting_user, action="emergency.allocation.discard", obj=run, jurisdiction=run.jurisdiction.code)
    return run
