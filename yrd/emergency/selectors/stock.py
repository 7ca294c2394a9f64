"""Stock as the ledger says: balances, reservations and what is available, per lot, warehouse and
alliance; scoped by the caller (detail for the warehouses one may see, totals for the alliance)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from yrd.core.access import can, filter_visible
from yrd.emergency.apps import ALLIANCE, VIEW_STOCK
from yrd.emergency.models import Commitment, CommitmentPick, Item, Lot, Movement, StockTransaction, Warehouse


@dataclass(frozen=True)
class LotStock:
    lot: Lot
    balance: int  # on hand, as the ledger says
    reserved: int  # picked for commitments not yet dispatched

    @property
    def available(self) -> int:
        return self.balance - self.reserved

    def expired(self, on: date) -> bool:
        return self.lot.expires_on is not None and self.lot.expires_on <= on


def balances(lot_ids) -> dict[int, int]:
    rows = Movement.objects.filter(lot_id__in=lot_ids).values("lot_id").annotate(total=Sum("quantity"))
    return {row["lot_id"]: int(row["total"]) for row in rows}


def reserved(lot_ids) -> dict[int, int]:
    rows = (
        CommitmentPick.objects.filter(lot_id__in=lot_ids, line__commitment__status=Commitment.Status.COMMITTED)
        .values("lot_id")
        .annotate(total=Sum("quantity"))
    )
    return {row["lot_id"]: int(row["total"]) for row in rows}


def lot_stock(lots: QuerySet | list[Lot]) -> list[LotStock]:
    """Every given lot with its balance and reservation (lots at zero included)."""
    lots = list(lots)
    ids = [lot.pk for lot in lots]
    on_hand, held = balances(ids), reserved(ids)
    return [LotStock(lot, on_hand.get(lot.pk, 0), held.get(lot.pk, 0)) for lot in lots]


def stock_of(warehouse: Warehouse, *, item: Item | None = None, in_stock_only: bool = True) -> list[LotStock]:
    """A warehouse's lots, earliest expiry first (no expiry last)."""
    lots = Lot.objects.filter(warehouse=warehouse).select_related("item")
    if item is not None:
        lots = lots.filter(item=item)
    rows = lot_stock(lots)
    rows.sort(key=lambda s: (s.lot.item.code, s.lot.expires_on is None, s.lot.expires_on or date.max, s.lot.number))
    return [row for row in rows if row.balance > 0] if in_stock_only else rows


def usable_lots(warehouses, *, on: date) -> list[LotStock]:
    """Lots of these warehouses with stock available to promise and not expired on `on`."""
    lots = Lot.objects.filter(warehouse__in=warehouses).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=on))
    return [row for row in lot_stock(lots.select_related("item", "warehouse")) if row.available > 0]


def warehouses_visible_to(user) -> QuerySet:
    """Warehouses whose stock the user may see in detail."""
    queryset = Warehouse.objects.select_related("member__organisation", "city__parent")
    return filter_visible(
        queryset, user, VIEW_STOCK, jurisdiction_fields=["city"], organisation_field="member__organisation"
    )


def warehouse_for(user, code: str) -> Warehouse:
    """A warehouse the user may see in detail (DoesNotExist otherwise, as if it did not exist)."""
    return warehouses_visible_to(user).get(code=code)


def may_see_stock(user, warehouse: Warehouse) -> bool:
    return can(user, VIEW_STOCK, warehouse)


@dataclass(frozen=True)
class AllianceTotal:
    item: Item
    on_hand: int
    available: int
    warehouses: int  # holding any of it
    by_province: dict[str, int]  # province adcode -> on hand


def alliance_totals(user, *, on: date) -> list[AllianceTotal]:
    """Per item, what the whole alliance holds (not expired), without saying which warehouse holds
    what: every member may see this, the detail only of their own warehouses."""
    if not can(user, ALLIANCE):
        return []
    lots = Lot.objects.filter(warehouse__active=True).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=on))
    rows = [row for row in lot_stock(lots.select_related("warehouse__city__parent")) if row.balance > 0]
    per_item: dict[int, dict] = defaultdict(lambda: {"on_hand": 0, "available": 0, "warehouses": set(), "by": {}})
    for row in rows:
        entry = per_item[row.lot.item_id]
        entry["on_hand"] += row.balance
        entry["available"] += max(row.available, 0)
        entry["warehouses"].add(row.lot.warehouse_id)
        province = row.lot.warehouse.city.parent.code
        entry["by"][province] = entry["by"].get(province, 0) + row.balance
    items = Item.objects.in_bulk(per_item.keys())
    totals = [
        AllianceTotal(items[pk], e["on_hand"], e["available"], len(e["warehouses"]), e["by"])
        for pk, e in per_item.items()
    ]
    return sorted(totals, key=lambda total: (total.item.category, total.item.code))


def ledger(warehouse: Warehouse) -> QuerySet:
    return (
        StockTransaction.objects.filter(warehouse=warehouse)
        .select_related("by", "commitment")
        .prefetch_related("movements__lot__item")
    )


def transaction_for(user, number: str) -> StockTransaction:
    transaction = StockTransaction.objects.select_related("warehouse__member__organisation", "warehouse__city").get(
        number=number
    )
    if not can(user, VIEW_STOCK, transaction.warehouse):
        raise StockTransaction.DoesNotExist(number)
    return transaction


def volume_in_store_m3(warehouse: Warehouse) -> Decimal:
    """Volume of the stock on hand, counting the items whose unit volume is known."""
    rows = (
        Movement.objects.filter(lot__warehouse=warehouse, lot__item__unit_volume_litres__isnull=False)
        .values("lot__item__unit_volume_litres")
        .annotate(total=Sum("quantity"))
    )
    return sum((Decimal(row["total"]) * row["lot__item__unit_volume_litres"] / 1000 for row in rows), Decimal(0))
