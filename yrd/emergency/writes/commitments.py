"""Commitments: a warehouse promises stock to a request (reserving lots, first expiry first out),
dispatches it once (the stock leaves the ledger), and the destination confirms what arrived (what was
damaged, the lot and expiry as found; a warehouse's own request puts it into that warehouse's stock).

Locks: a commitment's row first, then its warehouse's; so a commitment is dispatched or received at
most once, however many requests arrive together."""

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import can
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.emergency import travel, workflow
from yrd.emergency.apps import ALLOCATE, DISPATCH
from yrd.emergency.models import (
    Commitment,
    CommitmentLine,
    CommitmentPick,
    Lot,
    Movement,
    RequestLine,
    StockTransaction,
    SupplyRequest,
    Warehouse,
)
from yrd.emergency.selectors.requests import committed, received
from yrd.emergency.selectors.stock import balances
from yrd.transport.interface import shipment_book

from .common import Take, lock, next_number, pick_fefo, quantity_errors

# A lorry carries tens of tonnes, a train or a barge a few thousand: more is a typing error.
MAX_LOAD_TONNES = 5000


@dataclass(frozen=True)
class Offer:
    request_line: RequestLine
    quantity: int


@write
def commitment_create(
    *, acting_user, warehouse: Warehouse, request: SupplyRequest, offers: list[Offer], travel_hours: float | None = None
) -> Commitment:
    """A warehouse's operator offers its stock to an open request (or a coordinator of the request's
    place commits it); the lots are reserved first expiry first out, never a lot that expires before
    the request's needed-by day."""
    if not (can(acting_user, DISPATCH, warehouse) or can(acting_user, ALLOCATE, request)):
        raise PermissionDenied(_("Only the warehouse's operator, or a coordinator of the request's place, commits."))
    locked = lock(warehouse)
    picks = _check_offers(locked, request, offers)
    if travel_hours is None:
        hours = float(travel.hours([warehouse.place], [request.place])[0, 0])
        travel_hours = hours if math.isfinite(hours) else None
    commitment = open_commitment(acting_user, locked, request, travel_hours=travel_hours)
    for offer in offers:
        add_line(commitment, offer.request_line, picks[offer.request_line.pk])
    audit_commitment(acting_user, commitment, "emergency.allocation.confirm", {"manual": True})
    return commitment


def open_commitment(acting_user, locked: Warehouse, request: SupplyRequest, *, run=None, travel_hours=None):
    sequence, number = next_number(locked)
    return Commitment.objects.create(
        warehouse=locked,
        sequence=sequence,
        number=number,
        request=request,
        run=run,
        travel_hours=travel_hours,
        created_at=timezone.now(),
        created_by=person(acting_user),
    )


def add_line(commitment: Commitment, request_line: RequestLine, takes: list[Take]) -> CommitmentLine:
    line = CommitmentLine.objects.create(
        commitment=commitment, request_line=request_line, quantity=sum(t.quantity for t in takes)
    )
    CommitmentPick.objects.bulk_create([CommitmentPick(line=line, lot=t.lot, quantity=t.quantity) for t in takes])
    return line


def audit_commitment(acting_user, commitment: Commitment, action: str, data: dict | None = None) -> None:
    audit_record(
        actor=acting_user,
        action=action,
        obj=commitment,
        jurisdiction=commitment.warehouse.city.code,
        data={
            "warehouse": commitment.warehouse.code,
            "request": commitment.request.number,
            "lines": [
                (line.request_line.item.code, line.quantity)
                for line in commitment.lines.select_related("request_line__item")
            ],
            **(data or {}),
        },
    )


