"""The demo loads, is marked demo, lies in the past, shows weak points and twice changes nothing."""

import pytest
from django.utils import timezone

from yrd.industry import demo, selectors
from yrd.industry.models import DataCentre, Enterprise, Need, PueReading, Scenario, SupplyRelation

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_marked_and_in_the_past(taxonomy):
    logins = demo.load_demo()
    assert [login for login, *_ in logins] == ["industry_oem", "industry_js", "industry_region", "industry_planner"]
    counts = (Enterprise.objects.count(), SupplyRelation.objects.count(), DataCentre.objects.count())
    demo.load_demo()
    assert (Enterprise.objects.count(), SupplyRelation.objects.count(), DataCentre.objects.count()) == counts
    assert not Enterprise.objects.filter(is_demo=False).exists()
    assert all(e.organisation.name_zh.endswith("（演示）") for e in Enterprise.objects.select_related("organisation"))
    today = timezone.localdate()
    assert all(n.needed_by <= today for n in Need.objects.all())
    assert all(r.month < today for r in PueReading.objects.all())
    scenario = Scenario.objects.get()
    assert scenario.is_demo and scenario.result["total_lost"] > 0


def test_the_demo_shows_the_weak_points_it_was_built_with(taxonomy):
    from yrd.core.actors import SYSTEM

    demo.load_demo()
    found = selectors.weak_points(SYSTEM)
    single = {(c.organisation.name_en, comp) for c, comp, _s in found["single_sources"]}
    assert ("Ningbo Demo Auto Co. (demo)", "battery-pack") in single
    assert found["articulation"]  # the lithium supplier holds the materials side together
