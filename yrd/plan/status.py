"""A task's status follows from its milestones and latest report; it is never stored."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

LAG_TOLERANCE = 25  # points of progress a task may trail the time elapsed before it is at risk


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    MILESTONE_OVERDUE = "milestone_overdue", _("Milestone overdue")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")


STATUS_ORDER = list(Status)  # as the choices are declared: not started ... done
LATE = (Status.OVERDUE, Status.MILESTONE_OVERDUE)
NEEDS_ATTENTION = (Status.OVERDUE, Status.MILESTONE_OVERDUE, Status.AT_RISK)  # most pressing first


def expected_percent(start: date, end: date, today: date) -> float:
    """Progress a task would show if it advanced evenly from start to end."""
    if today <= start:
        return 0.0
    if today >= end:
        return 100.0
    return 100.0 * (today - start).days / (end - start).days


def derive_status(
    *,
    today: date,
    start: date,
    end: date,
    latest_percent: int | None,
    latest_risk: str | None,
    open_milestones: int,
    overdue_milestones: int,
) -> Status:
    """latest_percent / latest_risk come from the newest report counted (None when there is none);
    the milestone counts are of milestones not yet done. A task past its end is overdue; a running
    task with a milestone past due has a milestone overdue, which is not the same thing."""
    percent = latest_percent or 0
    if latest_percent == 100 and open_milestones == 0:
        return Status.DONE
    if today > end:
        return Status.OVERDUE
    if overdue_milestones:
        return Status.MILESTONE_OVERDUE
    if latest_percent is None and today < start:
        return Status.NOT_STARTED
    if latest_risk == "high" or expected_percent(start, end, today) - percent > LAG_TOLERANCE:
        return Status.AT_RISK
    if latest_percent is None or percent == 0:
        return Status.NOT_STARTED
    return Status.ON_TRACK
