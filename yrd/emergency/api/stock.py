"""Catalogue, members, warehouses, their stock and ledger, receipts, issues, adjustments, alliance totals."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Header, Router
from ninja.responses import Status

from yrd.core.access import can
from yrd.core.models import Organisation
from yrd.emergency import writes
from yrd.emergency.apps import ALLIANCE
from yrd.emergency.models import Item, Lot, Member, StockTransaction, Warehouse
from yrd.emergency.selectors import stock as selectors
from yrd.emergency.selectors.allocation import fillable_requests

from .common import ERRORS, items_by_code, jurisdiction_by_code
from .schemas import (
    AdjustmentIn,
    AllianceTotalOut,
    EmergencyItemOut,
    FillableOut,
    IssueIn,
    ItemIn,
    LotOut,
    MemberIn,
    MemberOut,
    ReceiptIn,
    TransactionOut,
    WarehouseIn,
    WarehouseOut,
)

router = Router()


def item_out(item: Item) -> dict:
    return {
        "code": item.code,
        "name_zh": item.name_zh,
        "name_en": item.name_en,
        "category": item.category,
        "kind": item.kind,
        "unit": item.unit,
        "expires": item.expires,
        "shelf_life_days": item.shelf_life_days,
        "core": item.core,
        "per_person_per_day": item.per_person_per_day,
        "persons_per_unit": item.persons_per_unit,
        "norm_source": item.norm_source,
    }


def warehouse_out(user, warehouse: Warehouse) -> dict:
    return {
        "code": warehouse.code,
        "name_zh": warehouse.name_zh,
        "name_en": warehouse.name_en,
        "operator": warehouse.member.organisation.name_zh,
        "city": warehouse.city.code,
        "province": warehouse.city.parent.code,
        "latitude": float(warehouse.latitude),
        "longitude": float(warehouse.longitude),
        "capacity_m3": warehouse.capacity_m3,
        "active": warehouse.active,
        "stock_in_detail": selectors.may_see_stock(user, warehouse),
    }


def transaction_out(transaction: StockTransaction) -> dict:
    return {
        "number": transaction.number,
        "warehouse": transaction.warehouse.code,
        "kind": transaction.kind,
        "reason": transaction.reason,
        "counterpart": transaction.counterpart,
        "note": transaction.note,
        "commitment": transaction.commitment.number if transaction.commitment else None,
        "at": transaction.at,
        "movements": [
            {"item": m.lot.item.code, "lot": m.lot.number, "quantity": m.quantity} for m in transaction.movements.all()
        ],
    }


def _detail(request, code: str) -> Warehouse:
    return get_object_or_404(selectors.warehouses_visible_to(request.user), code=code)


@router.get("/items", response=list[EmergencyItemOut], summary="The item catalogue")
def items(request):
    return [item_out(i) for i in Item.objects.all()]


@router.put(
    "/items/{code}", response={200: EmergencyItemOut, **ERRORS}, summary="Add or change an item (administrators)"
)
def item_put(request, code: str, payload: ItemIn):
    values = {k: (Decimal(str(v)) if isinstance(v, float) else v) for k, v in payload.dict().items()}
    return item_out(writes.item_save(acting_user=request.user, code=code[:40], **values))


@router.post("/members", response={201: MemberOut, **ERRORS}, summary="Admit a member to the alliance")
def member_join(request, payload: MemberIn):
    member = writes.member_join(
        acting_user=request.user,
        organisation=get_object_or_404(Organisation, pk=payload.organisation),
        jurisdiction=jurisdiction_by_code(payload.where, "where"),
        kind=payload.kind,
        joined_on=payload.joined_on,
    )
    return Status(
        201, {"organisation": member.organisation.name_zh, "where": member.jurisdiction.code, "kind": member.kind}
    )


@router.put("/warehouses/{code}", response={200: WarehouseOut, **ERRORS}, summary="Add or change a warehouse")
def warehouse_put(request, code: str, payload: WarehouseIn):
    member = get_object_or_404(Member, organisation_id=payload.member)
    saved = writes.warehouse_save(
        acting_user=request.user,
        data=writes.WarehouseInput(
            code=code[:12],
            name_zh=payload.name_zh,
            name_en=payload.name_en,
            member=member,
            city=jurisdiction_by_code(payload.city, "city"),
            address=payload.address,
            latitude=Decimal(str(payload.latitude)).quantize(Decimal("0.000001")),
            longitude=Decimal(str(payload.longitude)).quantize(Decimal("0.000001")),
            capacity_m3=payload.capacity_m3,
            active=payload.active,
        ),
    )
    return warehouse_out(request.user, saved)


@router.get("/warehouses", response=list[WarehouseOut], summary="The alliance's warehouses")
def warehouses(request):
    """Every member sees where the alliance's warehouses are; `stock_in_detail` says whose stock the
    caller may read lot by lot."""
    if can(request.user, ALLIANCE):
        rows = Warehouse.objects.select_related("member__organisation", "city__parent")
    else:
        rows = selectors.warehouses_visible_to(request.user)
    return [warehouse_out(request.user, w) for w in rows]


@router.get("/warehouses/{code}/stock", response={200: list[LotOut], 404: ERRORS[404]})
def warehouse_stock(request, code: str):
    """Lots in stock, earliest expiry first: on hand, reserved for commitments, available."""
    return [
        {
            "id": row.lot.pk,
            "item": row.lot.item.code,
            "number": row.lot.number,
            "expires_on": row.lot.expires_on,
            "on_hand": row.balance,
            "reserved": row.reserved,
            "available": row.available,
        }
        for row in selectors.stock_of(_detail(request, code))
    ]


@router.get("/warehouses/{code}/ledger", response={200: list[TransactionOut], 404: ERRORS[404]})
def warehouse_ledger(request, code: str, limit: int = 200):
    return [transaction_out(t) for t in selectors.ledger(_detail(request, code))[: min(max(limit, 1), 1000)]]


@router.get("/warehouses/{code}/fillable", response={200: list[FillableOut], 404: ERRORS[404]})
def warehouse_fillable(request, code: str):
    """Open requests this warehouse could help with in time, most urgent first."""
    return [
        {
            "request": f.request.number,
            "site": f.request.site,
            "city": f.request.city.code,
            "priority": f.request.priority,
            "needed_by": f.request.needed_by,
            "travel_hours": round(f.travel_hours, 2),
            "slack_hours": round(f.slack_hours, 2),
            "lines": [
                {"item": line.line.item.code, "outstanding": line.outstanding, "can_give": line.can_give}
                for line in f.lines
            ],
        }
        for f in fillable_requests(_detail(request, code))
    ]


@router.get("/transactions/{number}", response={200: TransactionOut, 404: ERRORS[404]})
def transaction(request, number: str):
    return transaction_out(selectors.transaction_for(request.user, number))


@router.post(
    "/warehouses/{code}/receipts",
    response={200: TransactionOut, 201: TransactionOut, **ERRORS},
    summary="Receive stock from outside the alliance",
    description="Send an `Idempotency-Key` header: a retry with the same key and body returns the first "
    "transaction (200); the same key with another body is refused (409).",
)
def receipt(
    request,
    code: str,
    payload: ReceiptIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80),
):
    warehouse = get_object_or_404(Warehouse, code=code)
    found = items_by_code([line.item for line in payload.lines], "lines")
    started = timezone.now()
    transaction = writes.stock_receive(
        acting_user=request.user,
        warehouse=warehouse,
        lines=[
            writes.ReceiptLine(found[line.item], line.lot_number, line.quantity, line.expires_on)
            for line in payload.lines
        ],
        counterpart=payload.counterpart,
        note=payload.note,
        idempotency_key=idempotency_key or None,
    )
    return Status(200 if transaction.at < started else 201, transaction_out(transaction))


@router.post("/warehouses/{code}/issues", response={201: TransactionOut, **ERRORS}, summary="Hand out stock directly")
def issue(request, code: str, payload: IssueIn):
    warehouse = get_object_or_404(Warehouse, code=code)
    found = items_by_code([line.item for line in payload.lines], "lines")
    lots = Lot.objects.in_bulk([line.lot for line in payload.lines if line.lot is not None])
    missing = sorted({line.lot for line in payload.lines if line.lot is not None and line.lot not in lots})
    if missing:
        raise ValidationError({"lines": [f"Unknown lot: {pk}." for pk in missing]})
    transaction = writes.stock_issue(
        acting_user=request.user,
        warehouse=warehouse,
        lines=[writes.IssueLine(found[line.item], line.quantity, lots.get(line.lot)) for line in payload.lines],
        counterpart=payload.counterpart,
        note=payload.note,
    )
    return Status(201, transaction_out(transaction))


@router.post("/warehouses/{code}/adjustments", response={201: TransactionOut, **ERRORS}, summary="Correct a lot")
def adjustment(request, code: str, payload: AdjustmentIn):
    lot = get_object_or_404(Lot.objects.select_related("warehouse"), pk=payload.lot, warehouse__code=code)
    transaction = writes.stock_adjust(
        acting_user=request.user, lot=lot, change=payload.change, reason=payload.reason, note=payload.note
    )
    return Status(201, transaction_out(transaction))


@router.get("/totals", response=list[AllianceTotalOut], summary="What the alliance holds, per item")
def totals(request):
    return [
        {
            "item": t.item.code,
            "on_hand": t.on_hand,
            "available": t.available,
            "warehouses": t.warehouses,
            "by_province": t.by_province,
        }
        for t in selectors.alliance_totals(request.user, on=timezone.localdate())
    ]
