"""The overview offers every quarterly report from the plan's start to the last ended quarter."""

from datetime import date

from django.urls import reverse

from yrd.plan.pdf import quarters_between


def test_quarters_run_from_the_plan_start_to_the_last_ended_quarter():
    assert quarters_between(date(2024, 1, 1), (2024, 3)) == [(2024, 3), (2024, 2), (2024, 1)]
    assert quarters_between(date(2024, 1, 1), (2025, 1))[:2] == [(2025, 1), (2024, 4)]
    assert quarters_between(date(2024, 1, 1), (2023, 4)) == []


def test_the_overview_links_earlier_quarters_for_coordinators(client, people, tasks):
    client.force_login(people.region)
    page = client.get(reverse("plan:overview")).content.decode()
    assert 'id="quarterly-reports"' in page
    assert reverse("plan:quarterly-pdf", args=[2024, 1]) in page
    client.force_login(people.owner)
    assert 'id="quarterly-reports"' not in client.get(reverse("plan:overview")).content.decode()
