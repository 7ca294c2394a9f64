"""Data centres, their monthly PUE, metropolitan industry statistics and cooperation projects."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.industry.apps import DATACENTRE, REFERENCE
from yrd.industry.models import CooperationProject, DataCentre, IndustryIndicator, MetroArea, PueReading

from .common import Problems

PLAN_TASK = re.compile(r"(\d|U)\.\d{2}")


@dataclass
class CentreInput:
    name_zh: str
    city: Jurisdiction
    cluster: str
    racks: int
    it_power_mw: Decimal
    utilisation: Decimal
    green_share: Decimal
    electricity_price: Decimal
    name_en: str = ""
    is_demo: bool = False


@write
def datacentre_save(*, acting_user, data: CentreInput, centre: DataCentre | None = None) -> DataCentre:
    """Create a data centre, or change `centre` (found by name and city when not given, so that a
    repeated create or import row updates it). Officials keep those of their own jurisdiction: a
    centre moved to another city needs the right there too."""
    if centre is not None:
        require(acting_user, DATACENTRE, centre)
    known_city = isinstance(data.city, Jurisdiction) and data.city.level == Jurisdiction.Level.CITY
    require(acting_user, DATACENTRE, data.city if known_city else None)
    problems = Problems()
    problems.text("name_zh", data.name_zh, 200, required=True)
    problems.text("name_en", data.name_en, 200)
    if data.cluster not in DataCentre.Cluster.values:
        problems.add("cluster", _("Unknown cluster."))
    if not known_city:
        problems.add("city", _("Choose one of the 41 cities."))
    problems.number("racks", data.racks, minimum=0, maximum=1_000_000)
    if isinstance(data.racks, Decimal | float) and data.racks != int(data.racks):
        problems.add("racks", _("A whole number of racks."))
    problems.number("it_power_mw", data.it_power_mw, minimum=0, maximum=9_999_999)
    problems.number("utilisation", data.utilisation, minimum=0, maximum=1)
    problems.number("green_share", data.green_share, minimum=0, maximum=1)
    problems.number("electricity_price", data.electricity_price, minimum=0, maximum=10)
    if centre is not None and known_city:
        if DataCentre.objects.filter(name_zh=data.name_zh, city=data.city).exclude(pk=centre.pk).exists():
            problems.add("name_zh", _("Another data centre of this city has this name."))
    problems.raise_if_any()
    values = {**data.__dict__, "racks": int(data.racks)}
    if centre is None:
        centre, _created = DataCentre.objects.update_or_create(name_zh=data.name_zh, city=data.city, defaults=values)
    else:
        for name, value in values.items():
            setattr(centre, name, value)
        centre.save()
    audit_record(actor=acting_user, action="industry.datacentre.save", obj=centre, jurisdiction=data.city.code)
    return centre


@write
def pue_record(*, acting_user, data_centre: DataCentre, month: date, pue, is_demo: bool = False) -> PueReading:
    require(acting_user, DATACENTRE, data_centre)
    problems = Problems()
    problems.number("pue", pue, minimum=1, maximum=5)
    if not isinstance(month, date):
        problems.add("month", _("Expected a month (YYYY-MM)."))
    problems.raise_if_any()
    reading, _created = PueReading.objects.update_or_create(
        data_centre=data_centre, month=month.replace(day=1), defaults={"pue": Decimal(pue), "is_demo": is_demo}
    )
    audit_record(actor=acting_user, action="industry.pue.record", obj=reading, jurisdiction=data_centre.city.code,
                 data={"month": str(reading.month), "pue": str(pue)})  # fmt: skip
    return reading


@write
def indicators_save(*, acting_user, rows: list[tuple], is_demo: bool = False) -> int:
    """(city, industry, year, value, unit, source) rows, all or none."""
    require(acting_user, REFERENCE)
    problems = Problems()
    for index, (city, industry, year, value, unit, source) in enumerate(rows):
        where = f"rows[{index}]"
        if not isinstance(city, Jurisdiction) or city.level != Jurisdiction.Level.CITY:
            problems.add(where, _("Choose one of the 41 cities."))
        problems.text(where, industry, 40, required=True)
        problems.text(where, unit, 20, required=True)
        problems.text(where, source, 200, required=True)
        problems.number(where, value, minimum=0)
        problems.number(where, year, minimum=1949, maximum=2100)
    problems.raise_if_any()
    for city, industry, year, value, unit, source in rows:
        IndustryIndicator.objects.update_or_create(
            city=city, industry=industry, year=year,
            defaults={"value": Decimal(value), "unit": unit, "source": source, "is_demo": is_demo},
        )  # fmt: skip
    audit_record(actor=acting_user, action="industry.indicator.import", data={"rows": len(rows)})
    return len(rows)


@write
def indicator_set(
    *, acting_user, city: Jurisdiction, industry: str, year: int, value, unit: str, source: str, is_demo: bool = False
) -> IndustryIndicator:
    """One city's figure for one industry and year (imported statistics), created or replaced."""
    require(acting_user, REFERENCE)
    problems = Problems()
    if not isinstance(city, Jurisdiction) or city.level != Jurisdiction.Level.CITY:
        problems.add("city", _("Choose one of the 41 cities."))
    problems.text("industry", industry, 40, required=True)
    problems.text("unit", unit, 20, required=True)
    problems.text("source", source, 200, required=True)
    problems.number("value", value, minimum=0)
    problems.number("year", year, minimum=1949, maximum=2100)
    problems.raise_if_any()
    indicator, _created = IndustryIndicator.objects.update_or_create(
        city=city, industry=industry, year=year,
        defaults={"value": Decimal(value), "unit": unit, "source": source, "is_demo": is_demo},
    )  # fmt: skip
    audit_record(actor=acting_user, action="industry.indicator.set", obj=indicator, jurisdiction=city.code,
                 data={"industry": industry, "year": year, "value": str(value)})  # fmt: skip
    return indicator


@write
def cooperation_save(
    *,
    acting_user,
    metro_area: MetroArea,
    name_zh: str,
    cities: list,
    name_en: str = "",
    plan_task: str = "",
    is_demo=False,
) -> CooperationProject:
    require(acting_user, REFERENCE)
    problems = Problems()
    problems.text("name_zh", name_zh, 200, required=True)
    problems.text("name_en", name_en, 200)
    problems.text("plan_task", plan_task, 10)
    if plan_task and not PLAN_TASK.fullmatch(plan_task):
        problems.add("plan_task", _("A plan task code looks like 8.01 (area and number)."))
    members = set(metro_area.cities.values_list("pk", flat=True))
    if len(cities) < 2 or any(c.pk not in members for c in cities):
        problems.add("cities", _("A cooperation project joins two or more member cities of the metropolitan area."))
    problems.raise_if_any()
    project = CooperationProject.objects.create(
        metro_area=metro_area, name_zh=name_zh, name_en=name_en, plan_task=plan_task, is_demo=is_demo
    )
    project.cities.set(cities)
    audit_record(actor=acting_user, action="industry.cooperation.save", obj=project)
    return project
