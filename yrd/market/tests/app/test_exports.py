"""Every list a regulator, reporter or visitor reads exports as CSV and XLSX, holding what the page
shows to that person and nothing more (issue 8: "CSV/XLSX export of any filtered list")."""

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case, ConsolidationRun, ReviewPair
from yrd.market.tests import factories as f
from yrd.market.writes import case_transition, consolidation_run
from yrd.market.writes.cases import TransitionInput

pytestmark = pytest.mark.django_db
USCC = make_uscc("320508")


def test_a_reporter_exports_their_own_reports_only(client, reference):
    mine, theirs = f.reporter("zhang"), f.reporter("li")
    own = f.report(subject_name="苏州美佳食品有限公司", incident_city="320500", acting_user=mine)
    f.report(subject_name="杭州别家超市", incident_city="330100", acting_user=theirs)
    client.force_login(mine)
    text = client.get("/market/my-reports/export.csv").content.decode("utf-8-sig")
    assert own.receipt in text and "美佳" in text and "别家" not in text and "13800138000" not in text
    sheet = load_workbook(io.BytesIO(client.get("/market/my-reports/export.xlsx").content)).active
    assert [c.value for c in sheet[1]] == ["receipt", "received_at", "subject_name", "category", "city", "status"]
    assert sheet.max_row == 2


def test_signed_out_visitors_have_no_report_list_to_export(client, reference):
    assert client.get("/market/my-reports/export.csv").status_code == 302


def test_published_decisions_export_for_anyone_without_reporters(client, reference):
    f.report(subject_name="苏州美佳食品有限公司", subject_uscc=USCC, incident_city="320500", acting_user=f.reporter())
    consolidation_run(acting_user=SYSTEM, mode="batch")
    case, lead = Case.objects.get(), f.jiangsu_regulator()
    case_transition(acting_user=lead, case=case, name="investigate")
    decision = TransitionInput(
        outcome="penalty", decision_text="罚款五万元", legal_basis="食品安全法", penalty_cny=50000, publish=True
    )
    case_transition(acting_user=lead, case=case, name="decide", data=decision)
    text = client.get("/market/decisions/export.csv").content.decode("utf-8-sig")
    assert "罚款五万元" in text and USCC in text and "13800138000" not in text


def test_a_formula_typed_by_the_public_cannot_run_in_the_officials_spreadsheet(client, reference):
    f.report(subject_name='=HYPERLINK("http://evil.example")', incident_city="320500")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    client.force_login(f.jiangsu_regulator())
    text = client.get("/market/cases/export.csv").content.decode("utf-8-sig")
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text and "HYPERLINK" in text


@pytest.fixture
def pair(reference):
    a = f.report(subject_name="苏州美佳食品有限公司", incident_city="320500")
    b = f.report(subject_name="美家食品店", incident_city="320500", reporter_phone="13900139000")
    run = ConsolidationRun.objects.create(
        mode="batch", started_at=timezone.now(), finished_at=timezone.now(), reports=2, enterprises=2,
        review_pairs=1, model={},
    )  # fmt: skip
    reasons = [{"feature": "trade_name", "level": "same sound (pinyin)", "weight": 9.7}]
    return ReviewPair.objects.create(
        report_a=a, report_b=b, match_weight=1.2, match_probability=0.7, linked=False, reasons=reasons, run=run
    )


def test_the_review_queue_exports_for_reviewers_only(client, pair):
    client.force_login(f.jiangsu_regulator())
    text = client.get("/market/review/export.csv").content.decode("utf-8-sig")
    assert pair.report_a.receipt in text and pair.report_b.receipt in text and "0.7" in text
    assert "13900139000" not in text
    client.force_login(f.reporter())
    assert client.get("/market/review/export.csv").status_code == 403


def test_an_unknown_format_is_a_404(client, reference):
    assert client.get("/market/decisions/export.pdf").status_code == 404
