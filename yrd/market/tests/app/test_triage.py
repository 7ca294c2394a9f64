"""Bulk triage of a backlog: a lead regulator assigns, merges or closes many cases at once; all or nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.actors import SYSTEM
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import make_uscc, person
from yrd.market.models import Case, CaseState
from yrd.market.tests import factories as f
from yrd.market.writes import cases_triage, consolidation_run
from yrd.market.writes.triage import TriageInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def backlog(reference):
    """Three Suzhou cases (Jiangsu leads) and one Hefei case (Anhui leads)."""
    meijia, hongda = make_uscc("320508"), make_uscc("320505")
    f.report(subject_name="苏州美佳食品有限公司", subject_uscc=meijia, category="food_safety", incident_city="320500")
    f.report(subject_name="苏州美佳食品有限公司", subject_uscc=meijia, category="price_fraud", incident_city="330100")
    f.report(
        subject_name="苏州宏达电器有限公司", subject_uscc=hongda, category="product_quality", incident_city="320500"
    )
    f.report(subject_name="合肥华联超市有限公司", category="price_fraud", incident_city="340100")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    suzhou = list(Case.objects.filter(lead_jurisdiction__code="320500").order_by("opened_at", "pk"))
    return suzhou, Case.objects.get(lead_jurisdiction__code="340100")


def test_the_lead_closes_many_cases_with_one_reason(backlog):
    suzhou, _hefei = backlog
    cases_triage(acting_user=f.jiangsu_regulator(), data=TriageInput("close", [c.pk for c in suzhou], "重复举报"))
    assert set(Case.objects.filter(pk__in=[c.pk for c in suzhou]).values_list("state", "outcome")) == {
        (CaseState.CLOSED, Case.Outcome.WITHOUT_EFFECT)
    }


def test_closing_without_a_reason_is_refused_and_changes_nothing(backlog):
    suzhou, _hefei = backlog
    with pytest.raises(ValidationError) as refused:
        cases_triage(acting_user=f.jiangsu_regulator(), data=TriageInput("close", [c.pk for c in suzhou]))
    assert "note" in refused.value.message_dict
    assert not Case.objects.filter(state=CaseState.CLOSED).exists()


def test_one_case_of_another_province_refuses_the_whole_request(backlog):
    suzhou, hefei = backlog
    ids = [c.pk for c in suzhou] + [hefei.pk]
    with pytest.raises(PermissionDenied, match=hefei.number):
        cases_triage(acting_user=f.jiangsu_regulator(), data=TriageInput("close", ids, "积压清理"))
    assert not Case.objects.filter(state=CaseState.CLOSED).exists()


def test_merging_keeps_the_oldest_case_with_every_report_and_regulator(backlog):
    suzhou, _hefei = backlog
    kept, *others = suzhou
    cases_triage(acting_user=f.jiangsu_regulator(), data=TriageInput("merge", [c.pk for c in suzhou], "同一线索"))
    kept.refresh_from_db()
    assert kept.reports.count() == 3 and kept.state == CaseState.OPEN
    assert "330100" in {j.code for j in kept.shared_with.all()}
    for other in others:
        other.refresh_from_db()
        assert (other.state, other.outcome, other.merged_into) == (CaseState.CLOSED, Case.Outcome.MERGED, kept)
    assert AuditEntry.objects.filter(action="market.case.merge").count() == len(others)


def test_cases_go_to_an_officer_of_the_lead_jurisdiction_only(backlog):
    suzhou, _hefei = backlog
    officer, lead = person("market_regulator", "320500", username="sz_officer"), f.jiangsu_regulator()
    cases_triage(acting_user=lead, data=TriageInput("assign", [c.pk for c in suzhou], "", officer.pk))
    assert set(Case.objects.filter(pk__in=[c.pk for c in suzhou]).values_list("assignee", flat=True)) == {officer.pk}
    outsider = person("market_regulator", "340100", username="hf_officer")
    with pytest.raises(ValidationError) as refused:
        cases_triage(acting_user=lead, data=TriageInput("assign", [suzhou[0].pk], "", outsider.pk))
    assert "assignee" in refused.value.message_dict


def test_the_queue_page_triages_for_the_lead_and_refuses_people_without_the_role(client, backlog):
    suzhou, _hefei = backlog
    client.force_login(f.jiangsu_regulator())
    page = client.get("/market/cases/").content.decode()
    assert 'name="cases"' in page and 'value="merge"' in page
    response = client.post("/market/cases/triage/", {"action": "close", "cases": [suzhou[0].pk], "note": "无效线索"})
    assert response.status_code == 302 and Case.objects.get(pk=suzhou[0].pk).state == CaseState.CLOSED
    client.force_login(f.reporter())
    assert (
        client.post("/market/cases/triage/", {"action": "close", "cases": [suzhou[1].pk], "note": "x"}).status_code
        == 403
    )
    assert Case.objects.get(pk=suzhou[1].pk).state == CaseState.OPEN
