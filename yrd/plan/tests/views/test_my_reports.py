""" "My reports": a task owner's own reports, newest first; a returned one leads to a revision."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from yrd.core.tests.factories import person
from yrd.plan.models import ProgressReport
from yrd.plan.tests.factories import ReportFactory

URL = reverse("plan:my-reports")


def test_the_owner_sees_only_their_own_reports_newest_first(client, people, tasks):
    now = timezone.now()
    older = ReportFactory(
        task=tasks.shanghai,
        submitted_by=people.owner,
        submitted_at=now - timedelta(days=30),
        period_start=date(2025, 7, 1),
        period_end=date(2025, 7, 31),
    )
    newer = ReportFactory(
        task=tasks.shanghai,
        submitted_by=people.owner,
        submitted_at=now,
        period_start=date(2025, 8, 1),
        period_end=date(2025, 8, 31),
        review_state=ProgressReport.Review.ACCEPTED,
    )
    colleague = person("task_owner", "310000", username="colleague")
    ReportFactory(
        task=tasks.shanghai, submitted_by=colleague, period_start=date(2025, 9, 1), period_end=date(2025, 9, 30)
    )
    # Their own report on a task they may no longer read is left out too.
    ReportFactory(task=tasks.jiangsu, submitted_by=people.owner)
    client.force_login(people.owner)
    response = client.get(URL)
    assert response.status_code == 200
    assert [r.pk for r in response.context["reports"]] == [newer.pk, older.pk]
    text = response.content.decode()
    assert f'href="{URL}"' in text and 'aria-current="page">My reports' in text
    assert "Accepted" in text and "Awaiting review" in text


def test_a_returned_report_links_to_a_prefilled_form(client, people, tasks):
    returned = ReportFactory(
        task=tasks.shanghai,
        submitted_by=people.owner,
        period_start=date(2025, 5, 1),
        period_end=date(2025, 5, 31),
        percent=35,
        risk_level=ProgressReport.Risk.MEDIUM,
        review_state=ProgressReport.Review.RETURNED,
        review_comment="Attach the tender notice.",
        reviewed_by=people.region,
        reviewed_at=timezone.now(),
    )
    ReportFactory(
        task=tasks.shanghai,
        submitted_by=people.owner,
        period_start=date(2025, 8, 1),
        period_end=date(2025, 8, 31),
        review_state=ProgressReport.Review.ACCEPTED,
    )
    client.force_login(people.owner)
    page = client.get(URL).content.decode()
    link = f"{reverse('plan:task', args=[tasks.shanghai.pk])}?period=2025-05-01#report"
    assert "needs-revision" in page and "Attach the tender notice." in page
    assert f'href="{link}"' in page and "Submit a revised report" in page

    response = client.get(link.split("#")[0])
    form = response.context["report_form"]
    assert form.revising == returned
    assert form["period_start"].value() == date(2025, 5, 1)
    assert form["period_end"].value() == date(2025, 5, 31)
    assert (form["percent"].value(), form["risk_level"].value()) == (35, "medium")
    assert "Attach the tender notice." in response.content.decode()


def test_a_revised_report_no_longer_asks_for_revision(client, people, tasks):
    ReportFactory(
        task=tasks.shanghai,
        submitted_by=people.owner,
        period_start=date(2025, 5, 1),
        period_end=date(2025, 5, 31),
        review_state=ProgressReport.Review.RETURNED,
    )
    ReportFactory(
        task=tasks.shanghai, submitted_by=people.owner, period_start=date(2025, 5, 1), period_end=date(2025, 5, 31)
    )
    client.force_login(people.owner)
    page = client.get(URL).content.decode()
    assert "Submit a revised report" not in page and "needs-revision" not in page


def test_a_period_without_a_returned_report_prefills_that_month(client, people, tasks):
    client.force_login(people.owner)
    url = reverse("plan:task", args=[tasks.shanghai.pk])
    form = client.get(url, {"period": "2025-04-15"}).context["report_form"]
    assert form.revising is None
    assert (form["period_start"].value(), form["period_end"].value()) == (date(2025, 4, 1), date(2025, 4, 30))
    assert client.get(url, {"period": "nonsense"}).status_code == 200


def test_a_stranger_gets_the_no_access_page(client, people, tasks):
    client.force_login(people.stranger)
    response = client.get(URL)
    assert response.status_code == 200
    assert "plan/no_access.html" in [t.name for t in response.templates]
    assert "You have no role in the plan tracker yet" in response.content.decode()


def test_a_coordinator_has_no_tab_and_an_explanation(client, people, tasks):
    client.force_login(people.region)
    assert f'href="{URL}"' not in client.get(reverse("plan:overview")).content.decode()
    response = client.get(URL)
    assert response.status_code == 200 and response.context["reports"] == []


def test_the_page_needs_a_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]
