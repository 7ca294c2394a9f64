"""Who hears of a case: the regulators it is routed to or shared with, the signed-in reporters when it moves on
(never the regulators' note, never another reporter), an officer put in charge; each in their own language."""

import pytest
from django.core import mail

from yrd.core.actors import SYSTEM
from yrd.core.models import Notification
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case
from yrd.market.tests import factories as f
from yrd.market.writes import case_transition, consolidation_run
from yrd.market.writes.cases import TransitionInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(reference):
    found = {
        "js": f.jiangsu_regulator(),
        "zj": f.zhejiang_regulator(),
        "ah": f.anhui_regulator(),
        "me": f.reporter("me"),
        "other": f.reporter("other"),
    }
    for user in found.values():
        user.language = "en"
        user.save()
    return found


@pytest.fixture
def case(people):
    uscc = make_uscc("320508")
    f.report(acting_user=people["me"], subject_name="苏州美佳食品有限公司", subject_uscc=uscc, incident_city="320500")
    f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=uscc, incident_city="330100")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return Case.objects.get()


def inbox(user):
    return list(Notification.objects.filter(recipient=user).values_list("subject", flat=True))


def test_the_lead_and_the_shared_regulators_hear_of_a_new_case_and_nobody_else(people, case):
    assert any("routed to you" in s for s in inbox(people["js"]))
    assert any("shared with you" in s for s in inbox(people["zj"]))
    assert inbox(people["ah"]) == [] and inbox(people["other"]) == []


def test_the_reporter_hears_each_step_without_the_regulators_note(people, case, django_capture_on_commit_callbacks):
    people["me"].email = "me@example.com"
    people["me"].save()
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(
            acting_user=people["js"], case=case, name="investigate", data=TransitionInput(note="内部：现场检查")
        )
    mine = Notification.objects.get(recipient=people["me"])
    assert "is being investigated" in mine.subject and "现场检查" not in mine.body
    assert mine.url == "/market/my-reports/" and any(case.number in m.subject for m in mail.outbox)
    assert inbox(people["other"]) == []


def test_the_other_regulators_concerned_hear_a_step_the_lead_takes_but_not_the_lead_itself(people, case):
    Notification.objects.all().delete()
    case_transition(
        acting_user=people["js"], case=case, name="close_without_effect", data=TransitionInput(note="查无实据")
    )
    assert any("closed without effect" in s for s in inbox(people["zj"]))
    assert inbox(people["js"]) == []


def test_a_reporter_who_reads_chinese_gets_the_notice_in_chinese(people, case):
    people["me"].language = "zh-hans"
    people["me"].save()
    case_transition(acting_user=people["js"], case=case, name="investigate")
    assert any("正在调查" in s for s in inbox(people["me"])), inbox(people["me"])
