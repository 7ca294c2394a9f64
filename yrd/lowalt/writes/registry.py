"""The registers: operators' aircraft, take-off and landing sites, coverage, and each province's restrictions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction, Organisation
from yrd.lowalt.apps import AIRSPACE, FLEET, INFRASTRUCTURE
from yrd.lowalt.geojson import ImportRefused, parse_restrictions, read_feature
from yrd.lowalt.models import Aircraft, AirspaceRestriction, Coverage, Site


@dataclass(frozen=True)
class AircraftInput:
    registration: str
    model_name: str
    aircraft_class: str
    empty_weight_kg: Decimal
    max_takeoff_weight_kg: Decimal


@write
def aircraft_register(*, acting_user, operator: Organisation, data: AircraftInput, is_demo: bool = False) -> Aircraft:
    require(acting_user, FLEET, operator)
    if operator.kind != Organisation.Kind.OPERATOR:
        raise ValidationError({"operator": [_("%(name)s is not registered as an operator.") % {"name": operator.name}]})
    aircraft = Aircraft(operator=operator, is_demo=is_demo, **data.__dict__)
    aircraft.full_clean()
    aircraft.save()
    audit_record(
        actor=acting_user,
        action="lowalt.aircraft.register",
        obj=aircraft,
        data={"class": aircraft.aircraft_class, "operator": operator.pk},
    )
    return aircraft


@dataclass(frozen=True)
class SiteInput:
    kind: str
    name_zh: str
    name_en: str
    city: Jurisdiction
    owner: Organisation
    longitude: Decimal
    latitude: Decimal
    pads: int
    charging_points: int
    status: str = Site.Status.OPERATING


@write
def site_save(*, acting_user, data: SiteInput, site: Site | None = None, is_demo: bool = False) -> Site:
    """Register a site, or change one (`site`); the officer must cover the site's city."""
    if data.city.level != Jurisdiction.Level.CITY:
        raise ValidationError({"city": [_("Choose a city.")]})
    require(acting_user, INFRASTRUCTURE, data.city)
    if site is not None:
        require(acting_user, INFRASTRUCTURE, site.city)
    site = site or Site(is_demo=is_demo)
    for name, value in data.__dict__.items():
        setattr(site, name, value)
    site.full_clean()
    site.save()
    audit_record(actor=acting_user, action="lowalt.site.save", obj=site, jurisdiction=site.city.code)
    return site


@write
def coverage_save(
    *,
    acting_user,
    kind: str,
    technology: str,
    provider: Organisation,
    city: Jurisdiction,
    outline: list,
    ceiling_m: int,
    is_demo: bool = False,
) -> Coverage:
    require(acting_user, INFRASTRUCTURE, city)
    coverage = Coverage(
        kind=kind,
        technology=technology,
        provider=provider,
        city=city,
        outline=outline,
        ceiling_m=ceiling_m,
        is_demo=is_demo,
    )
    coverage.full_clean()
    coverage.save()
    audit_record(actor=acting_user, action="lowalt.coverage.save", obj=coverage, jurisdiction=city.code)
    return coverage


@write
def restrictions_import(*, acting_user, province: Jurisdiction, text: str | bytes, is_demo: bool = False) -> dict:
    """Read a GeoJSON FeatureCollection into the province's restrictions, all or nothing.

    A feature whose id the province already uses replaces that restriction; other restrictions stay.
    Raises ValidationError({"file": [one message per problem]}) and writes nothing when any feature is bad.
    """
    require(acting_user, AIRSPACE, province)
    if province.level != Jurisdiction.Level.PROVINCE:
        raise ValidationError({"province": [_("Restrictions are kept by a province.")]})
    try:
        rows = parse_restrictions(text)
    except ImportRefused as refused:
        raise ValidationError({"file": refused.errors}) from None
    created = updated = 0
    for row in rows:
        restriction, made = AirspaceRestriction.objects.update_or_create(
            province=province,
            ref=row.ref,
            defaults={
                "name_zh": row.name_zh,
                "name_en": row.name_en,
                "kind": row.kind,
                "outline": row.outline,
                "lower_m": row.lower_m,
                "upper_m": row.upper_m,
                "active": row.active,
                "source": row.source,
                "indicative": row.indicative,
                "is_demo": is_demo,
            },
        )
        restriction.full_clean()
        created, updated = created + made, updated + (not made)
    summary = {"created": created, "updated": updated}
    audit_record(
        actor=acting_user, action="lowalt.restriction.import", obj=province, jurisdiction=province.code, data=summary
    )
    return summary


@write
def restriction_save(
    *, acting_user, province: Jurisdiction, feature: dict, restriction: AirspaceRestriction | None = None
) -> AirspaceRestriction:
    """Enter one restriction, or change one (`restriction`), from a GeoJSON Feature, checked exactly as an
    imported feature is. Raises ValidationError({property: [messages]}) and writes nothing when it is bad;
    a new restriction may not take a reference the province already uses, a changed one keeps its own."""
    require(acting_user, AIRSPACE, province)
    if province.level != Jurisdiction.Level.PROVINCE:
        raise ValidationError({"province": [_("Restrictions are kept by a province.")]})
    if restriction is not None:
        require(acting_user, AIRSPACE, restriction.province)
    row, problems = read_feature(feature)
    errors: dict[str, list[str]] = {}
    for field, message in problems:
        errors.setdefault(field, []).append(message)
    if row is not None:
        taken = AirspaceRestriction.objects.filter(province=province, ref=row.ref)
        if restriction is not None and (row.ref != restriction.ref or province != restriction.province):
            errors["id"] = [_("A restriction keeps its reference and province; enter a new one instead.")]
        elif restriction is None and taken.exists():
            errors["id"] = [
                _("%(province)s already uses the reference %(ref)s.") % {"province": province.name, "ref": row.ref}
            ]
    if errors:
        raise ValidationError(errors)
    made = restriction is None
    restriction = restriction or AirspaceRestriction(province=province)
    for name, value in row.__dict__.items():
        setattr(restriction, name, value)
    restriction.full_clean()
    restriction.save()
    audit_record(
        actor=acting_user,
        action="lowalt.restriction.save",
        obj=restriction,
        jurisdiction=province.code,
        data={"ref": restriction.ref, "created": made, "indicative": restriction.indicative},
    )
    return restriction


@write
def restriction_withdraw(*, acting_user, restriction: AirspaceRestriction) -> None:
    """Take a restriction off the map: the airspace it held is free from now on (the audit keeps what it was)."""
    require(acting_user, AIRSPACE, restriction.province)
    audit_record(
        actor=acting_user,
        action="lowalt.restriction.withdraw",
        obj=restriction,
        jurisdiction=restriction.province.code,
        data={"ref": restriction.ref, "name_zh": restriction.name_zh, "outline": restriction.outline},
    )
    restriction.delete()
