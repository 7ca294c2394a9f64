"""Reminders to handling officers: due soon, overdue, or forwarded and not yet reviewed."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.models import Notification
from yrd.core.notifications import notify
from yrd.core.translation import interpolate_lazy
from yrd.services.apps import ACCEPT, DECIDE
from yrd.services.selectors import attention, officers_for
from yrd.services.workflow import lead_steps


def _subject(application):
    if application.review_late:
        return interpolate_lazy(_("Forwarded application %s waits for review (1 working day)"), application.number)
    if application.clock.status == "overdue":
        return interpolate_lazy(
            _("Application %(number)s is overdue (due %(due)s)"),
            {"number": application.number, "due": application.clock.due},
        )
    return interpolate_lazy(
        _("Application %(number)s is due on %(due)s"),
        {"number": application.number, "due": application.clock.due},
    )


def _recipients(application):
    pending = [s for s in application.steps.all() if s.outcome == "pending"] or lead_steps(application)
    action = ACCEPT if application.review_late else DECIDE
    people = {}
    for step in pending:
        for person in officers_for(action, step.jurisdiction, step.authority):
            people[person.pk] = person
    return list(people.values())


@transaction.atomic
def send_reminders(today=None, progress=None):
    """Returns (reminders sent, applications flagged). Idempotent within a day."""
    today = today or timezone.localdate()
    flagged = attention(today)
    sent = 0
    for application in progress(flagged) if progress else flagged:
        url = f"/services/applications/{application.number}/"
        for person in _recipients(application):
            if Notification.objects.filter(recipient=person, url=url, created_at__date=today).exists():
                continue
            notify(recipients=[person], subject=_subject(application), url=url)
            sent += 1
    return sent, len(flagged)
