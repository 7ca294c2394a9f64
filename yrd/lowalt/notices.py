"""Who is told what about an intent: its operator's people, and the authority whose consent is next."""

from django.utils.translation import gettext_lazy as _

from yrd.core.models import RoleAssignment
from yrd.core.notifications import notify
from yrd.core.translation import interpolate_lazy
from yrd.lowalt.apps import CONSENT, SUBMIT


def _holders(action: str, **scope) -> set:
    """Active people whose role grants `action` in exactly this scope (roles are few; filtered here because
    SQLite cannot look inside a JSON list)."""
    assignments = RoleAssignment.objects.filter(**scope).select_related("user", "role")
    return {a.user for a in assignments if action in a.role.actions and a.user.is_active}


def operator_people(intent) -> list:
    people = _holders(SUBMIT, organisation=intent.operator)
    if intent.submitted_by is not None and intent.submitted_by.is_active:
        people.add(intent.submitted_by)
    return sorted(people, key=lambda person: person.pk)


def tell_operator(intent, subject, body, **values) -> None:
    values = {"number": intent.number, **values}
    notify(
        recipients=operator_people(intent),
        subject=interpolate_lazy(subject, values),
        body=interpolate_lazy(body, values),
        url=f"/lowalt/intents/{intent.number}/",
    )


def tell_next_authority(intent) -> None:
    step = intent.consents.filter(state="pending").order_by("order").select_related("province").first()
    if step is None:
        return
    officers = _holders(CONSENT, jurisdiction=step.province, organisation=None)
    notify(
        recipients=sorted(officers, key=lambda person: person.pk),
        subject=interpolate_lazy(_("Consent asked for low-altitude intent %(number)s"), {"number": intent.number}),
        url="/lowalt/queue/",
    )
