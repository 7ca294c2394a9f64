"""What the market module holds about a person (core.personal's `personal_data` hook): the violation
reports they made while signed in, with their evidence files' names."""

from django.utils.translation import gettext_lazy as _

from yrd.core.personal.subject import section
from yrd.market.models import Evidence, Report


def personal_data(user) -> list[dict]:
    reports = Report.objects.filter(reporter=user).select_related("incident_city", "case")
    return [
        section(_("Violation reports you made"), reports),
        section(_("Evidence you attached to your reports"), Evidence.objects.filter(report__reporter=user)),
    ]
