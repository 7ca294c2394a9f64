"""The quarterly PDF: coordinators only, the state at the quarter's end, offline, CJK fonts."""

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from yrd.plan.pdf import quarter_bounds, quarterly_context, refuse_fetch
from yrd.plan.status import Status
from yrd.plan.tests.factories import MilestoneFactory, ReportFactory

URL = "/plan/quarterly/2025-q3.pdf"


def test_quarters_have_the_right_bounds():
    assert quarter_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        quarter_bounds(2026, 5)


def test_a_coordinator_gets_a_pdf(client, people, tasks, progress):
    client.force_login(people["coordinator"])
    response = client.get(URL)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF")


@pytest.mark.parametrize("user", ["owner", "stranger"])
def test_others_are_refused(client, people, plan, user):
    client.force_login(people[user])
    assert client.get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client, plan):
    assert client.get(URL).status_code == 302


def test_a_quarter_that_does_not_exist_is_not_found(client, people):
    client.force_login(people["coordinator"])
    assert client.get("/plan/quarterly/2025-q5.pdf").status_code == 404


def test_the_report_shows_the_state_at_the_end_of_the_quarter(people, tasks):
    j, z = tasks["J"], tasks["Z"]
    ReportFactory(
        task=j, period_start=date(2025, 8, 1), period_end=date(2025, 8, 31), percent=30, risk_level="high", is_demo=True
    )
    ReportFactory(task=j, period_start=date(2025, 11, 1), period_end=date(2025, 11, 30), percent=90)
    MilestoneFactory(task=z, due_date=date(2025, 9, 1), done_date=date(2025, 10, 15))
    context = quarterly_context(people["coordinator"], 2025, 3, today=date(2026, 1, 10))
    rows = {t.code: t for t in context["rows"]}
    assert (rows["1.01"].quarter_percent, rows["1.01"].quarter_risk) == (30, "high")  # not Nov.
    assert rows["1.01"].status == Status.AT_RISK
    # its milestone was done only after the quarter (issue 6: a late milestone, not a late task)
    assert rows["1.02"].status == Status.MILESTONE_OVERDUE
    assert rows["1.02"].quarter_percent is None
    assert context["demo_reports"] == 1
    # milestone overdue first, then at risk (2.01 has never reported, two thirds into its time)
    assert [t.code for t in context["attention"]] == ["1.02", "1.01", "2.01"]


def test_a_province_coordinator_sees_only_their_tasks(people, tasks):
    context = quarterly_context(people["jiangsu"], 2025, 3)
    assert sorted(t.code for t in context["rows"]) == ["1.01", "2.01"]


def test_the_html_asks_for_the_cjk_font_and_no_url(people, tasks):
    from yrd.plan.pdf import render_quarterly_html

    with translation.override("zh-hans"):
        html = render_quarterly_html(people["coordinator"], 2025, 3)
    assert 'lang="zh-CN"' in html and "Noto Sans CJK SC" in html
    assert "http://" not in html and "https://" not in html and "src=" not in html


def test_weasyprint_is_never_allowed_to_fetch():
    with pytest.raises(Exception, match="refused"):
        refuse_fetch("https://example.com/logo.png")


def test_the_command_writes_the_pdf(people, tasks, tmp_path):
    target = tmp_path / "out.pdf"
    call_command("plan_quarterly_pdf", year=2025, quarter=3, user="coordinator", output=target, language="en")
    assert target.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError):
        call_command("plan_quarterly_pdf", year=2025, quarter=3, user="owner_32", output=target)


def _html(user, language="en"):
    from yrd.plan.pdf import render_quarterly_html

    with translation.override(language):
        return render_quarterly_html(user, 2025, 3, today=date(2026, 1, 10))


def test_a_province_coordinators_report_says_it_covers_only_that_province(people, tasks):
    jiangsu = _html(people["jiangsu"])
    assert "covers only the tasks led or co-led in Jiangsu" in jiangsu
    assert "江苏" in _html(people["jiangsu"], "zh-hans")
    assert "covers the whole region" in _html(people["coordinator"])


def test_a_task_at_100_percent_with_milestones_open_says_so_instead_of_looking_on_track(people, tasks):
    ReportFactory(task=tasks["J"], period_start=date(2025, 9, 1), period_end=date(2025, 9, 30), percent=100)
    MilestoneFactory(task=tasks["J"], due_date=date(2026, 6, 30), title_en="Acceptance")
    context = quarterly_context(people["coordinator"], 2025, 3, today=date(2026, 1, 10))
    (row,) = [t for t in context["rows"] if t.code == "1.01"]
    assert row.status != Status.DONE and row.awaiting_closure
    assert "100% reported; 1 milestone still open" in _html(people["coordinator"])


def test_the_report_lists_tasks_in_plan_order_with_unstated_areas_last(people, tasks):
    from yrd.plan.tests.factories import TaskFactory

    TaskFactory(code="U.01", area=None, leads=["320000"])
    codes = [t.code for t in quarterly_context(people["coordinator"], 2025, 3)["rows"]]
    assert codes == sorted(codes[:-1]) + ["U.01"]
