"""Items, members, warehouses, stock and requests for the emergency tests (other apps may import)."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.models import Organisation
from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.emergency import writes
from yrd.emergency.models import Item, Member, Warehouse

_serial = itertools.count(1)

# Real places: city centres of the cities named (cities.csv), and a warehouse code per city.
PLACES = {
    "310000": ("SH-PD01", Decimal("31.2304"), Decimal("121.4737")),
    "320100": ("JS-NJ01", Decimal("32.0596"), Decimal("118.7967")),
    "330200": ("ZJ-NB01", Decimal("29.8683"), Decimal("121.5440")),
    "330900": ("ZJ-ZS01", Decimal("29.9853"), Decimal("122.2072")),
    "340100": ("AH-HF01", Decimal("31.8206"), Decimal("117.2272")),
}


def item(code, *, kind=Item.Kind.CONSUMABLE, expires=False, core=True, **fields) -> Item:
    defaults = {"name_zh": code, "name_en": code, "category": "water", "unit": "piece"}
    return writes.item_save(acting_user=SYSTEM, code=code, kind=kind, expires=expires, core=core, **(defaults | fields))


def catalogue():
    return {
        "water": item(
            "water-bottle",
            category="water",
            unit="bottle",
            expires=True,
            unit_weight_kg=Decimal("0.55"),
            per_person_per_day=Decimal("6"),
            norm_source="test",
        ),
        "tent": item(
            "family-tent",
            kind=Item.Kind.EQUIPMENT,
            category="shelter",
            unit="piece",
            unit_weight_kg=Decimal("25"),
            persons_per_unit=Decimal("5"),
            norm_source="test",
        ),
        "medkit": item("first-aid-kit", category="medical", unit="box", expires=True, unit_weight_kg=Decimal("1.2")),
        "pump": item(
            "drainage-pump", kind=Item.Kind.EQUIPMENT, category="pumps", core=False, unit_weight_kg=Decimal("150")
        ),
    }


def operator_org(city_code, name=None) -> Organisation:
    city = jurisdiction(city_code, "city")
    return OrganisationFactory(
        jurisdiction=city,
        kind=Organisation.Kind.OPERATOR,
        name_zh=name or f"{city.name_zh}应急物资储备中心{next(_serial)}",
    )


def member(city_code, organisation=None) -> Member:
    organisation = organisation or operator_org(city_code)
    return writes.member_join(
        acting_user=SYSTEM,
        organisation=organisation,
        jurisdiction=jurisdiction(city_code, "city"),
        kind=Member.Kind.OPERATOR,
        joined_on=date(2024, 7, 1),
    )


def warehouse(city_code, *, code=None, operator=None, capacity_m3=5000) -> Warehouse:
    default_code, latitude, longitude = PLACES[city_code]
    return writes.warehouse_save(
        acting_user=SYSTEM,
        data=writes.WarehouseInput(
            code=code or default_code,
            name_zh=f"{code or default_code}仓库",
            member=operator or member(city_code),
            city=jurisdiction(city_code, "city"),
            address="测试路1号",
            latitude=latitude,
            longitude=longitude,
            capacity_m3=capacity_m3,
        ),
    )


def receive(warehouse, item, quantity, *, lot=None, expires_on=None, by=SYSTEM):
    if item.expires and expires_on is None:
        expires_on = timezone.localdate() + timedelta(days=200)
    return writes.stock_receive(
        acting_user=by,
        warehouse=warehouse,
        lines=[writes.ReceiptLine(item, lot or f"L{next(_serial)}", quantity, expires_on)],
        counterpart="测试供应商",
    )


def operator(warehouse, where=None):
    """A warehouse operator of the warehouse's organisation."""
    organisation = warehouse.member.organisation
    return person("warehouse_operator", where or warehouse.city.code, organisation=organisation)


def site_request(
    incident,
    needs,
    *,
    by=SYSTEM,
    priority=1,
    hours=24,
    place=("29.8683", "121.5440"),
    site="宁波市北仑区安置点",
    note="",
):
    return writes.request_raise(
        acting_user=by,
        data=writes.RequestInput(
            priority=priority,
            needed_by=timezone.now() + timedelta(hours=hours),
            needs=[writes.Need(i, q) for i, q in needs.items()],
            incident=incident,
            site=site,
            latitude=place[0],
            longitude=place[1],
            contact_name="王芳",
            contact_phone="13812345678",
            note=note,
        ),
    )


def incident(where="330000", *, by=SYSTEM, name="台风“烟花”"):
    return writes.incident_open(
        acting_user=by,
        name_zh=name,
        kind="typhoon",
        jurisdiction=jurisdiction(where),
        started_at=timezone.now() - timedelta(hours=6),
    )


def request_body(incident, **fields) -> dict:
    """What a site sends to POST /api/emergency/requests: 5 family tents for a Beilun shelter within 6 hours."""
    return {
        "incident": incident.number,
        "site": "北仑安置点",
        "latitude": 29.9,
        "longitude": 121.88,
        "priority": 1,
        "needed_by": (timezone.now() + timedelta(hours=6)).isoformat(),
        "needs": [{"item": "family-tent", "quantity": 5}],
        **fields,
    }
