"""Receipts, issues and adjustments at a warehouse: each one numbered transaction of movements, under
the warehouse's lock, all-or-nothing with every faulty line named."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.emergency.apps import MOVE_STOCK
from yrd.emergency.models import Item, Lot, Movement, StockTransaction, Warehouse
from yrd.emergency.selectors.stock import lot_stock, volume_in_store_m3

from .common import Take, lock, next_number, pick_fefo, quantity_errors

MAX_TEXT = {"counterpart": 200, "note": 500, "lot_number": 40}


@dataclass(frozen=True)
class ReceiptLine:
    item: Item
    lot_number: str
    quantity: int
    expires_on: date | None = None


@dataclass(frozen=True)
class IssueLine:
    item: Item
    quantity: int
    lot: Lot | None = None  # None: first expiry, first out


@write
def stock_receive(
    *,
    acting_user,
    warehouse: Warehouse,
    lines: list[ReceiptLine],
    counterpart: str,
    note: str = "",
    idempotency_key: str | None = None,
) -> StockTransaction:
    """Stock arriving from outside the alliance (purchase, donation, production)."""
    require(acting_user, MOVE_STOCK, warehouse)
    request = {
        "warehouse": warehouse.pk,
        "lines": [vars(line) | {"item": line.item.pk} for line in lines],
        "counterpart": counterpart,
        "note": note,
    }
    earlier = idempotency.claim(
        acting_user=acting_user, operation="emergency.stock.receive", key=idempotency_key, request=request
    )
    if earlier is not None:
        return StockTransaction.objects.get(pk=earlier)
    locked = lock(warehouse)
    _check_receipt(locked, lines, counterpart, note)
    transaction = _transaction(acting_user, locked, StockTransaction.Kind.RECEIPT, counterpart=counterpart, note=note)
    for line in lines:
        lot = _receiving_lot(locked, line.item, line.lot_number.strip(), line.expires_on)
        Movement.objects.create(transaction=transaction, lot=lot, quantity=line.quantity)
    _audit(acting_user, "emergency.stock.receive", transaction)
    idempotency.fulfil(
        acting_user=acting_user, operation="emergency.stock.receive", key=idempotency_key, result_id=transaction.pk
    )
    return transaction


@write
def stock_issue(
    *, acting_user, warehouse: Warehouse, lines: list[IssueLine], counterpart: str, note: str = ""
) -> StockTransaction:
    """Stock handed out directly by the warehouse (not through a commitment), lots picked first expiry
    first out unless a lot is named."""
    require(acting_user, MOVE_STOCK, warehouse)
    locked = lock(warehouse)
    takes = _check_issue(locked, lines, counterpart, note)
    transaction = _transaction(acting_user, locked, StockTransaction.Kind.ISSUE, counterpart=counterpart, note=note)
    Movement.objects.bulk_create([Movement(transaction=transaction, lot=t.lot, quantity=-t.quantity) for t in takes])
    _audit(acting_user, "emergency.stock.issue", transaction)
    return transaction


@write
def stock_adjust(*, acting_user, lot: Lot, change: int, reason: str, note: str = "") -> StockTransaction:
    """A correction of one lot: a stock count, damage in store, expired stock disposed of."""
    require(acting_user, MOVE_STOCK, lot.warehouse)
    locked = lock(lot.warehouse)
    errors: dict[str, list[str]] = {}
    if reason not in StockTransaction.Reason.values:
        errors["reason"] = [_("Choose the reason of the adjustment.")]
    elif reason == StockTransaction.Reason.OTHER and not note.strip():
        errors["note"] = [_("Say what the adjustment is for.")]
    if len(note) > MAX_TEXT["note"]:
        errors["note"] = [_("At most %d characters.") % MAX_TEXT["note"]]
    size = quantity_errors(_("Change"), abs(change)) if isinstance(change, int) and change else []
    if not isinstance(change, int) or isinstance(change, bool) or change == 0:
        size = [_("The change must be a whole number other than 0 (negative takes stock out).")]
    if size:
        errors["change"] = size
    elif change < 0:
        (row,) = lot_stock([lot])
        if row.available + change < 0:
            errors["change"] = [
                _(
                    "Lot %(lot)s has %(available)s available (%(reserved)s reserved for commitments); "
                    "it cannot lose %(n)s."
                )
                % {"lot": lot.number, "available": row.available, "reserved": row.reserved, "n": -change}
            ]
    if errors:
        raise ValidationError(errors)
    transaction = _transaction(acting_user, locked, StockTransaction.Kind.ADJUSTMENT, reason=reason, note=note)
    Movement.objects.create(transaction=transaction, lot=lot, quantity=change)
    _audit(acting_user, "emergency.stock.adjust", transaction)
    return transaction


def _transaction(acting_user, locked: Warehouse, kind: str, **fields) -> StockTransaction:
    sequence, number = next_number(locked)
    return StockTransaction.objects.create(
        warehouse=locked,
        sequence=sequence,
        number=number,
        kind=kind,
        at=timezone.now(),
        by=person(acting_user),
        **{key: value.strip() if isinstance(value, str) else value for key, value in fields.items()},
    )


def _audit(acting_user, action: str, transaction: StockTransaction) -> None:
    audit_record(
        actor=acting_user,
        action=action,
        obj=transaction,
        jurisdiction=transaction.warehouse.city.code,
        data={
            "warehouse": transaction.warehouse.code,
            "kind": transaction.kind,
            "movements": [
                (m.lot.item.code, m.lot.number, m.quantity) for m in transaction.movements.select_related("lot__item")
            ],
        },
    )


def _text_errors(counterpart: str, note: str) -> dict[str, list[str]]:
    errors = {}
    for field, value in (("counterpart", counterpart), ("note", note)):
        if len(value) > MAX_TEXT[field]:
            errors[field] = [_("At most %d characters.") % MAX_TEXT[field]]
    return errors


def _check_receipt(warehouse: Warehouse, lines: list[ReceiptLine], counterpart: str, note: str) -> None:
    errors = _text_errors(counterpart, note)
    if not counterpart.strip():
        errors.setdefault("counterpart", []).append(_("Say who delivered the stock (supplier or donor)."))
    problems = [] if lines else [_("A receipt has at least one line.")]
    if not warehouse.active:
        problems.append(_("%(warehouse)s is closed; it cannot receive stock.") % {"warehouse": warehouse.code})
    today = timezone.localdate()
    seen = set()
    for row, line in enumerate(lines, start=1):
        where = _("Line %(row)d (%(item)s)") % {"row": row, "item": line.item.code}
        problems += quantity_errors(where, line.quantity)
        problems += _lot_problems(warehouse, line, where, today)
        if (line.item.pk, line.lot_number.strip()) in seen:
            problems.append(_("%(where)s: lot %(lot)s appears twice.") % {"where": where, "lot": line.lot_number})
        seen.add((line.item.pk, line.lot_number.strip()))
    problems += _capacity_problems(warehouse, lines)
    if problems:
        errors["lines"] = problems
    if errors:
        raise ValidationError(errors)


def _lot_problems(warehouse: Warehouse, line: ReceiptLine, where: str, today: date) -> list[str]:
    number = line.lot_number.strip()
    if not number:
        return [_("%(where)s: give the lot number (the batch printed on the goods).") % {"where": where}]
    if len(number) > MAX_TEXT["lot_number"]:
        return [
            _("%(where)s: a lot number has at most %(n)d characters.") % {"where": where, "n": MAX_TEXT["lot_number"]}
        ]
    problems = []
    if line.item.expires and line.expires_on is None:
        problems.append(
            _("%(where)s: %(item)s expires; give the expiry date.") % {"where": where, "item": line.item.name}
        )
    if not line.item.expires and line.expires_on is not None:
        problems.append(
            _("%(where)s: %(item)s does not expire; leave the expiry date empty.")
            % {"where": where, "item": line.item.name}
        )
    if line.expires_on is not None and line.expires_on <= today:
        problems.append(
            _("%(where)s: the lot expired on %(date)s; expired stock is not received.")
            % {"where": where, "date": line.expires_on}
        )
    known = Lot.objects.filter(warehouse=warehouse, item=line.item, number=number).first()
    if known is not None and known.expires_on != line.expires_on:
        problems.append(
            _("%(where)s: lot %(lot)s is already recorded here expiring %(date)s; a lot has one expiry date.")
            % {"where": where, "lot": number, "date": known.expires_on or _("never")}
        )
    return problems


def _capacity_problems(warehouse: Warehouse, lines: list[ReceiptLine]) -> list[str]:
    incoming = sum(
        (
            Decimal(line.quantity) * line.item.unit_volume_litres / 1000
            for line in lines
            if line.item.unit_volume_litres and isinstance(line.quantity, int)
        ),
        Decimal(0),
    )
    if not incoming:
        return []
    stored = volume_in_store_m3(warehouse)
    if stored + incoming > warehouse.capacity_m3:
        return [
            _("%(warehouse)s holds %(stored)s m³ of its %(capacity)s m³; this receipt adds %(incoming)s m³.")
            % {
                "warehouse": warehouse.code,
                "stored": _m3(stored),
                "capacity": warehouse.capacity_m3,
                "incoming": _m3(incoming),
            }
        ]
    return []


def _m3(volume: Decimal) -> str:
    return f"{volume:,.1f}".removesuffix(".0")


def _receiving_lot(warehouse: Warehouse, item: Item, number: str, expires_on: date | None) -> Lot:
    lot, _created = Lot.objects.get_or_create(
        warehouse=warehouse, item=item, number=number, defaults={"expires_on": expires_on}
    )
    return lot


def _check_issue(warehouse: Warehouse, lines: list[IssueLine], counterpart: str, note: str) -> list[Take]:
    errors = _text_errors(counterpart, note)
    if not counterpart.strip():
        errors.setdefault("counterpart", []).append(_("Say who received the stock."))
    problems = [] if lines else [_("An issue has at least one line.")]
    takes: list[Take] = []
    today = timezone.localdate()
    for row, line in enumerate(lines, start=1):
        where = _("Line %(row)d (%(item)s)") % {"row": row, "item": line.item.code}
        size = quantity_errors(where, line.quantity)
        if size:
            problems += size
            continue
        try:
            takes += _takes_for(warehouse, line, today, takes)
        except ValidationError as error:
            problems += [f"{where}: {message}" for message in error.messages]
    if problems:
        errors["lines"] = problems
    if errors:
        raise ValidationError(errors)
    return takes


def _takes_for(warehouse: Warehouse, line: IssueLine, today: date, earlier: list[Take]) -> list[Take]:
    """What one issue line takes, counting what the lines before it already took."""
    if line.lot is None:
        return pick_fefo(warehouse, line.item, line.quantity, on=today, taken=earlier)
    if line.lot.warehouse_id != warehouse.pk or line.lot.item_id != line.item.pk:
        raise ValidationError(_("lot %(lot)s is not a lot of this item in this warehouse.") % {"lot": line.lot.number})
    if line.lot.expires_on is not None and line.lot.expires_on <= today:
        raise ValidationError(
            _("lot %(lot)s has expired; dispose of it with an adjustment.") % {"lot": line.lot.number}
        )
    (row,) = lot_stock([line.lot])
    already = sum(t.quantity for t in earlier if t.lot.pk == line.lot.pk)
    if row.available - already < line.quantity:
        raise ValidationError(
            _("lot %(lot)s has %(available)s available, not %(quantity)s.")
            % {"lot": line.lot.number, "available": row.available - already, "quantity": line.quantity}
        )
    return [Take(line.lot, line.quantity)]
