"""What the emergency module holds about a person (core.personal's `personal_data` hook): the supply
requests they raised (with the contact they gave) and the incidents they opened."""

from django.utils.translation import gettext_lazy as _

from yrd.core.personal.subject import section
from yrd.emergency.models import Incident, SupplyRequest


def personal_data(user) -> list[dict]:
    return [
        section(_("Supply requests you raised"), SupplyRequest.objects.filter(raised_by=user)),
        section(_("Incidents you opened"), Incident.objects.filter(opened_by=user)),
    ]
