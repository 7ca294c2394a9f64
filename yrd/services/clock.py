"""The legal time limit of an application, counted in Chinese working days (yrd.core.workdays).

The clock starts on the day of acceptance (that day not counted), stops while a correction request
waits for the applicant, and stops for good at the decision. The limit is the one in force when the
application was accepted (recorded then); a decided clock is what was recorded at the decision, so
changing an item's limit or the holiday arrangement never rewrites history. A running clock is
computed from the dates each time it is read, and its due date is also stored (`record`) for the
statistics and reminders to query.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.workdays import add_workdays, is_provisional, workdays_between

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
    provisional: bool = False  # the due date counts a year whose holiday arrangement is unknown

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
    provisional = is_provisional(accepted_on, max(due, stop))
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
    return Clock(status, accepted_on, limit, used, paused, due, provisional)


def _limit(application) -> int | None:
    """The limit recorded at acceptance; before that, the item's current one."""
    return application.time_limit_days if application.accepted_at else application.item.time_limit_days


def clock_of(application, today=None) -> Clock:
    """The clock of an application (its corrections are read from a prefetch when there is one)."""
    if application.on_time is not None:  # decided: as recorded then
        return Clock(
            "on_time" if application.on_time else "late",
            local_day(application.accepted_at),
            application.time_limit_days,
            application.worked_days or 0,
            0,
            application.due_on,
            application.due_provisional,
        )
    pauses = [(local_day(c.requested_at), local_day(c.responded_at)) for c in application.corrections.all()]
    return compute(
        accepted_on=local_day(application.accepted_at),
        limit=_limit(application),
        pauses=pauses,
        finished_on=local_day(application.decided_at),
        today=today,
    )


def record(application) -> list[str]:
    """Store the clock's figures on the application (not saved here); the changed field names.
    At acceptance the limit is fixed; at the decision whether it was on time."""
    if application.accepted_at and application.time_limit_days is None:
        application.time_limit_days = application.item.time_limit_days
    if application.on_time is not None:
        return []
    clock = clock_of(application)
    application.due_on, application.due_provisional = clock.due, clock.provisional
    changed = ["time_limit_days", "due_on", "due_provisional"]
    if application.decided_at and clock.status in ("on_time", "late"):
        application.on_time, application.worked_days = clock.status == "on_time", clock.used
        changed += ["on_time", "worked_days"]
    return changed


def review_due(application):
    """The day by which a forwarded application should be accepted, rejected or returned."""
    if application.review_due_on:
        return application.review_due_on
    return add_workdays(local_day(application.forwarded_at), REVIEW_DAYS) if application.forwarded_at else None
