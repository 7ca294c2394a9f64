"""Adding a published factor to the catalogue. Factors are never edited in place: a correction or a
newer year is a new row, so a reviewed account keeps pointing at what it used."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.green.apps import FACTORS
from yrd.green.models import EmissionFactor, FactorPublication


@dataclass
class PublicationInput:
    code: str
    issuer: str
    title_zh: str
    published: str
    number: str = ""
    title_en: str = ""
    url: str = ""
    read_via: str = ""


@write
def publication_ensure(*, acting_user, data: PublicationInput) -> FactorPublication:
    require(acting_user, FACTORS)
    publication = FactorPublication.objects.filter(code=data.code).first()
    if publication:
        return publication
    publication = FactorPublication(**data.__dict__)
    publication.full_clean()
    publication.save()
    return publication


@write
def factor_add(
    *,
    acting_user,
    publication: FactorPublication,
    code: str,
    quantity: str,
    region: str,
    data_year: int,
    value: Decimal,
    unit: str,
    table: str,
) -> EmissionFactor:
    require(acting_user, FACTORS)
    if EmissionFactor.objects.filter(quantity=quantity, region=region, data_year=data_year).exists():
        raise ValidationError(
            {"data_year": _("A factor for this quantity, region and year is already in the catalogue.")}
        )
    factor = EmissionFactor(
        code=code,
        quantity=quantity,
        region=region,
        data_year=data_year,
        value=value,
        unit=unit,
        publication=publication,
        table=table,
    )
    factor.full_clean()
    factor.save()
    audit_record(
        actor=acting_user,
        action="green.factor.add",
        obj=factor,
        data={"value": str(value), "unit": unit, "publication": publication.code},
    )
    return factor
