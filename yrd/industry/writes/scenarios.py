"""What-if scenarios: enterprises or whole cities stop for some days; the disruption LP runs and the
outcome is saved with the scenario, so scenarios can be compared later."""

from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.industry.analysis.disruption import analyse
from yrd.industry.apps import ANALYSE
from yrd.industry.chaindata import chain_from_db
from yrd.industry.models import Enterprise, Scenario

from .common import Problems


@write
def scenario_save(
    *,
    acting_user,
    name: str,
    days: int,
    jurisdiction: Jurisdiction,
    enterprises=(),
    cities=(),
    is_demo: bool = False,
    idempotency_key: str = "",
) -> Scenario:
    require(acting_user, ANALYSE, jurisdiction)
    problems = Problems()
    problems.text("name", name, 120, required=True)
    problems.number("days", days, minimum=1, maximum=365)
    enterprises, cities = list(enterprises), list(cities)
    if bool(enterprises) == bool(cities):
        problems.add("enterprises", _("Name the enterprises that stop, or the cities, not both."))
    if any(not isinstance(c, Jurisdiction) or c.level != Jurisdiction.Level.CITY for c in cities):
        problems.add("cities", _("Choose among the 41 cities."))
    problems.raise_if_any()
    request = {"name": name, "days": days, "jurisdiction": jurisdiction.code,
               "enterprises": sorted(e.pk for e in enterprises), "cities": sorted(c.code for c in cities)}  # fmt: skip
    earlier = idempotency.claim(
        acting_user=acting_user, operation="industry.scenario.save", key=idempotency_key, request=request
    )
    if earlier is not None:
        return Scenario.objects.get(pk=earlier)
    stopped = [e.pk for e in enterprises] or list(
        Enterprise.objects.filter(city__in=cities).values_list("pk", flat=True)
    )
    outcome = analyse(chain_from_db(), stopped, float(days))
    scenario = Scenario.objects.create(
        name=name,
        kind=Scenario.Kind.ENTERPRISE if enterprises else Scenario.Kind.CITY,
        days=days,
        jurisdiction=jurisdiction,
        created_at=timezone.now(),
        created_by=person(acting_user),
        is_demo=is_demo,
        result={
            "stopped": list(outcome.stopped),
            "total_lost": round(outcome.total_lost, 3),
            "lost_by_oem": {str(k): round(v, 3) for k, v in outcome.lost_by_oem.items()},
            "time_to_survive": round(outcome.time_to_survive, 3),
            "time_to_survive_by_oem": {str(k): round(v, 3) for k, v in outcome.survival_by_oem.items()},
        },
    )
    scenario.enterprises.set(enterprises)
    scenario.cities.set(cities)
    audit_record(
        actor=acting_user,
        action="industry.scenario.save",
        obj=scenario,
        jurisdiction=jurisdiction.code,
        data={"days": days, "stopped": len(outcome.stopped)},
    )
    idempotency.fulfil(
        acting_user=acting_user, operation="industry.scenario.save", key=idempotency_key, result_id=scenario.pk
    )
    return scenario
