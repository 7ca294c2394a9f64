"""Reports through the web form and province feeds: receipts, own reports only, all-or-nothing idempotent feeds."""

import pytest
from django.core.exceptions import ValidationError

from yrd.core.models import AuditEntry
from yrd.market.models import Report
from yrd.market.tests import factories as f

pytestmark = pytest.mark.django_db


def form(**fields):
    data = {"subject_name": "苏州美佳食品有限公司", "category": "food_safety", "incident_city": "320500",
            "description": "出售过期食品", "reporter_phone": "13800138000"}  # fmt: skip
    data.update(fields)
    return data


def test_anyone_may_report_and_gets_a_receipt_number(client, reference):
    response = client.post("/market/report/", form())
    report = Report.objects.get()
    assert response.status_code == 201 and report.receipt in response.content.decode()
    assert report.reporter is None and report.uscc_status == "missing"


def test_a_mistyped_uscc_is_kept_and_flagged_not_refused(client, reference):
    client.post("/market/report/", form(subject_uscc="91320594MA1MXXXX1X"))
    assert Report.objects.get().uscc_status == "invalid"


def test_a_bad_form_says_which_field_and_writes_nothing(client, reference):
    response = client.post("/market/report/", form(incident_city="110000", description=""))
    assert response.status_code == 400 and not Report.objects.exists()


def test_the_receipt_shows_the_status_to_whoever_holds_it_and_nothing_else(client, reference):
    report = f.report()
    page = client.get("/market/report/status/", {"receipt": report.receipt}).content.decode()
    assert "苏州美佳食品有限公司" in page and "13800138000" not in page and "张三" not in page
    assert "No report has this receipt number." in client.get("/market/report/status/?receipt=MV-XXXX").content.decode()


def test_a_signed_in_reporter_sees_their_own_reports_only(client, reference):
    mine, theirs = f.reporter("me"), f.reporter("them")
    f.report(acting_user=mine, subject_name="我的举报对象有限公司")
    f.report(acting_user=theirs, subject_name="别人的举报对象有限公司")
    client.force_login(mine)
    page = client.get("/market/my-reports/").content.decode()
    assert "我的举报对象有限公司" in page and "别人的举报对象有限公司" not in page


def test_the_audit_log_never_holds_the_reporters_contact(reference):
    f.report()
    entry = AuditEntry.objects.get(action="market.report.submit")
    assert "13800138000" not in str(entry.data) and "张三" not in str(entry.data)


def test_a_feed_sent_twice_changes_nothing_the_second_time(reference):
    feed = f.jiangsu_feed()
    records = [f.report_input(external_id="JS-1"), f.report_input(external_id="JS-2", incident_city="320100")]
    assert len(f.feed(feed, records)) == 2
    assert f.feed(feed, records) == []
    assert Report.objects.filter(channel="feed").count() == 2


def test_a_feed_with_bad_records_is_rejected_whole_with_every_problem_listed(reference):
    feed = f.jiangsu_feed()
    records = [
        f.report_input(external_id="JS-1"),
        f.report_input(external_id="JS-2", category="spam"),
        f.report_input(external_id="JS-1"),
        f.report_input(external_id="JS-4", incident_city="330100"),
    ]
    with pytest.raises(ValidationError) as rejected:
        f.feed(feed, records)
    assert set(rejected.value.message_dict) == {
        "records[1].category",
        "records[2].external_id",
        "records[3].incident_city",
    }
    assert not Report.objects.exists()