def _check_offers(warehouse: Warehouse, request: SupplyRequest, offers: list[Offer]) -> dict[int, list[Take]]:
    problems = [] if offers else [_("Offer at least one item.")]
    if request.status != SupplyRequest.Status.OPEN:
        problems.append(_("%(request)s is not open.") % {"request": request.number})
    if request.destination_warehouse_id == warehouse.pk:
        problems.append(_("A warehouse does not send stock to its own request."))
    covered = committed([offer.request_line.pk for offer in offers])
    picks: dict[int, list[Take]] = {}
    needed_on = max(timezone.localdate(), timezone.localdate(request.needed_by))
    for row, offer in enumerate(offers, start=1):
        line = offer.request_line
        where = _("Line %(row)d (%(item)s)") % {"row": row, "item": line.item.code}
        size = quantity_errors(where, offer.quantity)
        if line.request_id != request.pk:
            problems.append(_("%(where)s is not a line of %(request)s.") % {"where": where, "request": request.number})
        elif size:
            problems += size
        elif offer.quantity > line.quantity - covered.get(line.pk, 0):
            problems.append(
                _("%(where)s: %(outstanding)s still needed, not %(quantity)s.")
                % {"where": where, "outstanding": line.quantity - covered.get(line.pk, 0), "quantity": offer.quantity}
            )
        elif line.pk in picks:
            problems.append(_("%(where)s: the item is offered twice.") % {"where": where})
        else:
            try:
                picks[line.pk] = pick_fefo(warehouse, line.item, offer.quantity, on=needed_on)
            except ValidationError as error:
                problems += [f"{where}: {message}" for message in error.messages]
    if problems:
        raise ValidationError({"offers": problems})
    return picks


@write
def commitment_cancel(*, acting_user, commitment: Commitment, reason: str) -> Commitment:
    """Frees the lots it reserved. Only before dispatch."""
    commitment = (
        Commitment.objects.select_for_update(of=("self",)).select_related("warehouse", "request").get(pk=commitment.pk)
    )
    workflow.check(acting_user, commitment, "cancel")
    if not reason.strip() or len(reason) > 500:
        raise ValidationError({"reason": [_("Say why the commitment is cancelled (at most 500 characters).")]})
    commitment.status = Commitment.Status.CANCELLED
    commitment.save(update_fields=["status"])
    audit_commitment(acting_user, commitment, "emergency.commitment.cancel", {"reason": reason.strip()})
    return commitment


@write
def commitment_dispatch(
    *,
    acting_user,
    commitment: Commitment,
    tonnes: Decimal | float | None = None,
    shipment: str = "",
    idempotency_key: str | None = None,
) -> Commitment:
    """The reserved lots leave the warehouse: one issue (to an incident site) or transfer-out (to
    another warehouse) transaction, and the load is booked with the transport module (fastest route,
    its weight from `tonnes` or the catalogue), unless `shipment` names a booking made elsewhere
    (the warehouse's own lorries, say). A second dispatch of the same commitment is refused."""
    earlier = idempotency.claim(
        acting_user=acting_user,
        operation="emergency.commitment.dispatch",
        key=idempotency_key,
        request={"commitment": commitment.pk, "shipment": shipment, "tonnes": str(tonnes)},
    )
    if earlier is not None:
        return Commitment.objects.get(pk=earlier)
    commitment = (
        Commitment.objects.select_for_update(of=("self",)).select_related("warehouse", "request").get(pk=commitment.pk)
    )
    workflow.check(acting_user, commitment, "dispatch")
    locked = lock(commitment.warehouse)
    picks = list(CommitmentPick.objects.filter(line__commitment=commitment).select_related("lot__item"))
    load = _load_tonnes(picks, tonnes, shipment)
    _check_still_there(picks)
    transaction = _dispatch_transaction(acting_user, locked, commitment, picks)
    commitment.shipment = shipment.strip() or _book(acting_user, commitment, load)
    commitment.shipment_booked = not shipment.strip()
    commitment.status = Commitment.Status.DISPATCHED
    commitment.dispatched_at, commitment.dispatched_by = transaction.at, person(acting_user)
    commitment.save(update_fields=["status", "dispatched_at", "dispatched_by", "shipment", "shipment_booked"])
    audit_commitment(
        acting_user,
        commitment,
        "emergency.commitment.dispatch",
        {"transaction": transaction.number, "shipment": commitment.shipment, "tonnes": load and str(load)},
    )
    idempotency.fulfil(
        acting_user=acting_user, operation="emergency.commitment.dispatch", key=idempotency_key, result_id=commitment.pk
    )
    return commitment


def _dispatch_transaction(acting_user, locked: Warehouse, commitment: Commitment, picks) -> StockTransaction:
    kind = StockTransaction.Kind.ISSUE
    if commitment.request.destination_warehouse_id:
        kind = StockTransaction.Kind.TRANSFER_OUT
    sequence, number = next_number(locked)
    transaction = StockTransaction.objects.create(
        warehouse=locked,
        sequence=sequence,
        number=number,
        kind=kind,
        counterpart=f"{commitment.request.number} {commitment.request.site}"[:200],
        commitment=commitment,
        at=timezone.now(),
        by=person(acting_user),
    )
    Movement.objects.bulk_create([Movement(transaction=transaction, lot=p.lot, quantity=-p.quantity) for p in picks])
    return transaction


