"""Registering parks and factories, their certifications and targets (city or park officials)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import Scope, require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction, Organisation
from yrd.green.apps import REGISTER
from yrd.green.models import Certification, Site, Target
from yrd.green.models.sites import review_scope


@dataclass
class SiteInput:
    kind: str
    name_zh: str
    organisation: Organisation
    city: Jurisdiction
    name_en: str = ""
    park: Site | None = None
    sector: str = ""
    output_unit: str = ""
    is_demo: bool = False


@write
def site_register(*, acting_user, data: SiteInput) -> Site:
    """A park, or a factory (in a park or not); the city's officials, or the park's for its members."""
    park_organisations = (data.park.organisation,) if data.park else ()
    require(acting_user, REGISTER, Scope((data.city,), park_organisations))
    site = Site(**data.__dict__)
    site.full_clean()
    site.save()
    audit_record(actor=acting_user, action="green.site.register", obj=site, jurisdiction=site.city.code)
    return site


@write
def certification_add(
    *,
    acting_user,
    site: Site,
    kind: str,
    level: str,
    issuing_body: str,
    issued_on: date,
    expires_on: date | None = None,
    is_demo: bool = False,
) -> Certification:
    require(acting_user, REGISTER, review_scope(site))
    certification = Certification(
        site=site,
        kind=kind,
        level=level,
        issuing_body=issuing_body,
        issued_on=issued_on,
        expires_on=expires_on,
        is_demo=is_demo,
    )
    certification.full_clean()
    certification.save()
    audit_record(
        actor=acting_user,
        action="green.site.certify",
        obj=certification,
        jurisdiction=site.city.code,
        data={"site": site.pk, "kind": kind, "level": level, "issued_on": str(issued_on)},
    )
    return certification


@write
def target_set(
    *,
    acting_user,
    site: Site,
    metric: str,
    base_year: int,
    base_value: Decimal,
    target_year: int,
    target_value: Decimal,
) -> Target:
    require(acting_user, REGISTER, review_scope(site))
    target = Target.objects.filter(site=site, metric=metric, target_year=target_year).first() or Target(
        site=site, metric=metric, target_year=target_year
    )
    target.base_year, target.base_value, target.target_value = base_year, base_value, target_value
    try:
        target.full_clean()
    except ValidationError as error:
        raise ValidationError(error.message_dict) from None
    if metric not in dict(Target._meta.get_field("metric").choices):
        raise ValidationError({"metric": _("Unknown metric.")})
    target.save()
    audit_record(
        actor=acting_user,
        action="green.site.target",
        obj=target,
        jurisdiction=site.city.code,
        data={"metric": metric, "base": [base_year, str(base_value)], "target": [target_year, str(target_value)]},
    )
    return target
