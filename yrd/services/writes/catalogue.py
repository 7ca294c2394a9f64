"""Writes to the catalogue: the details the public record does not give, entered by an
administrator (or by the demo loader, marked demo)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.services.apps import CATALOGUE
from yrd.services.models import CompetentAuthority, MaterialType, RequiredMaterial, ServiceItem
from yrd.services.selectors import org_scope

DETAIL_FIELDS = (
    "online",
    "remote",
    "joint",
    "time_limit_days",
    "fee_cny",
    "decision_material",
    "demo_details",
    "audience",
    "category",
)


def _require(acting_user) -> None:
    require(acting_user, CATALOGUE, None, _("You may not edit the service catalogue."))


@write
def item_set_details(*, acting_user, item, **changes):
    _require(acting_user)
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    before = {k: str(getattr(item, k)) for k in changes}
    for name, value in changes.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    audit_record(
        actor=acting_user,
        action="services.catalogue.item",
        obj=item,
        data={k: [before[k], str(getattr(item, k))] for k in changes},
    )
    return item


ITEM_FIELDS = (
    "name_zh",
    "name_en",
    "audience",
    "category",
    "online",
    "remote",
    "joint",
    "time_limit_days",
    "fee_cny",
    "source",
)


@write
def item_upsert(*, acting_user, code: str, **fields) -> ServiceItem:
    """Create the catalogue item `code`, or update it with `fields` (an import of the catalogue).
    Its details are then no longer demo values."""
    _require(acting_user)
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    item = ServiceItem.objects.select_for_update().filter(code=code).first() or ServiceItem(code=code)
    created = item.pk is None
    before = {k: str(getattr(item, k)) for k in fields}
    for name, value in fields.items():
        setattr(item, name, value)
    item.demo_details = False
    item.full_clean()
    item.save()
    changes = {k: [before[k], str(getattr(item, k))] for k in fields if before[k] != str(getattr(item, k))}
    audit_record(actor=acting_user, action="services.catalogue.item", obj=item, data={"created": created, **changes})
    return item


@write
def material_type_ensure(*, acting_user, code, name_zh, name_en=""):
    _require(acting_user)
    material_type, created = MaterialType.objects.get_or_create(
        code=code, defaults={"name_zh": name_zh, "name_en": name_en}
    )
    if created:
        material_type.full_clean()
        audit_record(actor=acting_user, action="services.catalogue.material_type", obj=material_type)
    return material_type


@write
def material_require(
    *,
    acting_user,
    item,
    material_type,
    mandatory=True,
    formats=("pdf", "jpeg", "png"),
    max_mb=10,
    is_demo=False,
):
    _require(acting_user)
    requirement = RequiredMaterial.objects.filter(item=item, material_type=material_type).first() or RequiredMaterial(
        item=item, material_type=material_type
    )
    requirement.mandatory, requirement.formats = mandatory, list(formats)
    requirement.max_mb, requirement.is_demo = max_mb, is_demo
    requirement.full_clean()
    requirement.save()
    audit_record(
        actor=acting_user,
        action="services.catalogue.material",
        obj=item,
        data={
            "type": material_type.code,
            "mandatory": mandatory,
            "formats": list(formats),
            "max_mb": max_mb,
        },
    )
    return requirement


@write
def authority_set(*, acting_user, item, province, organisation, is_demo=False):
    _require(acting_user)
    require(acting_user, CATALOGUE, org_scope(organisation))
    authority = CompetentAuthority.objects.filter(item=item, province=province).first() or CompetentAuthority(
        item=item, province=province
    )
    authority.organisation, authority.is_demo = organisation, is_demo
    authority.full_clean()
    authority.save()
    audit_record(
        actor=acting_user,
        action="services.catalogue.authority",
        obj=item,
        jurisdiction=province.code,
        data={"organisation": organisation.pk, "demo": is_demo},
    )
    return authority
