"""The report form starts from the latest report that was not returned."""

from datetime import date

from django.urls import reverse

from yrd.plan.models import ProgressReport
from yrd.plan.tests.factories import ReportFactory


def form_on(client, task):
    return client.get(reverse("plan:task", args=[task.pk])).context["report_form"]


def test_the_form_keeps_the_risk_and_percent_of_the_latest_report(client, people, tasks):
    ReportFactory(
        task=tasks.shanghai,
        period_start=date(2025, 8, 1),
        period_end=date(2025, 8, 31),
        percent=60,
        risk_level=ProgressReport.Risk.HIGH,
    )
    client.force_login(people.owner)
    form = form_on(client, tasks.shanghai)
    assert form["risk_level"].value() == "high"
    assert form["percent"].value() == 60
    assert form["period_start"].value() == date(2025, 9, 1)
    assert form["period_end"].value() == date(2025, 9, 30)
    assert (
        '<option value="high" selected>' in client.get(reverse("plan:task", args=[tasks.shanghai.pk])).content.decode()
    )


def test_a_returned_report_is_not_the_starting_point(client, people, tasks):
    ReportFactory(
        task=tasks.shanghai,
        period_start=date(2025, 8, 1),
        period_end=date(2025, 8, 31),
        percent=50,
        risk_level=ProgressReport.Risk.MEDIUM,
        review_state=ProgressReport.Review.ACCEPTED,
    )
    ReportFactory(
        task=tasks.shanghai,
        period_start=date(2025, 9, 1),
        period_end=date(2025, 9, 30),
        percent=90,
        risk_level=ProgressReport.Risk.LOW,
        review_state=ProgressReport.Review.RETURNED,
    )
    client.force_login(people.owner)
    form = form_on(client, tasks.shanghai)
    assert (form["risk_level"].value(), form["percent"].value()) == ("medium", 50)
    assert form["period_start"].value() == date(2025, 9, 1)


def test_without_reports_the_form_starts_at_this_month_and_low_risk(client, people, tasks):
    client.force_login(people.owner)
    form = form_on(client, tasks.shanghai)
    assert form["risk_level"].value() == "low" and form["percent"].value() is None
    assert form["period_start"].value().day == 1