def load_weight(picks) -> tuple[Decimal, list[str]]:
    """The load's weight in tonnes from the catalogue, and the items whose weight per unit is unknown."""
    unknown = sorted({p.lot.item.name for p in picks if p.lot.item.unit_weight_kg is None})
    known = sum(
        (p.quantity * p.lot.item.unit_weight_kg for p in picks if p.lot.item.unit_weight_kg is not None), Decimal(0)
    )
    return (known / 1000).quantize(Decimal("0.001")), unknown


def _load_tonnes(picks, tonnes, shipment: str) -> Decimal | None:
    """Tonnes to book: as given, or from the catalogue; None when booked elsewhere."""
    errors = {}
    if len(shipment) > 60:
        errors["shipment"] = [_("At most 60 characters.")]
    if shipment.strip():
        if errors:
            raise ValidationError(errors)
        return None
    if tonnes is None:
        weight, unknown = load_weight(picks)
        if unknown:
            errors["tonnes"] = [
                _("Give the load's weight in tonnes: the catalogue has no weight per unit of %(items)s.")
                % {"items": ", ".join(unknown)}
            ]
        tonnes = weight
    try:
        tonnes = Decimal(str(tonnes))
    except (InvalidOperation, ValueError):
        tonnes = Decimal("NaN")
    if "tonnes" not in errors and not (tonnes.is_finite() and 0 < tonnes <= MAX_LOAD_TONNES):
        errors["tonnes"] = [
            _("A load weighs more than 0 and at most %(max)s tonnes (split larger ones).") % {"max": MAX_LOAD_TONNES}
        ]
    if errors:
        raise ValidationError(errors)
    return tonnes


def _book(acting_user, commitment: Commitment, tonnes: Decimal) -> str:
    """The transport module plans the fastest route and books it; its reference is the shipment."""
    return shipment_book(
        acting_user=acting_user,
        origin=commitment.warehouse.place,
        destination=commitment.request.place,
        tonnes=float(tonnes),
        reference=commitment.number,
        idempotency_key=f"emergency-dispatch:{commitment.number}",
        departure=timezone.now(),
    )


def _check_still_there(picks: list[CommitmentPick]) -> None:
    """Reserved stock cannot have been taken by anyone else; check anyway, the ledger is the truth."""
    on_hand = balances([p.lot_id for p in picks])
    needed: dict[int, int] = {}
    for pick in picks:
        needed[pick.lot_id] = needed.get(pick.lot_id, 0) + pick.quantity
    short = [pick.lot.number for pick in picks if on_hand.get(pick.lot_id, 0) < needed[pick.lot_id]]
    if short:
        raise ValidationError(
            _("Lots %(lots)s no longer hold what was reserved; count them.") % {"lots": ", ".join(short)}
        )


@dataclass(frozen=True)
class Arrival:
    """What came of one lot shipped: units in good order, units damaged, and the lot number and expiry
    as printed on what arrived, when they differ from what was shipped."""

    pick: CommitmentPick
    received: int
    damaged: int = 0
    lot_number: str = ""
    expires_on: date | None = None


@write
def commitment_receive(*, acting_user, commitment: Commitment, arrivals: list[Arrival], note: str = "") -> Commitment:
    commitment = (
        Commitment.objects.select_for_update(of=("self",))
        .select_related("warehouse", "request__destination_warehouse")
        .get(pk=commitment.pk)
    )
    workflow.check(acting_user, commitment, "receive")
    picks = {p.pk: p for p in CommitmentPick.objects.filter(line__commitment=commitment).select_related("lot__item")}
    destination = commitment.request.destination_warehouse
    if destination is not None:
        destination = lock(destination)
    _check_arrivals(picks, arrivals, destination, note)
    for arrival in arrivals:
        pick = picks[arrival.pick.pk]
        pick.received, pick.damaged = arrival.received, arrival.damaged
        pick.received_lot_number = arrival.lot_number.strip() or pick.lot.number
        pick.received_expires_on = arrival.expires_on or pick.lot.expires_on
        pick.save(update_fields=["received", "damaged", "received_lot_number", "received_expires_on"])
    transaction = _into_destination(acting_user, destination, commitment, list(picks.values()))
    commitment.status = Commitment.Status.RECEIVED
    commitment.received_at, commitment.received_by = timezone.now(), person(acting_user)
    commitment.receipt_note = note.strip()
    commitment.save(update_fields=["status", "received_at", "received_by", "receipt_note"])
    _close_when_met(commitment.request)
    audit_commitment(
        acting_user,
        commitment,
        "emergency.commitment.receive",
        {
            "transaction": transaction and transaction.number,
            "arrivals": [(p.lot.number, p.quantity, p.received, p.damaged, p.missing) for p in picks.values()],
        },
    )
    return commitment


