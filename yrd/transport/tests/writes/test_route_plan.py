"""Planning a route stores the answer with the parameters it was computed with."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from yrd.core.models import AuditEntry
from yrd.transport.models import ModeParameter, RouteQuery
from yrd.transport.tests.factories import plan

pytestmark = pytest.mark.django_db


def test_a_plan_keeps_its_figures_when_a_parameter_changes_later(world):
    before = plan(world.planner, modes=("rail",), objective="cheapest")
    rail = ModeParameter.objects.get(mode="rail")
    assert before.parameters["modes"]["rail"]["cost_per_tkm"]["value"] == float(rail.cost_per_tkm)
    rail.cost_per_tkm *= 3
    rail.save()
    after = plan(world.planner, modes=("rail",), objective="cheapest")
    assert after.routes[0]["cost"] > before.routes[0]["cost"]
    assert after.network_version != before.network_version
    before.refresh_from_db()
    assert before.parameters["modes"]["rail"]["cost_per_tkm"]["value"] == pytest.approx(float(rail.cost_per_tkm) / 3)
    assert before.routes[0]["cost"] < after.routes[0]["cost"]


def test_the_plan_belongs_to_the_planners_organisation_and_is_audited(world):
    query = plan(world.planner)
    assert query.organisation == world.shipper
    assert query.origin_city.code == "320100" and query.destination_city.code == "330200"
    assert AuditEntry.objects.filter(action="transport.route.plan", object_id=str(query.pk)).exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"destination": "999999"}, "destination"),
        ({"tonnes": -3}, "tonnes"),
        ({"tonnes": None, "teu": None}, "cargo"),
        ({"modes": ("teleport",)}, "modes"),
        ({"modes": ("sea",), "origin": "340100", "destination": "330300"}, "destination"),
        ({"dangerous_goods": True, "modes": ("air",), "tonnes": 5}, "modes"),
    ],
)
def test_bad_requests_are_refused_naming_the_field_and_store_nothing(world, fields, field):
    with pytest.raises(ValidationError) as error:
        plan(world.planner, **fields)
    assert field in error.value.message_dict
    assert not RouteQuery.objects.exists()


def test_routing_errors_speak_the_readers_language(world):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        plan(world.planner, destination="999999")
    assert "网络中没有代码为" in error.value.message_dict["destination"][0]


@pytest.mark.parametrize("persona", ["stranger", "dispatcher", "sh_officer"])
def test_only_logistics_planners_plan(world, persona):
    with pytest.raises(PermissionDenied):
        plan(getattr(world, persona))
