"""New reports are consolidated in the background after their transaction commits (incremental: known clusters
keep their ids), and join the case of their enterprise."""

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import make_uscc
from yrd.market.models import ConsolidationRun, Report
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db
USCC = make_uscc("320508")


def test_a_new_report_joins_its_enterprises_case_after_commit(reference, django_capture_on_commit_callbacks):
    first = f.report(subject_name="苏州美佳食品有限公司", subject_uscc=USCC)
    consolidation_run(acting_user=SYSTEM, mode="batch")
    first.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        later = f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=USCC, incident_city="310000")
    later.refresh_from_db()
    assert later.enterprise_key == first.enterprise_key and later.case_id == first.case_id
    assert ConsolidationRun.objects.first().mode == "incremental"
    assert later.case.shared_with.filter(code="310000").exists()


def test_an_incremental_run_with_nothing_new_does_nothing(reference):
    f.report()
    consolidation_run(acting_user=SYSTEM, mode="batch")
    assert consolidation_run(acting_user=SYSTEM, mode="incremental") is None
    assert Report.objects.exclude(enterprise_key="").count() == 1
