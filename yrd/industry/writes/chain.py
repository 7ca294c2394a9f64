"""Writes of the chain: the component taxonomy, enterprises, their capacities and supply relations.

An enterprise's own people keep its capacities and the relations where it is supplier or customer;
its province's officials register enterprises, review relations and may correct them. Refused with a
message naming the field, and nothing written: a component that would go into itself through its bill
of materials, a relation that would make a component supply itself (a cycle among the enterprises
that pass it on), shares of one customer's need above 100%, negative capacities, lead times or
inventories, unknown components or cities."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import can, require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction, Organisation
from yrd.industry.apps import MAINTAIN, REFERENCE, REVIEW
from yrd.industry.models import BomLine, Capacity, Component, Enterprise, SupplyRelation, Tier, relation_scopes

from .common import Problems


def bom_reaches(start: str, target: str, bom: dict) -> bool:
    """True when `target` is `start` or goes into it, directly or through other parts."""
    seen, stack = set(), [start]
    while stack:
        code = stack.pop()
        if code == target:
            return True
        if code not in seen:
            seen.add(code)
            stack.extend(bom.get(code, ()))
    return False


def stored_bom() -> dict:
    bom = {}
    for product, part in BomLine.objects.values_list("product__code", "part__code"):
        bom.setdefault(product, set()).add(part)
    return bom


@write
def component_save(
    *, acting_user, code: str, name_zh: str, name_en: str, tier: str, unit: str = "pcs", parts: dict | None = None
) -> Component:
    """Create or update a component and its bill of materials ({part code: quantity per unit})."""
    require(acting_user, REFERENCE)
    problems, parts = Problems(), parts or {}
    problems.text("code", code, 40, required=True)
    problems.text("name_zh", name_zh, 60, required=True)
    problems.text("name_en", name_en, 80, required=True)
    problems.text("unit", unit, 20, required=True)
    if tier not in Tier.values:
        problems.add("tier", _("Unknown tier %(tier)s; use oem, tier1, tier2 or material.") % {"tier": tier})
    known = {c.code: c for c in Component.objects.filter(code__in=list(parts))}
    bom = stored_bom()
    bom[code] = set(parts)
    for part, quantity in parts.items():
        if part not in known and part != code:
            problems.add("parts", _("Unknown component %(code)s.") % {"code": part})
        elif bom_reaches(part, code, bom):
            problems.add(
                "parts",
                _(
                    "%(part)s cannot go into %(code)s: %(code)s already goes into %(part)s, "
                    "so the component would supply itself."
                )
                % {"part": part, "code": code},
            )
        problems.number("parts", quantity, minimum=0, strict_minimum=True)
    problems.raise_if_any()
    component, _created = Component.objects.update_or_create(
        code=code, defaults={"name_zh": name_zh, "name_en": name_en, "tier": tier, "unit": unit}
    )
    component.bom.exclude(part__code__in=list(parts)).delete()
    for part, quantity in parts.items():
        BomLine.objects.update_or_create(product=component, part=known[part], defaults={"quantity": Decimal(quantity)})
    audit_record(
        actor=acting_user,
        action="industry.component.save",
        obj=component,
        data={"tier": tier, "parts": {k: str(v) for k, v in parts.items()}},
    )
    return component


@write
def enterprise_register(
    *, acting_user, organisation: Organisation, city: Jurisdiction, tier: str, certifications: str = "", is_demo=False
) -> Enterprise:
    """Put an organisation of the registry on the chain (its province's officials), or update it."""
    problems = Problems()
    if not isinstance(city, Jurisdiction) or city.level != Jurisdiction.Level.CITY:
        problems.add("city", _("Choose one of the 41 cities."))
        problems.raise_if_any()
    require(acting_user, REVIEW, city)
    if organisation.kind != Organisation.Kind.ENTERPRISE or not organisation.uscc:
        problems.add("organisation", _("Only an enterprise with a Unified Social Credit Code can be on the chain."))
    if tier not in Tier.values:
        problems.add("tier", _("Unknown role %(tier)s; use oem, tier1, tier2 or material.") % {"tier": tier})
    problems.text("certifications", certifications, 200)
    problems.raise_if_any()
    enterprise, created = Enterprise.objects.update_or_create(
        organisation=organisation,
        defaults={"city": city, "tier": tier, "certifications": certifications.strip(), "is_demo": is_demo},
    )
    audit_record(
        actor=acting_user,
        action="industry.enterprise.register",
        obj=enterprise,
        jurisdiction=city.code,
        data={"uscc": organisation.uscc, "tier": tier, "created": created},
    )
    return enterprise


def may_keep(user, enterprise: Enterprise) -> bool:
    """Its own people, or the officials of its province."""
    return can(user, MAINTAIN, enterprise) or can(user, REVIEW, enterprise)


def require_keep(user, *enterprises: Enterprise) -> None:
    if not any(may_keep(user, e) for e in enterprises):
        require(
            user, MAINTAIN, enterprises[0], _("Only the enterprise itself or its province's officials may change this.")
        )


@write
def capacity_set(*, acting_user, enterprise: Enterprise, component: Component, annual_units, is_demo=False) -> Capacity:
    require_keep(acting_user, enterprise)
    problems = Problems()
    problems.number("annual_units", annual_units, minimum=0)
    problems.raise_if_any()
    capacity, _created = Capacity.objects.update_or_create(
        enterprise=enterprise, component=component, defaults={"annual_units": Decimal(annual_units), "is_demo": is_demo}
    )
    audit_record(
        actor=acting_user,
        action="industry.capacity.set",
        obj=capacity,
        jurisdiction=enterprise.city.code,
        data={"component": component.code},  # the figure itself is commercially sensitive
    )
    return capacity


@dataclass
class RelationInput:
    supplier: Enterprise
    customer: Enterprise
    component: Component
    share_pct: Decimal
    lead_time_days: int
    inventory_days: Decimal
    is_demo: bool = False


def supplies_through(start: int, target: int, component: Component, exclude: int | None = None) -> bool:
    """True when `start` passes `component` on to `target`, directly or through other enterprises."""
    edges = {}
    for supplier, customer in (
        SupplyRelation.objects.filter(component=component).exclude(pk=exclude).values_list("supplier_id", "customer_id")
    ):
        edges.setdefault(supplier, []).append(customer)
    seen, stack = set(), [start]
    while stack:
        firm = stack.pop()
        if firm == target:
            return True
        if firm not in seen:
            seen.add(firm)
            stack.extend(edges.get(firm, ()))
    return False


def relation_problems(data: RelationInput, existing: SupplyRelation | None) -> Problems:
    problems = Problems()
    problems.number("share_pct", data.share_pct, minimum=0, maximum=100, strict_minimum=True)
    problems.number("lead_time_days", data.lead_time_days, minimum=0, maximum=365)
    problems.number("inventory_days", data.inventory_days, minimum=0, maximum=3650)
    if problems:
        return problems
    if data.supplier.pk == data.customer.pk:
        problems.add(
            "supplier", _("An enterprise cannot supply %(component)s to itself.") % {"component": data.component.code}
        )
        return problems
    others = SupplyRelation.objects.filter(customer=data.customer, component=data.component)
    if existing is not None:
        others = others.exclude(pk=existing.pk)
    total = sum((r.share_pct for r in others), Decimal(0)) + Decimal(data.share_pct)
    if total > 100:
        problems.add(
            "share_pct",
            _("The customer's shares of %(component)s would add up to %(total)s%%; at most 100%% is possible.")
            % {"component": data.component.code, "total": total},
        )
    if supplies_through(data.customer.pk, data.supplier.pk, data.component, exclude=existing.pk if existing else None):
        problems.add(
            "customer",
            _(
                "%(customer)s already passes %(component)s on to %(supplier)s; "
                "this relation would make the component supply itself."
            )
            % {"customer": data.customer, "component": data.component.code, "supplier": data.supplier},
        )
    return problems


@write
def relation_save(*, acting_user, data: RelationInput) -> SupplyRelation:
    """Create or update the relation (supplier, customer, component); review is cleared on change."""
    supplier_side, customer_side = relation_scopes(data.supplier, data.customer)
    if not any(
        can(acting_user, action, side) for action in (MAINTAIN, REVIEW) for side in (supplier_side, customer_side)
    ):
        raise PermissionDenied(
            _("Only the supplier, the customer or their provinces' officials may keep this relation.")
        )
    existing = SupplyRelation.objects.filter(
        supplier=data.supplier, customer=data.customer, component=data.component
    ).first()
    relation_problems(data, existing).raise_if_any()
    relation = existing or SupplyRelation(supplier=data.supplier, customer=data.customer, component=data.component)
    relation.share_pct = Decimal(data.share_pct)
    relation.lead_time_days = int(data.lead_time_days)
    relation.inventory_days = Decimal(data.inventory_days)
    relation.is_demo = data.is_demo
    relation.reviewed_at, relation.reviewed_by = None, None
    relation.save()
    audit_record(
        actor=acting_user,
        action="industry.relation.save",
        obj=relation,
        object_repr=f"{data.supplier.pk} -> {data.customer.pk}: {data.component.code}",
        jurisdiction=data.customer.city.code,
        data={"supplier": data.supplier.pk, "customer": data.customer.pk, "component": data.component.code},
    )
    return relation


@write
def relation_review(*, acting_user, relation: SupplyRelation) -> SupplyRelation:
    supplier_side, customer_side = relation_scopes(relation.supplier, relation.customer)
    if not (can(acting_user, REVIEW, supplier_side) or can(acting_user, REVIEW, customer_side)):
        require(
            acting_user,
            REVIEW,
            customer_side,
            _("Only officials of the supplier's or the customer's province review relations."),
        )
    relation.reviewed_at, relation.reviewed_by = timezone.now(), person(acting_user)
    relation.save(update_fields=["reviewed_at", "reviewed_by"])
    audit_record(
        actor=acting_user,
        action="industry.relation.review",
        obj=relation,
        object_repr=f"{relation.supplier_id} -> {relation.customer_id}",
        jurisdiction=relation.customer.city.code,
    )
    return relation
