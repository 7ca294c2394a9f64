"""Input and output schemas of the emergency API; text fields carry their database lengths."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema

# Ids in a body are database keys: a number beyond any key is refused (422) before any lookup.
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class EmergencyItemOut(Schema):
    code: str
    name_zh: str
    name_en: str
    category: str
    kind: str
    unit: str
    expires: bool
    shelf_life_days: int | None
    core: bool
    per_person_per_day: float | None
    persons_per_unit: float | None
    norm_source: str


class ItemIn(Schema):
    name_zh: str = Field(max_length=100)
    name_en: str = Field("", max_length=150)
    category: str = Field(max_length=12, description="shelter | water | food | medical | power | pumps | rescue")
    kind: str = Field(max_length=12, description="consumable | equipment")
    unit: str = Field(max_length=10, description="piece | set | box | pack | bottle | litre | kg")
    expires: bool = False
    shelf_life_days: int | None = None
    core: bool = False
    unit_volume_litres: float | None = None
    unit_weight_kg: float | None = None
    per_person_per_day: float | None = None
    persons_per_unit: float | None = None
    norm_source: str = Field("", max_length=200)


class MemberIn(Schema):
    organisation: Id = Field(description="Organisation id (core)")
    where: str = Field(max_length=6, description="City or province adcode")
    kind: str = Field(max_length=12, description="government | operator | enterprise | social")
    joined_on: date


class MemberOut(Schema):
    organisation: str
    where: str
    kind: str


class WarehouseIn(Schema):
    name_zh: str = Field(max_length=100)
    name_en: str = Field("", max_length=150)
    member: Id = Field(description="Organisation id of the alliance member that operates it")
    city: str = Field(max_length=6, description="City adcode")
    address: str = Field(max_length=200)
    latitude: float
    longitude: float
    capacity_m3: int
    active: bool = True


class WarehouseOut(Schema):
    code: str
    name_zh: str
    name_en: str
    operator: str
    city: str
    province: str
    latitude: float
    longitude: float
    capacity_m3: int
    active: bool
    stock_in_detail: bool = Field(description="Whether the caller may see this warehouse's lots and ledger")


class LotOut(Schema):
    id: int
    item: str
    number: str
    expires_on: date | None
    on_hand: int
    reserved: int
    available: int


class MovementOut(Schema):
    item: str
    lot: str
    quantity: int


class TransactionOut(Schema):
    number: str
    warehouse: str
    kind: str
    reason: str
    counterpart: str
    note: str
    commitment: str | None
    at: datetime
    movements: list[MovementOut]


class ReceiptLineIn(Schema):
    item: str = Field(max_length=40, description="Item code")
    lot_number: str = Field(max_length=40)
    quantity: int
    expires_on: date | None = None


class ReceiptIn(Schema):
    counterpart: str = Field(max_length=200, description="Supplier or donor")
    note: str = Field("", max_length=500)
    lines: list[ReceiptLineIn] = Field(max_length=500)


class IssueLineIn(Schema):
    item: str = Field(max_length=40)
    quantity: int
    lot: Id | None = Field(None, description="Lot id; empty: first expiry, first out")


class IssueIn(Schema):
    counterpart: str = Field(max_length=200, description="Who received the stock")
    note: str = Field("", max_length=500)
    lines: list[IssueLineIn] = Field(max_length=500)


class AdjustmentIn(Schema):
    lot: Id
    change: int = Field(description="Positive adds, negative takes out")
    reason: str = Field(max_length=10, description="count | damage | expired | other")
    note: str = Field("", max_length=500)


class AllianceTotalOut(Schema):
    item: str
    on_hand: int
    available: int
    warehouses: int
    by_province: dict[str, int]


class IncidentIn(Schema):
    name_zh: str = Field(max_length=100)
    name_en: str = Field("", max_length=150)
    kind: str = Field(max_length=12)
    where: str = Field(max_length=6, description="City adcode, or province adcode for several cities")
    started_at: datetime
    description: str = Field("", max_length=2000)


class IncidentOut(Schema):
    number: str
    name_zh: str
    name_en: str
    kind: str
    where: str
    started_at: datetime
    closed_at: datetime | None


class EmergencyNeedIn(Schema):
    item: str = Field(max_length=40)
    quantity: int


class RequestIn(Schema):
    incident: str | None = Field(None, max_length=20, description="Incident number, for a site request")
    warehouse: str | None = Field(None, max_length=12, description="Warehouse code, for a warehouse's own request")
    site: str = Field("", max_length=200)
    latitude: float | None = None
    longitude: float | None = None
    priority: int = Field(description="1 life-saving, 2 life-sustaining, 3 other relief")
    needed_by: datetime
    needs: list[EmergencyNeedIn] = Field(max_length=200)
    contact_name: str = Field("", max_length=60)
    contact_phone: str = Field("", max_length=20)
    note: str = Field("", max_length=500)


class RequestLineOut(Schema):
    item: str
    quantity: int
    committed: int
    received: int
    outstanding: int


class RequestOut(Schema):
    number: str
    incident: str | None
    warehouse: str | None
    site: str
    latitude: float
    longitude: float
    city: str
    priority: int
    needed_by: datetime
    status: str
    contact_name: str
    contact_phone: str
    lines: list[RequestLineOut]


class EmergencyCancelIn(Schema):
    reason: str = Field(max_length=500)


class RescheduleIn(Schema):
    needed_by: datetime
    reason: str = Field(max_length=500)


class RunIn(Schema):
    jurisdiction: str = Field("YRD", max_length=6, description="YRD, a province or a city adcode")


class RunLineOut(Schema):
    warehouse: str
    request: str
    item: str
    quantity: int
    travel_hours: float
    rank: int
    alternatives: int
    stock_left: int
    needed_by: datetime
    picks: list[dict]


class ShortfallOut(Schema):
    request: str
    item: str
    needed: int
    allocated: int
    short: int
    cause: str
    fair_share: float


class RunOut(Schema):
    number: str
    jurisdiction: str
    status: str
    as_of: datetime
    objective: float
    solver_seconds: float
    total_seconds: float
    lines: list[RunLineOut]
    shortfalls: list[ShortfallOut]


class PickOut(Schema):
    id: int
    lot: str
    expires_on: date | None
    quantity: int
    received: int | None
    damaged: int | None
    received_lot_number: str
    received_expires_on: date | None


class CommitmentLineOut(Schema):
    item: str
    quantity: int
    picks: list[PickOut]


class CommitmentOut(Schema):
    number: str
    warehouse: str
    request: str
    status: str
    shipment: str
    shipment_booked: bool = Field(description="Booked through the transport module (tracked there)")
    created_at: datetime
    dispatched_at: datetime | None
    received_at: datetime | None
    lines: list[CommitmentLineOut]
    allowed_transitions: list[str]


class OfferLineIn(Schema):
    item: str = Field(max_length=40)
    quantity: int


class OfferIn(Schema):
    warehouse: str = Field(max_length=12)
    request: str = Field(max_length=20)
    lines: list[OfferLineIn] = Field(max_length=200)


class DispatchIn(Schema):
    tonnes: float | None = Field(None, description="The load's weight; empty: from the catalogue's weights")
    shipment: str = Field(
        "", max_length=60, description="A booking made elsewhere; empty: the transport module books the fastest route"
    )


class ArrivalIn(Schema):
    pick: Id = Field(description="Id of a lot picked (see the commitment's picks)")
    received: int
    damaged: int = 0
    lot_number: str = Field("", max_length=40, description="As printed on the goods, when it differs")
    expires_on: date | None = Field(None, description="As printed on the goods, when it differs")


class ReceiveIn(Schema):
    arrivals: list[ArrivalIn] = Field(max_length=500)
    note: str = Field("", max_length=500)


class FillableLineOut(Schema):
    item: str
    outstanding: int
    can_give: int


class FillableOut(Schema):
    request: str
    site: str
    city: str
    priority: int
    needed_by: datetime
    travel_hours: float
    slack_hours: float
    lines: list[FillableLineOut]


class CityReadinessOut(Schema):
    city: str
    name: str
    population: int | None
    quantity: dict[str, int]
    per_10k: dict[str, float | None]
    has_core_supplies: bool | None


class ReadinessOut(Schema):
    hours: float
    core_items: list[str]
    share_of_cities_covered: float | None
    cities: list[CityReadinessOut]


class DrillIn(Schema):
    name: str = Field(max_length=200)
    jurisdiction: str = Field("YRD", max_length=6)
    displaced: dict[str, int] = Field(description="City adcode -> people displaced")
    days: int = 3
    within_hours: float = 24
    priority: int = 2
    per_person: dict[str, float] = Field({}, description="Item code -> need per person (per day for consumables)")


class DrillOut(Schema):
    number: str
    name: str
    jurisdiction: str
    as_of: datetime
    scenario: dict
    result: dict
