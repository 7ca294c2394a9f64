"""Writes of the heritage inventory: save a resource, import many from GeoJSON, relate two, record a
condition assessment."""

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import Scope, require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.culture import geo
from yrd.culture.apps import EDIT
from yrd.culture.geojson import ImportRefused, parse_resources
from yrd.culture.models import ConditionAssessment, HeritageResource

from .common import ResourceInput, choice_error, refuse_if, text_errors

TEXTS = (
    "code",
    "name_zh",
    "name_en",
    "description_zh",
    "description_en",
    "visiting_zh",
    "visiting_en",
    "period",
    "listing_document",
)
OPERATION = "culture.resource.create"


def resource_problems(data: ResourceInput, resource: HeritageResource | None = None) -> dict[str, list[str]]:
    """Every problem of `data`, field by field; empty when it can be saved."""
    errors = text_errors(HeritageResource, {name: getattr(data, name) for name in TEXTS})
    if not (data.code or "").strip():
        errors.setdefault("code", []).append(_("A code is required."))
    elif "code" not in errors and not _is_slug(data.code):
        errors["code"] = [_("Use letters, digits, hyphens and underscores only.")]
    elif HeritageResource.objects.filter(code=data.code).exclude(pk=getattr(resource, "pk", None)).exists():
        errors["code"] = [_("Another resource already has the code %(code)s.") % {"code": data.code}]
    if not (data.name_zh or "").strip():
        errors.setdefault("name_zh", []).append(_("A Chinese name is required."))
    for name in ("kind", "protection", "park"):
        choice_error(HeritageResource, name, getattr(data, name), errors)
    if data.city is None or data.city.level != "city":
        errors["city"] = [_("Choose one of the region's 41 cities.")]
    if data.protection != HeritageResource.Protection.NONE and not (data.listing_document or "").strip():
        errors.setdefault("listing_document", []).append(_("A listed resource names the document that lists it."))
    problems = geo.problems_of(data.geometry)
    if problems:
        errors["geometry"] = problems
    if data.daily_capacity is not None and (
        isinstance(data.daily_capacity, bool) or not isinstance(data.daily_capacity, int) or data.daily_capacity < 1
    ):
        errors["daily_capacity"] = [_("A daily capacity is a whole number of visitors, at least 1 (or empty).")]
    elif resource is not None and resource.pk:
        held = resource.slots.aggregate(n=Sum("capacity"))["n"] or 0
        if held and (data.daily_capacity or 0) < held:
            errors["daily_capacity"] = [
                _("The entry slots hold %(n)d people; change them first, or keep a daily capacity of at least that.")
                % {"n": held}
            ]
    return errors


def _is_slug(value: str) -> bool:
    return all(c.isascii() and (c.isalnum() or c in "-_") for c in value)


def _apply(resource: HeritageResource, data: ResourceInput) -> None:
    for name, value in vars(data).items():
        setattr(resource, name, value.strip() if isinstance(value, str) and name in TEXTS else value)
    resource.longitude, resource.latitude = geo.representative_point(data.geometry)
    resource.cell = geo.cell_of(resource.longitude, resource.latitude)


@write
def resource_save(
    *,
    acting_user,
    data: ResourceInput,
    resource: HeritageResource | None = None,
    idempotency_key: str | None = None,
) -> HeritageResource:
    """Create (no `resource`) or change a resource of a city the actor may edit. A change that moves
    the resource to another city needs the right in both."""
    if resource is not None:
        require(acting_user, EDIT, resource)
    if data.city is not None:
        require(acting_user, EDIT, Scope(jurisdictions=(data.city,)))
    if resource is None:
        earlier = idempotency.claim(
            acting_user=acting_user, operation=OPERATION, key=idempotency_key, request=_fingerprint(data)
        )
        if earlier is not None:
            return HeritageResource.objects.get(pk=earlier)
    refuse_if(resource_problems(data, resource))
    created = resource is None
    resource = resource or HeritageResource()
    _apply(resource, data)
    resource.save()
    audit_record(
        actor=acting_user,
        action="culture.resource.save",
        obj=resource,
        jurisdiction=resource.city.code,
        data={"code": resource.code, "created": created, "published": resource.published},
    )
    if created:
        idempotency.fulfil(acting_user=acting_user, operation=OPERATION, key=idempotency_key, result_id=resource.pk)
    return resource


def _fingerprint(data: ResourceInput) -> dict:
    return {**vars(data), "city": getattr(data.city, "code", None)}


@write
def resources_import(*, acting_user, text: str | bytes) -> list[HeritageResource]:
    """Create or update the resources of a GeoJSON FeatureCollection (matched by `code`), all or
    nothing: one refusal lists every feature's problems as "Feature N (code): field: message"."""
    rows = parse_resources(text)
    errors, pairs = [], []
    for number, data in enumerate(rows, start=1):
        existing = HeritageResource.objects.filter(code=data.code).first()
        for target in (existing, Scope(jurisdictions=(data.city,)) if data.city else None):
            if target is not None:
                require(
                    acting_user,
                    EDIT,
                    target,
                    _("Feature %(n)d (%(code)s): you may not edit resources of this city.")
                    % {"n": number, "code": data.code},
                )
        for field, messages in resource_problems(data, existing).items():
            errors += [
                _("Feature %(n)d (%(code)s): %(field)s: %(message)s")
                % {"n": number, "code": data.code, "field": field, "message": m}
                for m in messages
            ]
        pairs.append((existing, data))
    if errors:
        raise ImportRefused(errors)
    saved = []
    for existing, data in pairs:
        resource = existing or HeritageResource()
        _apply(resource, data)
        resource.save()
        saved.append(resource)
    audit_record(
        actor=acting_user,
        action="culture.resource.import",
        object_type="culture.HeritageResource",
        data={"codes": [r.code for r in saved][:500], "count": len(saved)},
    )
    return saved


@write
def resource_relate(*, acting_user, resource: HeritageResource, other: HeritageResource, related: bool = True):
    """Link (or unlink) two resources; the actor needs to edit the first one."""
    require(acting_user, EDIT, resource)
    if resource.pk == other.pk:
        refuse_if({"other": [_("A resource cannot be related to itself.")]})
    (resource.related.add if related else resource.related.remove)(other)
    audit_record(
        actor=acting_user,
        action="culture.resource.relate",
        obj=resource,
        jurisdiction=resource.city.code,
        data={"other": other.code, "related": related},
    )
    return resource


@write
def condition_record(
    *, acting_user, resource: HeritageResource, assessed_on, assessor: str, condition: str, threats="", actions=""
) -> ConditionAssessment:
    require(acting_user, EDIT, resource)
    errors = text_errors(ConditionAssessment, {"assessor": assessor, "threats": threats, "actions": actions})
    choice_error(ConditionAssessment, "condition", condition, errors)
    if not (assessor or "").strip():
        errors.setdefault("assessor", []).append(_("Name who assessed the condition."))
    if assessed_on is None or assessed_on > timezone.localdate():
        errors["assessed_on"] = [_("An assessment is dated on or before today.")]
    refuse_if(errors)
    assessment = ConditionAssessment.objects.create(
        resource=resource,
        assessed_on=assessed_on,
        assessor=assessor.strip(),
        condition=condition,
        threats=threats,
        actions=actions,
        recorded_by=person(acting_user),
    )
    audit_record(
        actor=acting_user,
        action="culture.condition.record",
        obj=assessment,
        jurisdiction=resource.city.code,
        data={"resource": resource.code, "condition": condition, "assessed_on": str(assessed_on)},
    )
    return assessment
