"""Factories and personas of the industry tests: enterprises on the chain in given cities, their
capacities and relations, and the people who work with them."""

from decimal import Decimal

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import EnterpriseFactory, jurisdiction, person
from yrd.industry import writes
from yrd.industry.models import Component, Enterprise


def enterprise(city: str, tier: str = "tier1", *, certifications: str = "", capacity: dict | None = None) -> Enterprise:
    where = jurisdiction(city, "city")
    organisation = EnterpriseFactory(jurisdiction=where)
    found = writes.enterprise_register(
        acting_user=SYSTEM, organisation=organisation, city=where, tier=tier, certifications=certifications
    )
    for code, units in (capacity or {}).items():
        writes.capacity_set(
            acting_user=SYSTEM, enterprise=found, component=component(code), annual_units=Decimal(units)
        )
    return found


def component(code: str) -> Component:
    return Component.objects.get(code=code)


def relation(supplier, customer, code, share=100, inventory=5, lead=3):
    data = writes.RelationInput(supplier, customer, component(code), Decimal(share), lead, Decimal(inventory))
    return writes.relation_save(acting_user=SYSTEM, data=data)


def officer(of: Enterprise):
    """A person of the enterprise itself."""
    return person("industry_enterprise", of.city.code, organisation=of.organisation)


def official(where: str):
    return person("industry_official", where)