def _check_arrivals(picks, arrivals: list[Arrival], destination: Warehouse | None, note: str) -> None:
    problems = []
    given = [a.pick.pk for a in arrivals]
    if sorted(given) != sorted(picks):
        problems.append(_("Say for every lot shipped what arrived (received and damaged, 0 when none)."))
    if len(note) > 500:
        problems.append(_("The note has at most 500 characters."))
    today = timezone.localdate()
    for arrival in arrivals:
        pick = picks.get(arrival.pick.pk)
        if pick is None:
            continue
        where = _("Lot %(lot)s (%(item)s)") % {"lot": pick.lot.number, "item": pick.lot.item.code}
        counts = [arrival.received, arrival.damaged]
        if any(not isinstance(n, int) or isinstance(n, bool) or n < 0 for n in counts):
            problems.append(_("%(where)s: received and damaged are whole numbers, 0 or more.") % {"where": where})
            continue
        if arrival.received + arrival.damaged > pick.quantity:
            problems.append(
                _("%(where)s: %(received)s received and %(damaged)s damaged is more than the %(shipped)s shipped.")
                % {"where": where, "received": arrival.received, "damaged": arrival.damaged, "shipped": pick.quantity}
            )
        problems += _correction_problems(pick, arrival, where, destination, today)
    if problems:
        raise ValidationError({"arrivals": problems})


def _correction_problems(pick, arrival: Arrival, where: str, destination, today: date) -> list[str]:
    problems = []
    if len(arrival.lot_number) > 40:
        problems.append(_("%(where)s: a lot number has at most 40 characters.") % {"where": where})
    if arrival.expires_on is not None and not pick.lot.item.expires:
        problems.append(_("%(where)s: the item does not expire; leave the expiry empty.") % {"where": where})
    if destination is None or not arrival.received:
        return problems
    expires_on = arrival.expires_on or pick.lot.expires_on
    if expires_on is not None and expires_on <= today:
        problems.append(
            _("%(where)s: expired on %(date)s; it is not taken into stock.") % {"where": where, "date": expires_on}
        )
    number = arrival.lot_number.strip() or pick.lot.number
    known = Lot.objects.filter(warehouse=destination, item=pick.lot.item, number=number).first()
    if known is not None and known.expires_on != expires_on:
        problems.append(
            _("%(where)s: lot %(lot)s is already recorded at %(warehouse)s expiring %(date)s.")
            % {"where": where, "lot": number, "warehouse": destination.code, "date": known.expires_on or _("never")}
        )
    return problems


def _into_destination(acting_user, destination: Warehouse | None, commitment, picks) -> StockTransaction | None:
    """A warehouse's own request: what arrived in good order enters its stock (transfer in)."""
    arrived = [p for p in picks if p.received]
    if destination is None or not arrived:
        return None
    sequence, number = next_number(destination)
    transaction = StockTransaction.objects.create(
        warehouse=destination,
        sequence=sequence,
        number=number,
        kind=StockTransaction.Kind.TRANSFER_IN,
        counterpart=f"{commitment.number} {commitment.warehouse.code}",
        commitment=commitment,
        at=timezone.now(),
        by=person(acting_user),
    )
    for pick in arrived:
        lot, _created = Lot.objects.get_or_create(
            warehouse=destination,
            item=pick.lot.item,
            number=pick.received_lot_number,
            defaults={"expires_on": pick.received_expires_on},
        )
        Movement.objects.create(transaction=transaction, lot=lot, quantity=pick.received)
    return transaction


def _close_when_met(request: SupplyRequest) -> None:
    """A request whose every line has arrived in full closes by itself."""
    lines = list(request.lines.all())
    arrived = received([line.pk for line in lines])
    if all(arrived.get(line.pk, 0) >= line.quantity for line in lines):
        SupplyRequest.objects.filter(pk=request.pk).update(status=SupplyRequest.Status.CLOSED)
