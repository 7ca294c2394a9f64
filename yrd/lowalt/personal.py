"""What the low-altitude module holds about a person (core.personal's `personal_data` hook): the
flight intents they submitted and the consents they decided for a province."""

from django.utils.translation import gettext_lazy as _

from yrd.core.personal.subject import section
from yrd.lowalt.models import Consent, Intent

INTENT = ("number", "operator", "purpose", "state", "starts_at", "ends_at", "created_at")


def personal_data(user) -> list[dict]:
    return [
        section(_("Flight intents you submitted"), Intent.objects.filter(submitted_by=user), INTENT),
        section(_("Consents you decided for a province"), Consent.objects.filter(decided_by=user)),
    ]
