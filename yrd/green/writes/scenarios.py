"""Planning scenarios: saved with their inputs (checked by building the system), then run in the
background; a scenario that is queued or running is not started twice."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import Scope, require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.jobs import run_after_commit
from yrd.core.models import Jurisdiction
from yrd.green.apps import PLAN
from yrd.green.models import Scenario
from yrd.green.planning.errors import PlanningInputError
from yrd.green.planning.system import validate
from yrd.green.scenarios import system_of
from yrd.green.tasks import solve_scenario

from .common import as_validation_error

CREATE = "green.scenario.create"


@write
def scenario_create(
    *,
    acting_user,
    name: str,
    jurisdiction: Jurisdiction,
    inputs: dict,
    description: str = "",
    is_demo: bool = False,
    idempotency_key: str = "",
) -> Scenario:
    require(acting_user, PLAN, Scope((jurisdiction,), ()))
    request = {"name": name, "jurisdiction": jurisdiction.code, "inputs": inputs, "description": description}
    earlier = idempotency.claim(acting_user=acting_user, operation=CREATE, key=idempotency_key, request=request)
    if earlier is not None:
        return Scenario.objects.get(pk=earlier)
    errors = {}
    if not name.strip() or len(name) > 120:
        errors["name"] = [_("A name of 1 to 120 characters.")]
    try:
        validate(system_of(inputs))
    except PlanningInputError as error:
        errors.update(as_validation_error(error).message_dict)
    if errors:
        raise ValidationError(errors)
    scenario = Scenario.objects.create(
        name=name.strip(),
        description=description[:500],
        jurisdiction=jurisdiction,
        inputs=inputs,
        created_by=person(acting_user),
        is_demo=is_demo,
    )
    audit_record(actor=acting_user, action="green.scenario.create", obj=scenario, jurisdiction=jurisdiction.code)
    idempotency.fulfil(acting_user=acting_user, operation=CREATE, key=idempotency_key, result_id=scenario.pk)
    return scenario


@write
def scenario_run(*, acting_user, scenario: Scenario) -> Scenario:
    require(acting_user, PLAN, scenario)
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    if scenario.status in (Scenario.Status.QUEUED, Scenario.Status.RUNNING):
        raise Conflict(_("This scenario is already being solved."), code="running")
    scenario.status, scenario.progress, scenario.message = Scenario.Status.QUEUED, 0, ""
    scenario.save(update_fields=["status", "progress", "message"])
    audit_record(actor=acting_user, action="green.scenario.run", obj=scenario, jurisdiction=scenario.jurisdiction.code)
    run_after_commit(solve_scenario, scenario.pk)
    return scenario
