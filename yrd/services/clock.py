"""The legal time limit of an application, counted in Chinese working days (yrd.core.workdays).

The clock starts on the day of acceptance (that day not counted), stops while a correction request
waits for the applicant, and stops for good at the decision. Nothing of it is stored: it is derived
from the application's dates and its correction requests each time it is read.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.workdays import add_workdays, workdays_between

DUE_SOON_DAYS = 2
REVIEW_DAYS = 1  # a forwarded application is reviewed within one working day

STATUS_LABELS = {
    "not_started": _("Not started"),
    "running": _("Running"),
    "due_soon": _("Due soon"),
    "overdue": _("Overdue"),
    "paused": _("Paused (correction)"),
    "on_time": _("Decided on time"),
    "late": _("Decided late"),
    "no_limit": _("No time limit set"),
}


@dataclass(frozen=True)
class Clock:
    status: str
    started: date | None = None
    limit: int | None = None
    used: int = 0
    paused: int = 0
    due: date | None = None

    @property
    def remaining(self):
        return None if self.limit is None or self.started is None else self.limit - self.used

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def flagged(self):
        return self.status in ("due_soon", "overdue")


def local_day(moment):
    return timezone.localdate(moment) if moment is not None else None


def compute(*, accepted_on, limit, pauses, finished_on=None, today=None):
    """`pauses`: (requested_on, responded_on or None) of the application's correction requests."""
    today = today or timezone.localdate()
    if accepted_on is None:
        return Clock("not_started", limit=limit)
    stop = finished_on or today
    paused = 0
    open_pause = False
    for start, end in pauses:
        if start < accepted_on:
            continue
        open_pause = open_pause or end is None
        paused += max(0, workdays_between(start, min(end or stop, stop)))
    used = max(0, workdays_between(accepted_on, stop) - paused)
    if limit is None:
        return Clock("no_limit", accepted_on, None, used, paused)
    due = add_workdays(accepted_on, limit + paused)
    if finished_on is not None:
        status = "on_time" if used <= limit else "late"
    elif open_pause:
        status = "paused"
    elif used > limit:
        status = "overdue"
    elif limit - used <= DUE_SOON_DAYS:
        status = "due_soon"
    else:
        status = "running"
    return Clock(status, accepted_on, limit, used, paused, due)


def clock_of(application, today=None):
    """The clock of an application (its corrections are read from a prefetch when there is one)."""
    pauses = [(local_day(c.requested_at), local_day(c.responded_at)) for c in application.corrections.all()]
    return compute(
        accepted_on=local_day(application.accepted_at),
        limit=application.item.time_limit_days,
        pauses=pauses,
        finished_on=local_day(application.decided_at),
        today=today,
    )


def review_due(application):
    """The day by which a forwarded application should be accepted, rejected or returned."""
    return add_workdays(local_day(application.forwarded_at), REVIEW_DAYS) if application.forwarded_at else None
