"""What-if drills: "a typhoon displaces 200,000 people in Ningbo and Zhoushan; what can the alliance
bring within 24 hours, and what is missing?" The scenario's needs (people x the catalogue's sourced
need per person) are added as requests at the cities' centres to the real open requests, and the
allocation engine runs on the stock as it is: nothing is reserved, no stock moves. The result is
kept as a report."""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.emergency.allocation import Request as EngineRequest
from yrd.emergency.allocation import allocate
from yrd.emergency.apps import ALLOCATE
from yrd.emergency.models import Drill, Item, Priority
from yrd.emergency.selectors.allocation import allocation_input

from .common import number_by_pk

MAX_DISPLACED = 10_000_000
DRILL_KEY = "drill-"


@dataclass(frozen=True)
class Scenario:
    name: str
    displaced: dict[Jurisdiction, int]  # city -> people
    days: int = 3
    within_hours: float = 24.0
    priority: int = Priority.LIFE_SUSTAINING
    per_person: dict[Item, Decimal] = field(default_factory=dict)  # overrides of the catalogue's needs


@write
def drill_run(*, acting_user, jurisdiction: Jurisdiction, scenario: Scenario) -> Drill:
    require(acting_user, ALLOCATE, jurisdiction)
    needs = _check(scenario)
    now = timezone.now()
    cities = list(scenario.displaced)
    extra = [
        EngineRequest(f"{DRILL_KEY}{city.code}", needs[city.code], scenario.priority, scenario.within_hours)
        for city in cities
        if needs[city.code]
    ]
    data = allocation_input(
        jurisdiction,
        now=now,
        extra_requests=extra,
        extra_places=[(float(c.latitude), float(c.longitude)) for c in cities if needs[c.code]],
    )
    answer = allocate(data.problem)
    drill = Drill.objects.create(
        name=scenario.name.strip(),
        jurisdiction=jurisdiction,
        scenario={
            "displaced": {city.code: people for city, people in scenario.displaced.items()},
            "days": scenario.days,
            "within_hours": scenario.within_hours,
            "priority": scenario.priority,
            "per_person": {item.code: str(value) for item, value in scenario.per_person.items()},
        },
        result=_result(answer, cities, scenario, needs, {str(w.pk): w for w in data.warehouses}),
        as_of=now,
        created_by=person(acting_user),
    )
    number_by_pk(drill, "DRL")
    audit_record(
        actor=acting_user,
        action="emergency.drill.run",
        obj=drill,
        jurisdiction=jurisdiction.code,
        data={"scenario": drill.scenario, "short_units": drill.result["short_units"]},
    )
    return drill


def needs_per_person(scenario: Scenario) -> dict[Item, tuple[str, Decimal]]:
    """Item -> ("per_day", units per person per day) or ("per_unit", persons one unit serves)."""
    result = {}
    sourced = Q(per_person_per_day__isnull=False) | Q(persons_per_unit__isnull=False)
    for item in Item.objects.filter(sourced):
        if item.per_person_per_day is not None:
            result[item] = ("per_day", item.per_person_per_day)
        else:
            result[item] = ("per_unit", item.persons_per_unit)
    for item, value in scenario.per_person.items():
        result[item] = ("per_day", value) if item.kind == Item.Kind.CONSUMABLE else ("per_unit", value)
    return result


def _check(scenario: Scenario) -> dict[str, dict[str, int]]:
    errors: dict[str, list[str]] = {}
    if not scenario.name.strip() or len(scenario.name) > 200:
        errors["name"] = [_("Name the scenario (at most 200 characters).")]
    if not scenario.displaced:
        errors["displaced"] = [_("Say how many people are displaced in at least one city.")]
    for city, people in scenario.displaced.items():
        if city.level != Jurisdiction.Level.CITY:
            errors.setdefault("displaced", []).append(_("%(place)s is not a city.") % {"place": city.name})
        elif not isinstance(people, int) or isinstance(people, bool) or not 1 <= people <= MAX_DISPLACED:
            errors.setdefault("displaced", []).append(
                _("%(city)s: between 1 and %(max)s people.") % {"city": city.name, "max": f"{MAX_DISPLACED:,}"}
            )
        elif city.population_million is not None and people > city.population_million * 1_000_000:
            errors.setdefault("displaced", []).append(
                _("%(city)s: %(people)s displaced is more than its %(population)s residents.")
                % {
                    "city": city.name,
                    "people": f"{people:,}",
                    "population": f"{round(city.population_million * 1_000_000):,}",
                }
            )
    if not isinstance(scenario.days, int) or not 1 <= scenario.days <= 30:
        errors["days"] = [_("Between 1 and 30 days.")]
    if not 1 <= scenario.within_hours <= 240:
        errors["within_hours"] = [_("Between 1 and 240 hours.")]
    if scenario.priority not in Priority.values:
        errors["priority"] = [_("Choose a priority: 1 life-saving, 2 life-sustaining, 3 other relief.")]
    if any(value <= 0 for value in scenario.per_person.values()):
        errors["per_person"] = [_("A need per person is more than 0.")]
    norms = needs_per_person(scenario)
    if not norms:
        errors["per_person"] = [
            _(
                "No item of the catalogue has a need per person from a published standard; "
                "enter the needs for this drill."
            )
        ]
    if errors:
        raise ValidationError(errors)
    return {city.code: _needs(people, norms, scenario.days) for city, people in scenario.displaced.items()}


def _needs(people: int, norms, days: int) -> dict[str, int]:
    needs = {}
    for item, (kind, value) in norms.items():
        quantity = people * value * days if kind == "per_day" else Decimal(people) / value
        needs[item.code] = math.ceil(quantity)
    return {code: quantity for code, quantity in needs.items() if quantity > 0}


def _result(answer, cities, scenario, needs, warehouses) -> dict:
    by_city = {}
    for city in cities:
        key = f"{DRILL_KEY}{city.code}"
        got = {}
        for line in answer.lines:
            if line.request == key:
                got[line.item] = got.get(line.item, 0) + line.quantity
        causes = {s.item: s.cause.value for s in answer.shortfalls if s.request == key}
        by_city[city.code] = {
            "name_zh": city.name_zh,
            "name_en": city.name_en,
            "displaced": scenario.displaced[city],
            "items": [
                {"item": code, "needed": quantity, "allocated": got.get(code, 0), "cause": causes.get(code, "")}
                for code, quantity in sorted(needs[city.code].items())
            ],
        }
    sources = {}
    for line in answer.lines:
        if line.request.startswith(DRILL_KEY):
            warehouse = warehouses[line.warehouse]
            key = (warehouse.code, line.item)
            sources[key] = sources.get(key, 0) + line.quantity
    existing_short = sum(s.short for s in answer.shortfalls if not s.request.startswith(DRILL_KEY))
    short_units = sum(s.short for s in answer.shortfalls if s.request.startswith(DRILL_KEY))
    return {
        "cities": by_city,
        "sources": [{"warehouse": w, "item": i, "quantity": q} for (w, i), q in sorted(sources.items())],
        "short_units": short_units,
        "existing_requests_short_units": existing_short,
        "objective": answer.objective,
        "solver_seconds": answer.solver_seconds,
        "total_seconds": answer.total_seconds,
    }
