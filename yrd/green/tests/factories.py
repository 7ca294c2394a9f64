"""Factories and personas of the green tests: two parks (Suzhou, Ningbo), factories in them and one
outside, and the people who work with them."""

from decimal import Decimal

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import EnterpriseFactory, jurisdiction, person
from yrd.green import writes
from yrd.green.models import Site


def site(kind: str, city: str, *, park: Site | None = None, name: str = "", output_unit: str = "t") -> Site:
    organisation = EnterpriseFactory(jurisdiction=jurisdiction(city))
    data = writes.SiteInput(
        kind=kind,
        name_zh=name or f"测试{kind}{organisation.pk}",
        organisation=organisation,
        city=jurisdiction(city),
        park=park,
        output_unit=output_unit,
    )
    return writes.site_register(acting_user=SYSTEM, data=data)


def reporter(for_site: Site):
    return person("green_site_reporter", for_site.city.code, organisation=for_site.organisation)


def park_reviewer(park: Site):
    return person("green_reviewer", park.city.code, organisation=park.organisation)


def entries(grid="1000", gas="10", certificates=None) -> list[writes.Entry]:
    rows = [
        writes.Entry("grid_electricity", Decimal(grid), "MWh"),
        writes.Entry("natural_gas", Decimal(gas), "10^4 Nm3"),
    ]
    if certificates is not None:
        rows.append(writes.Entry("green_certificates", Decimal(certificates), "MWh"))
    return rows


def period_input(year=2024, month=None, **kwargs) -> writes.PeriodInput:
    return writes.PeriodInput(year, month, entries(**kwargs), Decimal(100), Decimal(1000))
