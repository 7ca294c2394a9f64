"""What the green module holds about a person (core.personal's `personal_data` hook): the emissions
accounts they submitted or reviewed and the planning scenarios they ran."""

from django.utils.translation import gettext_lazy as _

from yrd.core.personal.subject import section
from yrd.green.models import ReportingPeriod, Scenario

PERIOD = ("site", "year", "month", "state", "submitted_at", "reviewed_at")


def personal_data(user) -> list[dict]:
    return [
        section(_("Emissions accounts you submitted"), ReportingPeriod.objects.filter(submitted_by=user), PERIOD),
        section(_("Emissions accounts you reviewed"), ReportingPeriod.objects.filter(reviewed_by=user), PERIOD),
        section(_("Scenarios you ran"), Scenario.objects.filter(created_by=user), ("name", "created_at", "status")),
    ]
