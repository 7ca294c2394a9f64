"""What-if drills run allocation on a copy: they report what would be short and change no stock."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.tests.factories import jurisdiction
from yrd.emergency import writes
from yrd.emergency.models import CommitmentPick, Movement
from yrd.emergency.tests import factories as f

TYPHOON = "台风:宁波、舟山转移安置20万人"


def scenario(**changes):
    values = {
        "name": TYPHOON,
        "displaced": {jurisdiction("330200"): 120_000, jurisdiction("330900"): 80_000},
        "days": 3,
        "within_hours": 24,
    }
    return writes.Scenario(**(values | changes))


def test_a_drill_reports_what_200000_displaced_would_lack_and_changes_no_stock(world):
    f.receive(world.nb, world.water, 500_000)
    f.receive(world.sh, world.tent, 30_000)
    f.site_request(f.incident(), {world.tent: 100})
    ledger = list(Movement.objects.values_list("pk", "quantity"))
    drill = writes.drill_run(acting_user=world.coordinator, jurisdiction=jurisdiction("YRD"), scenario=scenario())
    assert list(Movement.objects.values_list("pk", "quantity")) == ledger and not CommitmentPick.objects.exists()
    ningbo = drill.result["cities"]["330200"]
    water = next(row for row in ningbo["items"] if row["item"] == "water-bottle")
    tents = next(row for row in ningbo["items"] if row["item"] == "family-tent")
    # 6 bottles a day for 3 days; 500,000 bottles shared in proportion to the two cities' needs
    assert water == {"item": "water-bottle", "needed": 2_160_000, "allocated": 300_000, "cause": "shared_shortage"}
    assert tents["needed"] == 24_000  # one tent per 5 people
    assert drill.result["short_units"] > 0 and drill.number.startswith("DRL-")


def test_a_drill_is_refused_when_its_numbers_make_no_sense(world):
    with pytest.raises(ValidationError) as refused:
        writes.drill_run(
            acting_user=world.coordinator,
            jurisdiction=jurisdiction("YRD"),
            scenario=scenario(
                displaced={jurisdiction("330000"): 10, jurisdiction("310000", "city"): 30_000_000}, days=0, name=""
            ),
        )
    assert set(refused.value.message_dict) == {"displaced", "days", "name"}
    assert any("Zhejiang is not a city" in m or "浙江省" in m for m in refused.value.message_dict["displaced"])


def test_only_coordinators_run_drills(world):
    with pytest.raises(PermissionDenied):
        writes.drill_run(acting_user=world.sh_operator, jurisdiction=jurisdiction("YRD"), scenario=scenario())
