"""A reporter's contact: masked everywhere; shown in full only to the regulator leading the case, on request,
and each look is audited without the values."""

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(reference):
    uscc = make_uscc("320508")
    f.report(
        subject_name="苏州美佳食品有限公司", subject_uscc=uscc, incident_city="320500", reporter_email="z@example.com"
    )
    f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=uscc, incident_city="330100")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return Case.objects.get()


def url(case):
    return f"/market/cases/{case.pk}/reports/{case.reports.order_by('pk').first().pk}/contact/"


def test_the_lead_regulator_sees_the_contact_on_request_and_the_look_is_audited(client, case):
    client.force_login(f.jiangsu_regulator())
    assert "13800138000" not in client.get(f"/market/cases/{case.pk}/").content.decode()
    page = client.post(url(case), {"reason": "回访核实"}).content.decode()
    assert "13800138000" in page and "张三" in page and "z@example.com" in page
    entry = AuditEntry.objects.get(action="market.report.reveal")
    assert entry.data["fields"] == ["reporter_name", "reporter_phone", "reporter_email"]
    assert "13800138000" not in str(entry.data) and entry.data["reason"] == "回访核实"


def test_a_regulator_the_case_is_only_shared_with_is_refused(client, case):
    client.force_login(f.zhejiang_regulator())
    response = client.post(url(case))
    assert response.status_code == 403 and "13800138000" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="market.report.reveal").exists()


def test_reporters_strangers_and_feeds_never_see_it(client, case):
    for user in (f.reporter(), f.jiangsu_feed()):
        client.force_login(user)
        assert client.post(url(case)).status_code == 403
    client.logout()
    assert client.post(url(case)).status_code == 302


def test_only_the_lead_gets_the_button(client, case):
    client.force_login(f.jiangsu_regulator())
    assert url(case) in client.get(f"/market/cases/{case.pk}/").content.decode()
    client.force_login(f.zhejiang_regulator())
    assert "/contact/" not in client.get(f"/market/cases/{case.pk}/").content.decode()
