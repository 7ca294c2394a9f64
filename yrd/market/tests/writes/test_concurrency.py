"""Consolidation runs and case steps that happen at the same moment, on separate database connections: the
reports still form one case per enterprise and category, routed once to each city concerned, and one case step
wins while the other is told. PostgreSQL only (SQLite serialises writers by itself); run with DATABASE_URL."""

import threading

import pytest
from django.db import connection, connections

from yrd.core.actors import SYSTEM
from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case, CaseEvent, ConsolidationRun, Report
from yrd.market.tests import factories as f
from yrd.market.writes import case_transition, consolidation_run

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]
WORKERS = 3


def in_parallel(call, workers=WORKERS) -> list:
    """Run `call` in `workers` threads released together; each result or the exception it raised."""
    start, results = threading.Barrier(workers), [None] * workers

    def worker(n):
        try:
            start.wait()
            results[n] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each worker got
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def reports(reference, monkeypatch):
    """One Suzhou firm reported in four cities of three provinces, and a Hefei shop; nothing consolidated yet."""
    monkeypatch.setattr("yrd.market.writes.reports.run_after_commit", lambda *a, **k: None)
    uscc = make_uscc("320508")
    for city in ("320500", "320100", "330100", "310000"):
        f.report(subject_name="苏州美佳食品有限公司", subject_uscc=uscc, incident_city=city)
    f.report(subject_name="合肥华联超市", category="price_fraud", incident_city="340100")


def test_parallel_runs_open_one_case_per_enterprise_and_route_each_city_once(reports):
    results = in_parallel(lambda: consolidation_run(acting_user=SYSTEM, mode="incremental"))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Case.objects.count() == 2
    case = Case.objects.get(category="food_safety")
    assert case.reports.count() == 4 and case.lead_jurisdiction.code == "320500"
    assert sorted(case.shared_with.values_list("code", flat=True)) == ["310000", "320100", "330100"]
    assert CaseEvent.objects.filter(case=case, kind="shared").count() == 3
    assert AuditEntry.objects.filter(action="market.case.open").count() == 2
    assert not Report.objects.filter(case=None).exists()
    assert ConsolidationRun.objects.count() == 1  # the later runs found the reports already placed


def test_a_new_report_consolidated_while_a_run_is_going_joins_the_same_case(reports):
    uscc = Report.objects.exclude(subject_uscc="").first().subject_uscc
    turns = iter(range(WORKERS))

    def arrive_or_run():
        if next(turns) == 0:
            f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=uscc, incident_city="340100")
        return consolidation_run(acting_user=SYSTEM, mode="incremental")

    in_parallel(arrive_or_run)
    consolidation_run(acting_user=SYSTEM, mode="incremental")  # the job the late report's commit queues
    assert Case.objects.filter(category="food_safety").count() == 1
    assert Case.objects.get(category="food_safety").reports.count() == 5


def test_two_regulators_take_the_same_step_and_one_is_told_it_is_done(reports):
    consolidation_run(acting_user=SYSTEM, mode="batch")
    case = Case.objects.get(category="food_safety")
    leads = [f.jiangsu_regulator(), f.market_admin()]
    results = in_parallel(lambda: case_transition(acting_user=leads.pop(), case=case, name="investigate"), workers=2)
    assert sorted(type(r).__name__ for r in results) == ["Case", "Conflict"]
    assert isinstance(next(r for r in results if not isinstance(r, Case)), Conflict)
    assert CaseEvent.objects.filter(case=case, kind="investigate").count() == 1
