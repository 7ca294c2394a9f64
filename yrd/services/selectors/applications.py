"""Reads of applications, scoped by what the caller may see: one application's page, the applicant's
list, the officers' queues, what needs attention."""

from django.db.models import Prefetch, Q
from django.utils import timezone

from yrd.core.workdays import add_workdays
from yrd.services.apps import ACCEPT, DECIDE, RECEIVE
from yrd.services.clock import DUE_SOON_DAYS, clock_of, local_day, review_due
from yrd.services.models import Application, HandlingStep, Material, State

from .people import action_grants, handling_side, visible_applications, window_side

OPEN_STATES = [
    State.SUBMITTED,
    State.RECEIVED,
    State.FORWARDED,
    State.ACCEPTED,
    State.CORRECTION,
    State.IN_HANDLING,
]
DONE_STATES = [State.DECIDED, State.DELIVERED]


def detailed(queryset):
    return queryset.select_related(
        "item",
        "receiving_window__jurisdiction__parent",
        "applicant_user",
    ).prefetch_related(
        Prefetch(
            "steps",
            queryset=HandlingStep.objects.select_related("jurisdiction", "authority__jurisdiction"),
        ),
        "corrections",
    )


def applications_visible_to(user):
    return detailed(visible_applications(Application.objects.all(), user))


def application_for(user, number):
    """One application the user may see, with everything its page shows; DoesNotExist otherwise."""
    application = (
        applications_visible_to(user)
        .prefetch_related(
            Prefetch(
                "materials",
                queryset=Material.objects.select_related("material_type", "reused_from__application"),
            ),
            "corrections__material_types",
            "exchanges__sender",
            "exchanges__receiver",
        )
        .get(number=number)
    )
    application.clock = clock_of(application)
    return application


def material_for(user, pk):
    """A material file, only for people who may see its application (404 for everyone else)."""
    visible = visible_applications(Application.objects.all(), user)
    return Material.objects.select_related("application").get(pk=pk, application__in=visible)


def my_applications(user):
    return with_clocks(detailed(Application.objects.filter(applicant_user=user)))


def with_clocks(applications, today=None):
    rows = list(applications)
    for application in rows:
        application.clock = clock_of(application, today)
    return rows


def window_queue(user):
    """Applications at the user's window(s) that need the window: to receive, forward, answer a
    correction for, or hand over; newest first."""
    if not (action_grants(user, RECEIVE) or user.is_superuser):
        return []
    mine = window_side(user).exclude(receiving_window=None)
    return with_clocks(
        detailed(mine.filter(state__in=[State.SUBMITTED, State.RECEIVED, State.CORRECTION, State.DECIDED])).order_by(
            "submitted_at"
        )
    )


def handling_queue(user, today=None):
    """Open applications the user's jurisdiction handles, most urgent first."""
    if not (action_grants(user, ACCEPT) or action_grants(user, DECIDE) or user.is_superuser):
        return []
    waiting = handling_side(user).filter(
        Q(
            state__in=[
                State.FORWARDED,
                State.ACCEPTED,
                State.IN_HANDLING,
                State.CORRECTION,
                State.DECIDED,
            ]
        )
        | Q(state=State.RECEIVED, receiving_window=None)
        | Q(state=State.RECEIVED, mode="joint"),
    )
    rows = with_clocks(detailed(waiting), today)
    for application in rows:
        application.review_late = _review_late(application, today)
    return sorted(rows, key=_urgency)


def _review_late(application, today=None) -> bool:
    if application.state != State.FORWARDED or application.forwarded_at is None:
        return False
    return (today or timezone.localdate()) > review_due(application)


def _urgency(application):
    order = {"overdue": 0, "due_soon": 1, "running": 2, "paused": 3, "not_started": 2}
    return (
        0 if application.review_late else 1,
        order.get(application.clock.status, 4),
        application.clock.due or local_day(application.submitted_at),
    )


def attention(today=None) -> list[Application]:
    """Accepted applications due soon or overdue, and forwarded ones not reviewed in time: what the
    reminders tell the handling officers about. The stored due dates narrow it down in the
    database; only those candidates' clocks are computed."""
    today = today or timezone.localdate()
    soon = add_workdays(today, DUE_SOON_DAYS)
    candidates = Application.objects.filter(
        Q(state__in=[State.ACCEPTED, State.IN_HANDLING], due_on__lte=soon)
        | Q(state=State.FORWARDED, review_due_on__lt=today)
    )
    flagged = []
    for application in with_clocks(detailed(candidates), today):
        application.review_late = _review_late(application, today)
        if application.clock.flagged or application.review_late:
            flagged.append(application)
    return flagged
