"""The figures the module publishes for the plan tracker (area 4, task 4.01), demo data left out."""

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.registry import registry
from yrd.market.models import Report
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db


def figure(code):
    return registry.stat(code)[1]()


def test_the_plan_tracker_shows_reports_cases_decided_and_cross_province_cases(reference):
    assert "market.reports_received" in registry.stats_for_plan_task("4.01")
    f.report(incident_city="320500")
    f.report(incident_city="330100")
    demo = f.report(subject_name="演示企业有限公司")
    Report.objects.filter(pk=demo.pk).update(is_demo=True)
    consolidation_run(acting_user=SYSTEM, mode="batch")
    assert figure("market.reports_received") == 2
    assert figure("market.cross_province_cases") == 1
    assert figure("market.cases_decided") == 0
