"""Every list of the plan comes in pages and can be filtered (issue 6: "My reports" for a task owner
was 351 rows on one page). The filters travel with the page links."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from yrd.plan import writes
from yrd.plan.models import ProgressReport
from yrd.plan.tests.factories import MilestoneFactory, ReportFactory, TaskFactory, area
from yrd.plan.views.common import PER_PAGE

EXTRA = 7  # items on the second page


def _month(n):
    return date(2020 + n // 12, n % 12 + 1, 1)


@pytest.fixture
def many_reports(people, tasks):
    """PER_PAGE + EXTRA reports by the Shanghai owner: every fourth accepted, the rest awaiting."""
    now = timezone.now()
    for n in range(PER_PAGE + EXTRA):
        start = _month(n)
        ReportFactory(
            task=tasks.shanghai,
            submitted_by=people.owner,
            submitted_at=now - timedelta(hours=n),
            period_start=start,
            period_end=start + timedelta(days=27),
            review_state="accepted" if n % 4 == 0 else "submitted",
        )


def test_my_reports_come_in_pages(client, people, many_reports):
    client.force_login(people.owner)
    first = client.get(reverse("plan:my-reports"))
    assert len(first.context["reports"]) == PER_PAGE
    text = first.content.decode()
    assert f"{PER_PAGE + EXTRA} reports" in text and "?page=2" in text
    assert len(client.get(reverse("plan:my-reports"), {"page": 2}).context["reports"]) == EXTRA
    assert len(client.get(reverse("plan:my-reports"), {"page": "999"}).context["reports"]) == EXTRA  # the last


def test_my_reports_filter_by_review_state_and_task_and_keep_the_filter_on_the_page_links(
    client, people, tasks, many_reports
):
    client.force_login(people.owner)
    accepted = client.get(reverse("plan:my-reports"), {"state": "accepted"})
    states = {r.review_state for r in accepted.context["reports"]}
    assert states == {"accepted"} and len(accepted.context["reports"]) == (PER_PAGE + EXTRA + 3) // 4
    same_task = client.get(reverse("plan:my-reports"), {"q": "3.01"}).content.decode()
    assert "q=3.01&amp;page=2" in same_task
    assert client.get(reverse("plan:my-reports"), {"q": "任务9.99"}).context["reports"] == []


def test_the_review_queue_comes_in_pages_and_filters_by_area_and_place(client, people, tasks):
    for n in range(PER_PAGE + EXTRA):
        start = _month(n)
        ReportFactory(task=tasks.jiangsu, period_start=start, period_end=start + timedelta(days=27))
    ReportFactory(task=tasks.zhejiang)
    client.force_login(people.region)
    url = reverse("plan:reviews")
    assert len(client.get(url).context["reports"]) == PER_PAGE
    assert len(client.get(url, {"page": 2}).context["reports"]) == EXTRA + 1
    assert [r.task.code for r in client.get(url, {"jurisdiction": "330000"}).context["reports"]] == ["1.02"]
    assert len(client.get(url, {"area": "3"}).context["reports"]) == 0


def test_the_task_list_comes_in_pages_with_its_filters_on_the_links(client, people, plan):
    for n in range(PER_PAGE + EXTRA):
        TaskFactory(code=f"5.{n:03d}", area=area(5, plan), leads=["320000"])
    client.force_login(people.region)
    first = client.get(reverse("plan:tasks"), {"area": "5"})
    assert len(first.context["rows"]) == PER_PAGE
    assert f"{PER_PAGE + EXTRA} tasks" in first.content.decode()
    assert "area=5&amp;page=2" in first.content.decode()
    assert len(client.get(reverse("plan:tasks"), {"area": "5", "page": 2}).context["rows"]) == EXTRA


def test_the_attention_list_filters_by_status(client, people, tasks):
    today = timezone.localdate()
    MilestoneFactory(task=tasks.jiangsu, due_date=today - timedelta(days=5))
    client.force_login(people.region)
    url = reverse("plan:attention")
    everything = {t.code for t in client.get(url).context["rows"]}
    late = client.get(url, {"status": "milestone_overdue"}).context["rows"]
    assert {t.code for t in late} == {"1.01"} and len(everything) > 1


def test_the_transparency_list_filters_by_status_and_text_and_comes_in_pages(client, plan):
    for n in range(PER_PAGE + EXTRA):
        TaskFactory(code=f"6.{n:03d}", area=area(6, plan), title_en=f"Green task {n}")
    TaskFactory(code="7.001", area=area(7, plan), title_en="Culture", start=date(2099, 1, 1), end=date(2099, 12, 31))
    page = client.get(reverse("plan:public"), headers={"Accept-Language": "en"})
    assert len(page.context["shown"]) == PER_PAGE
    assert [t.code for t in client.get(reverse("plan:public"), {"q": "Culture"}).context["shown"]] == ["7.001"]
    assert [t.code for t in client.get(reverse("plan:public"), {"status": "not_started"}).context["shown"]] == ["7.001"]


def test_baselines_come_in_pages_and_filter_by_name(client, people, plan):
    for n in range(PER_PAGE + 2):
        writes.baseline_freeze(acting_user=people.region, plan=plan, name=f"Baseline {n}")
    writes.baseline_freeze(acting_user=people.region, plan=plan, name="Mid-term review")
    client.force_login(people.region)
    assert len(client.get(reverse("plan:baselines")).context["baselines"]) == PER_PAGE
    found = client.get(reverse("plan:baselines"), {"q": "mid-term"}).context["baselines"]
    assert [item["baseline"].name for item in found] == ["Mid-term review"]


def test_no_report_list_loads_the_state_it_does_not_show(client, people, many_reports):
    client.force_login(people.owner)
    returned = client.get(reverse("plan:my-reports"), {"state": "returned"})
    assert returned.status_code == 200 and list(returned.context["reports"]) == []
    assert ProgressReport.objects.filter(review_state="returned").count() == 0
