"""The alliance's reference records: items of the catalogue, members, warehouses."""

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction, Organisation
from yrd.emergency.apps import CATALOGUE
from yrd.emergency.models import Item, Member, Warehouse


@write
def item_save(*, acting_user, code: str, **values) -> Item:
    """Creates the item with this code, or updates it; `values` are Item fields."""
    require(acting_user, CATALOGUE)
    item = Item.objects.filter(code=code).first() or Item(code=code)
    unknown = set(values) - {f.name for f in Item._meta.fields}
    if unknown:
        raise ValidationError({name: [_("Not a field of an item.")] for name in sorted(unknown)})
    for name, value in values.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    item.full_clean()
    created = item.pk is None
    item.save()
    audit_record(actor=acting_user, action="emergency.item.save", obj=item, data={"created": created, **values})
    return item


@write
def member_join(
    *, acting_user, organisation: Organisation, jurisdiction: Jurisdiction, kind: str, joined_on: date, is_demo=False
) -> Member:
    require(acting_user, CATALOGUE, jurisdiction)
    member = Member(
        organisation=organisation, jurisdiction=jurisdiction, kind=kind, joined_on=joined_on, is_demo=is_demo
    )
    member.full_clean()
    member.save()
    audit_record(
        actor=acting_user,
        action="emergency.member.join",
        obj=member,
        jurisdiction=jurisdiction.code,
        data={"organisation": organisation.name_zh, "kind": kind},
    )
    return member


@dataclass(frozen=True)
class WarehouseInput:
    code: str
    name_zh: str
    member: Member
    city: Jurisdiction
    address: str
    latitude: Decimal
    longitude: Decimal
    capacity_m3: int
    name_en: str = ""
    active: bool = True
    is_demo: bool = False


@write
def warehouse_save(*, acting_user, data: WarehouseInput) -> Warehouse:
    """Creates the warehouse with this code, or updates it (its transaction numbering stays)."""
    require(acting_user, CATALOGUE, data.city)
    warehouse = Warehouse.objects.filter(code=data.code).first() or Warehouse(code=data.code)
    for spec in fields(data):
        value = getattr(data, spec.name)
        setattr(warehouse, spec.name, value.strip() if isinstance(value, str) else value)
    warehouse.full_clean()
    created = warehouse.pk is None
    warehouse.save()
    audit_record(
        actor=acting_user,
        action="emergency.warehouse.save",
        obj=warehouse,
        jurisdiction=data.city.code,
        data={"created": created, "member": data.member.pk, "capacity_m3": data.capacity_m3, "active": data.active},
    )
    return warehouse
