"""A task's status follows from its milestones and latest report; it is never stored."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

LAG_TOLERANCE = 25  # points of progress a task may trail the time elapsed before it is at risk


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")


STATUS_ORDER = list(Status)  # as the choices are declared: not started ... done


def expected_percent(start: date, end: date, today: date) -> float:
    """Progress a task would show if it advanced evenly from start to end."""
    if today <= start:
        return 0.0
    if today >= end:
        return 100.0
    return 100.0 * (today - start).days / (end - start).days


def derive_status(*, today, start, end, latest_percent, latest_risk, open_milestones, overdue_milestones):
    """latest_percent / latest_risk come from the newest report not returned for revision (None
    when there is none); the milestone counts are of milestones not yet done."""
    percent = latest_percent or 0
    if latest_percent == 100 and open_milestones == 0:
        return Status.DONE
    if overdue_milestones or today > end:
        return Status.OVERDUE
    if latest_percent is None and today < start:
        return Status.NOT_STARTED
    if latest_risk == "high" or expected_percent(start, end, today) - percent > LAG_TOLERANCE:
        return Status.AT_RISK
    if latest_percent is None or percent == 0:
        return Status.NOT_STARTED
    return Status.ON_TRACK
