"""What the plan module holds about a person (core.personal's `personal_data` hook): the progress
reports they submitted or reviewed and the baselines they took."""

from django.utils.translation import gettext_lazy as _

from yrd.core.personal.subject import section
from yrd.plan.models import Baseline, ProgressReport

FIELDS = ("task", "period_start", "period_end", "percent", "risk_level", "submitted_at", "review_state")


def personal_data(user) -> list[dict]:
    return [
        section(_("Progress reports you submitted"), ProgressReport.objects.filter(submitted_by=user), FIELDS),
        section(_("Progress reports you reviewed"), ProgressReport.objects.filter(reviewed_by=user), FIELDS),
        section(_("Baselines you took"), Baseline.objects.filter(taken_by=user), ("name", "taken_at")),
    ]
