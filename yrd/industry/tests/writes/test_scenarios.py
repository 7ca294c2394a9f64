"""Saved what-if scenarios run the disruption LP on the stored chain and keep the outcome."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.tests.factories import jurisdiction
from yrd.industry import writes
from yrd.industry.interface import enterprises_hit
from yrd.industry.models import Scenario

pytestmark = pytest.mark.django_db


def test_a_city_stopping_is_saved_with_its_loss_and_survival(world):
    saved = writes.scenario_save(
        acting_user=world.region, name="Changzhou cells stop", days=30, jurisdiction=jurisdiction("YRD"),
        cities=[jurisdiction("320400", "city")],
    )  # fmt: skip
    # Cells stop: Suzhou and Ningbo hold 4 days of cells; Hefei 5 days of packs; Shanghai 3 days.
    assert saved.result["stopped"] == [world.cells.pk]
    assert saved.result["total_lost"] > 0
    assert 0 < saved.result["time_to_survive"] < 30
    assert set(saved.result["lost_by_oem"]) == {str(world.hefei_oem.pk), str(world.shanghai_oem.pk)}
    by_oem = saved.result["time_to_survive_by_oem"]
    assert set(by_oem) == set(saved.result["lost_by_oem"])
    assert min(by_oem.values()) >= saved.result["time_to_survive"]


def test_a_scenario_needs_enterprises_or_cities_and_sensible_days(world):
    with pytest.raises(ValidationError) as caught:
        writes.scenario_save(acting_user=world.region, name="", days=0, jurisdiction=jurisdiction("YRD"))
    assert set(caught.value.message_dict) == {"name", "days", "enterprises"}
    assert not Scenario.objects.exists()


def test_only_analysts_of_the_jurisdiction_save_scenarios(world):
    with pytest.raises(PermissionDenied):
        writes.scenario_save(
            acting_user=world.jiangsu, name="x", days=5, jurisdiction=jurisdiction("YRD"), enterprises=[world.cells]
        )
    with pytest.raises(PermissionDenied):
        writes.scenario_save(
            acting_user=world.suzhou_officer,
            name="x",
            days=5,
            jurisdiction=jurisdiction("320000"),
            enterprises=[world.cells],
        )


def test_the_emergency_module_reads_which_enterprises_a_disruption_hits(world):
    hit = {row["enterprise"]: row for row in enterprises_hit(cities=["320400"], days=30)}
    assert hit[world.cells.pk]["stopped"] is True
    assert hit[world.hefei_oem.pk]["vehicles_lost"] > 0 and hit[world.shanghai_oem.pk]["vehicles_lost"] > 0
    assert all(set(row) == {"enterprise", "name", "uscc", "city", "stopped", "vehicles_lost"} for row in hit.values())
    assert enterprises_hit(cities=["999999"]) == []
