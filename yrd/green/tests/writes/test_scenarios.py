import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction
from yrd.green import writes
from yrd.green.models import Scenario
from yrd.green.scenarios import default_inputs

pytestmark = pytest.mark.django_db


def region():
    return Jurisdiction.objects.get(level="region")


def test_a_planner_saves_a_scenario_whose_figures_carry_their_sources(world):
    scenario = writes.scenario_create(
        acting_user=world.planner, name="JS", jurisdiction=region(), inputs=default_inputs(["330000"])
    )
    assert scenario.inputs["provinces"]["330000"]["demand_source"].startswith("Xinhua")


def test_bad_scenario_inputs_are_refused_with_the_input_named(world):
    inputs = default_inputs(["320000"])
    inputs["provinces"]["320000"]["coal_mw"] = -100
    inputs["policy"] = {"renewable_share": 1.5}
    with pytest.raises(ValidationError) as raised:
        writes.scenario_create(acting_user=world.planner, name="bad", jurisdiction=region(), inputs=inputs)
    errors = raised.value.message_dict
    assert errors["320000-coal.capacity_mw"] == ["Cannot be negative (got -100)."]
    assert "policy.renewable_share" in errors


def test_only_energy_officers_plan(world):
    with pytest.raises(PermissionDenied):
        writes.scenario_create(
            acting_user=world.sz_city, name="x", jurisdiction=region(), inputs=default_inputs(["320000"])
        )


def test_a_running_scenario_is_not_started_twice(world):
    scenario = writes.scenario_create(
        acting_user=world.planner, name="JS", jurisdiction=region(), inputs=default_inputs(["320000"])
    )
    Scenario.objects.filter(pk=scenario.pk).update(status=Scenario.Status.RUNNING)
    with pytest.raises(Conflict):
        writes.scenario_run(acting_user=world.planner, scenario=scenario)
