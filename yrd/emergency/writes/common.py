"""What the emergency writes share: the warehouse lock that numbers its transactions and keeps its
stock from going negative, FEFO picking against what is available, and numbers for documents."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.emergency.models import Item, Lot, Warehouse
from yrd.emergency.selectors.stock import LotStock, lot_stock

# A single line of more than ten million units is a typing error, not a shipment.
MAX_LINE_QUANTITY = 10_000_000


def lock(warehouse: Warehouse) -> Warehouse:
    """The warehouse row, locked until the end of the transaction. Every write that numbers a document
    of the warehouse or takes stock out of it holds this lock first, so two such writes of one
    warehouse run one after the other and each sees the other's stock (PostgreSQL row lock; SQLite
    serialises writers anyway)."""
    return Warehouse.objects.select_for_update().get(pk=warehouse.pk)


def next_number(locked: Warehouse) -> tuple[int, str]:
    """The warehouse's next document number, [code]-[sequence], e.g. SH-PD01-000123."""
    sequence = locked.next_sequence
    locked.next_sequence = sequence + 1
    locked.save(update_fields=["next_sequence"])
    return sequence, f"{locked.code}-{sequence:06d}"


def number_by_pk(obj, prefix: str) -> None:
    """Readable numbers for documents that belong to no single warehouse: REQ-000042."""
    obj.number = f"{prefix}-{obj.pk:06d}"
    obj.save(update_fields=["number"])


def quantity_errors(where: str, quantity: object) -> list[str]:
    if not isinstance(quantity, int) or isinstance(quantity, bool):
        return [_("%(where)s: the quantity must be a whole number.") % {"where": where}]
    if quantity < 1:
        return [_("%(where)s: the quantity must be at least 1.") % {"where": where}]
    if quantity > MAX_LINE_QUANTITY:
        return [
            _("%(where)s: %(quantity)s is more than %(max)s units on one line; check the number and the unit.")
            % {"where": where, "quantity": f"{quantity:,}", "max": f"{MAX_LINE_QUANTITY:,}"}
        ]
    return []


@dataclass(frozen=True)
class Take:
    lot: Lot
    quantity: int


def pick_fefo(
    warehouse: Warehouse, item: Item, quantity: int, *, on: date | None = None, taken: list[Take] = ()
) -> list[Take]:
    """Units of `item` to take, earliest expiry first, from what the warehouse has available (held
    locked by the caller) less what `taken` already takes; lots expired on `on` are never picked.
    Raises ValidationError when short."""
    on = on or timezone.localdate()
    already: dict[int, int] = {}
    for take in taken:
        already[take.lot.pk] = already.get(take.lot.pk, 0) + take.quantity
    takes, wanted = [], quantity
    for row in available(warehouse, item):
        left = row.available - already.get(row.lot.pk, 0)
        if wanted == 0:
            break
        if row.expired(on) or left <= 0:
            continue
        take = min(wanted, left)
        takes.append(Take(row.lot, take))
        wanted -= take
    if wanted:
        raise ValidationError(
            _("%(warehouse)s has %(available)s %(item)s available (%(unit)s), not %(quantity)s.")
            % {
                "warehouse": warehouse.code,
                "available": f"{quantity - wanted:,}",
                "unit": item.get_unit_display(),
                "item": item.name,
                "quantity": f"{quantity:,}",
            }
        )
    return takes


def available(warehouse: Warehouse, item: Item) -> list[LotStock]:
    """Lots of the item with stock available to promise, earliest expiry first (no expiry last)."""
    rows = [row for row in lot_stock(Lot.objects.filter(warehouse=warehouse, item=item)) if row.available > 0]
    rows.sort(key=lambda row: (row.lot.expires_on is None, row.lot.expires_on or date.max, row.lot.pk))
    return rows
