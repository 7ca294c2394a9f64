"""The case workflow: the lead investigates, decides (published on the public page) and closes; a case closed
without effect is re-opened or escalated by a regulator concerned or by one of its reporters."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.actors import SYSTEM
from yrd.core.errors import Conflict
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case
from yrd.market.tests import factories as f
from yrd.market.writes import case_transition, consolidation_run
from yrd.market.writes.cases import TransitionInput

pytestmark = pytest.mark.django_db
USCC = make_uscc("320508")


@pytest.fixture
def case(reference):
    f.report(subject_name="苏州美佳食品有限公司", subject_uscc=USCC, incident_city="320500", acting_user=f.reporter())
    f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=USCC, incident_city="330100")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return Case.objects.get()


DECISION = TransitionInput(
    outcome="penalty",
    decision_text="罚款五万元",
    legal_basis="《食品安全法》第一百二十四条",
    penalty_cny=50000,
    publish=True,
)


def test_the_lead_regulator_investigates_decides_and_the_decision_is_published_without_reporters(client, case):
    lead = f.jiangsu_regulator()
    case_transition(acting_user=lead, case=case, name="investigate")
    case_transition(acting_user=lead, case=case, name="decide", data=DECISION)
    case_transition(acting_user=lead, case=case, name="close")
    case.refresh_from_db()
    assert (case.state, case.outcome, case.published) == ("closed", "penalty", True)
    page = client.get("/market/decisions/").content.decode()
    assert "罚款五万元" in page and USCC in page and "13800138000" not in page and "张三" not in page


def test_a_regulator_only_concerned_may_not_decide(case):
    case_transition(acting_user=f.jiangsu_regulator(), case=case, name="investigate")
    with pytest.raises(PermissionDenied):
        case_transition(acting_user=f.zhejiang_regulator(), case=case, name="decide", data=DECISION)


def test_a_decision_without_its_legal_basis_is_refused_naming_the_field(case):
    lead = f.jiangsu_regulator()
    case_transition(acting_user=lead, case=case, name="investigate")
    with pytest.raises(ValidationError) as refused:
        case_transition(acting_user=lead, case=case, name="decide", data=TransitionInput(outcome="penalty"))
    assert {"decision_text", "legal_basis", "penalty_cny"} <= set(refused.value.message_dict)


def test_a_transition_from_the_wrong_state_is_a_conflict(case):
    with pytest.raises(Conflict):
        case_transition(acting_user=f.jiangsu_regulator(), case=case, name="close")


def test_a_reporter_reopens_and_escalates_a_case_closed_without_effect(case):
    reporter = case.reports.exclude(reporter=None).get().reporter
    case_transition(
        acting_user=f.jiangsu_regulator(), case=case, name="close_without_effect", data=TransitionInput(note="查无实据")
    )
    case_transition(acting_user=reporter, case=case, name="escalate", data=TransitionInput(note="问题仍在"))
    case.refresh_from_db()
    assert (
        case.state == "open" and case.lead_jurisdiction.code == "320000" and case.lead_jurisdiction.level == "province"
    )
    assert case.shared_with.filter(code="320500").exists()


def test_a_stranger_may_not_reopen(case):
    case_transition(
        acting_user=f.jiangsu_regulator(), case=case, name="close_without_effect", data=TransitionInput(note="x")
    )
    with pytest.raises(PermissionDenied):
        case_transition(acting_user=f.stranger(), case=case, name="reopen", data=TransitionInput(note="y"))


def test_the_case_page_offers_only_what_the_person_may_do(client, case):
    client.force_login(f.zhejiang_regulator())
    page = client.get(f"/market/cases/{case.pk}/").content.decode()
    assert "Start investigating" not in page
    client.force_login(f.jiangsu_regulator())
    assert "Start investigating" in client.get(f"/market/cases/{case.pk}/").content.decode()
