"""Plan task 4.02, the case notification and collection system for violations of the market-access negative
list: a penalty decision may name the entry violated; every province's regulators are notified, the decision
page shows it, and the plan tracker counts these cases (demo cases left out)."""

import pytest
from django.core.exceptions import ValidationError

from yrd.core.actors import SYSTEM
from yrd.core.models import Notification
from yrd.core.registry import registry
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case
from yrd.market.reference import load_reference
from yrd.market.tests import factories as f
from yrd.market.writes import case_transition, consolidation_run
from yrd.market.writes.cases import TransitionInput

pytestmark = pytest.mark.django_db


def decision(entry):
    return TransitionInput(outcome="penalty", decision_text="责令停止经营，罚款十万元", legal_basis="《快递暂行条例》",
                           penalty_cny=100000, publish=True, negative_list_entry=entry)  # fmt: skip


@pytest.fixture
def case(reference):
    load_reference()
    f.report(subject_name="苏州飞速快递有限公司", subject_uscc=make_uscc("320508"), category="unlicensed_operation")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    case = Case.objects.get()
    case_transition(acting_user=SYSTEM, case=case, name="investigate")
    return case


def test_a_decided_negative_list_case_is_notified_to_every_province_and_counted(client, case):
    anhui = f.anhui_regulator()
    assert registry.stats_for_plan_task("4.02") == ["market.negative_list_cases"]
    case_transition(acting_user=f.jiangsu_regulator(), case=case, name="decide", data=decision("YRD-N12"))
    assert registry.stat("market.negative_list_cases")[1]() == 1
    assert Notification.objects.filter(recipient=anhui, subject__contains="YRD-N12").exists()
    assert "YRD-N12" in client.get("/market/decisions/").content.decode()


def test_an_unknown_entry_is_refused_and_nothing_is_decided(case):
    with pytest.raises(ValidationError) as refused:
        case_transition(acting_user=f.jiangsu_regulator(), case=case, name="decide", data=decision("NO-SUCH"))
    assert "negative_list_entry" in refused.value.message_dict
    case.refresh_from_db()
    assert case.state == "investigating" and case.negative_list_entry == ""


def test_demo_cases_are_not_counted(case):
    Case.objects.update(is_demo=True)
    case_transition(acting_user=SYSTEM, case=case, name="decide", data=decision("YRD-N12"))
    assert registry.stat("market.negative_list_cases")[1]() == 0
