"""Consolidation runs on stored reports: one case per enterprise and category, led by the registration city's
regulator, shared with every city concerned; regulators see only what is routed to or shared with them."""

import io

import pytest
from openpyxl import load_workbook

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case, MatchDecision, Report
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db
USCC = make_uscc("320508")  # registered in Suzhou (姑苏区)


@pytest.fixture
def cross_province(reference):
    """One Suzhou firm reported in Suzhou and in Hangzhou, plus an unrelated Hefei shop."""
    f.report(subject_name="苏州美佳食品有限公司", subject_uscc=USCC, incident_city="320500")
    f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=USCC, incident_city="330100")
    f.report(subject_name="合肥华联超市", category="price_fraud", incident_city="340100")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return Case.objects.get(category="food_safety")


def test_reports_about_one_enterprise_and_category_become_one_cross_province_case(cross_province):
    case = cross_province
    assert case.reports.count() == 2 and Case.objects.count() == 2
    assert case.lead_jurisdiction.code == "320500"
    assert {j.code for j in case.shared_with.all()} == {"330100"}


def test_the_regulators_concerned_see_the_case_and_others_get_403(client, cross_province):
    for regulator, status in ((f.jiangsu_regulator(), 200), (f.zhejiang_regulator(), 200), (f.anhui_regulator(), 403)):
        client.force_login(regulator)
        assert client.get(f"/market/cases/{cross_province.pk}/").status_code == status


def test_the_case_page_masks_the_reporters_contact(client, cross_province):
    client.force_login(f.jiangsu_regulator())
    page = client.get(f"/market/cases/{cross_province.pk}/").content.decode()
    assert "13800138000" not in page and "138****8000" in page and "张三" not in page


def test_the_queue_lists_only_cases_of_ones_jurisdiction(client, cross_province):
    client.force_login(f.anhui_regulator())
    page = client.get("/market/cases/").content.decode()
    assert "合肥华联超市" in page and "美佳" not in page


def test_people_without_a_regulator_role_get_no_queue(client, cross_province):
    client.force_login(f.reporter())
    assert client.get("/market/cases/").status_code == 403
    assert client.get(f"/market/cases/{cross_province.pk}/").status_code == 403
    client.logout()
    assert client.get("/market/cases/").status_code == 302  # to the login page


def test_a_reviewers_split_holds_in_the_next_run(cross_province):
    first, second = cross_province.reports.order_by("pk")
    MatchDecision.objects.create(report_a=first, report_b=second, kind="split", decided_at=first.received_at)
    Report.objects.update(case=None)
    Case.objects.all().delete()
    consolidation_run(acting_user=SYSTEM, mode="batch")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.enterprise_key != second.enterprise_key and first.case != second.case


def test_the_filtered_case_list_exports_as_csv_and_xlsx_with_only_visible_cases(client, cross_province):
    client.force_login(f.anhui_regulator())
    text = client.get("/market/cases/export.csv").content.decode("utf-8-sig")
    assert "合肥华联超市" in text and "美佳" not in text and "13800138000" not in text
    client.force_login(f.jiangsu_regulator())
    response = client.get("/market/cases/export.xlsx?state=open")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:3] == ["number", "enterprise_name", "enterprise_uscc"]
    assert sheet.max_row == 2 and sheet.cell(2, 3).value == USCC
