"""Reads of the services app, scoped by what the caller may see."""

from collections import Counter, defaultdict
from datetime import datetime, time

from django.db.models import Prefetch, Q
from django.utils import timezone

from yrd.core.access import can, grants
from yrd.core.models import Jurisdiction, Organisation, RoleAssignment
from yrd.services.apps import ACCEPT, BOOK, DECIDE, RECEIVE, SERVE
from yrd.services.clock import REVIEW_DAYS, clock_of, local_day
from yrd.services.models import (
    Application,
    CompetentAuthority,
    HandlingStep,
    Material,
    RemoteBooking,
    RemoteSlot,
    RequiredMaterial,
    ServiceFigure,
    ServiceItem,
    State,
)
from yrd.services.scopes import visible_applications

OPEN_STATES = [
    State.SUBMITTED,
    State.RECEIVED,
    State.FORWARDED,
    State.ACCEPTED,
    State.CORRECTION,
    State.IN_HANDLING,
]
DONE_STATES = [State.DECIDED, State.DELIVERED]


# --- catalogue --------------------------------------------------------------------------------


def catalogue(*, search="", audience="", mode=""):
    items = ServiceItem.objects.select_related("figure").prefetch_related(
        Prefetch(
            "authorities",
            queryset=CompetentAuthority.objects.select_related("province", "organisation"),
        ),
        Prefetch("materials", queryset=RequiredMaterial.objects.select_related("material_type")),
    )
    if search:
        items = items.filter(
            Q(name_zh__icontains=search)
            | Q(name_en__icontains=search)
            | Q(code__icontains=search)
            | Q(category__icontains=search)
            | Q(materials__material_type__name_zh__icontains=search)
            | Q(materials__material_type__name_en__icontains=search)
        ).distinct()
    if audience:
        items = items.filter(audience=audience)
    if mode in ("online", "remote", "joint"):
        items = items.filter(**{mode: True})
    return items


def item_by_code(code):
    return catalogue().get(code=code)


def published_figures():
    return ServiceFigure.objects.all()


def windows():
    """Service windows staffed on the platform: government organisations in a city where someone
    holds the window officer's role."""
    staffed = RoleAssignment.objects.filter(role__code="service_officer", organisation__isnull=False)
    return (
        Organisation.objects.filter(
            pk__in=staffed.values("organisation"),
            kind=Organisation.Kind.GOVERNMENT,
            jurisdiction__level=Jurisdiction.Level.CITY,
        )
        .select_related("jurisdiction__parent")
        .order_by("jurisdiction__path", "name_zh")
    )


def provinces_with_authority(item):
    return [a.province for a in item.authorities.all()]


# --- applications -----------------------------------------------------------------------------


def _detailed(queryset):
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
    return _detailed(visible_applications(Application.objects.all(), user))


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
    return _with_clocks(_detailed(Application.objects.filter(applicant_user=user)))


def _with_clocks(applications, today=None):
    rows = list(applications)
    for application in rows:
        application.clock = clock_of(application, today)
    return rows


def _action_paths(user, action):
    return [g for g in grants(user) if action in g.actions]


def window_queue(user):
    """Applications at the user's window(s) that need the window: to receive, forward, answer a
    correction for, or hand over; newest first."""
    if not (_action_paths(user, RECEIVE) or user.is_superuser):
        return []
    mine = _window_side(user).exclude(receiving_window=None)
    return _with_clocks(
        _detailed(mine.filter(state__in=[State.SUBMITTED, State.RECEIVED, State.CORRECTION, State.DECIDED])).order_by(
            "submitted_at"
        )
    )


def _window_side(user):
    from yrd.core.access import filter_visible

    return filter_visible(
        Application.objects.all(),
        user,
        RECEIVE,
        jurisdiction_fields=["receiving_window__jurisdiction"],
        organisation_field="receiving_window",
    )


def _handling_side(user):
    from yrd.core.access import filter_visible

    ids = Q()
    for action in (ACCEPT, DECIDE):
        ids |= Q(
            pk__in=filter_visible(
                Application.objects.all(),
                user,
                action,
                jurisdiction_fields=["steps__jurisdiction"],
                organisation_field="steps__authority",
            ).values("pk")
        )
    return Application.objects.filter(ids)


def handling_queue(user, today=None):
    """Open applications the user's jurisdiction handles, most urgent first."""
    if not (_action_paths(user, ACCEPT) or _action_paths(user, DECIDE) or user.is_superuser):
        return []
    waiting = _handling_side(user).filter(
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
    rows = _with_clocks(_detailed(waiting), today)
    for application in rows:
        application.review_late = _review_late(application, today)
    return sorted(rows, key=_urgency)


def _review_late(application, today=None):
    from yrd.core.workdays import add_workdays

    if application.state != State.FORWARDED or application.forwarded_at is None:
        return False
    return (today or timezone.localdate()) > add_workdays(local_day(application.forwarded_at), REVIEW_DAYS)


def _urgency(application):
    order = {"overdue": 0, "due_soon": 1, "running": 2, "paused": 3, "not_started": 2}
    return (
        0 if application.review_late else 1,
        order.get(application.clock.status, 4),
        application.clock.due or local_day(application.submitted_at),
    )


def attention(today=None):
    """Open, accepted applications due soon or overdue, and forwarded ones not reviewed in time:
    what the reminder command tells the handling officers about."""
    rows = _with_clocks(_detailed(Application.objects.filter(state__in=OPEN_STATES)), today)
    flagged = []
    for application in rows:
        application.review_late = _review_late(application, today)
        if application.clock.flagged or application.review_late:
            flagged.append(application)
    return flagged


# --- remote window ----------------------------------------------------------------------------


def day_bounds(day):
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timezone.timedelta(days=1)


def remote_day(user, day):
    """The day's slots and queue as the user may see them: a window officer sees every offered slot
    (to book) and their window's bookings; a remote officer their authority's slots and bookings."""
    start, end = day_bounds(day)
    slots = RemoteSlot.objects.filter(starts_at__gte=start, starts_at__lt=end).select_related(
        "authority__jurisdiction__parent", "officer"
    )
    bookings = (
        RemoteBooking.objects.filter(slot__in=slots)
        .select_related("slot__authority", "window__jurisdiction", "item", "application")
        .prefetch_related("session")
    )
    is_window = user.is_superuser or bool(_action_paths(user, BOOK))
    serves = [s for s in slots if can(user, SERVE, _org_scope(s.authority))]
    if not is_window:
        slots = serves
    visible = []
    for booking in bookings:
        booking.window_side = can(user, BOOK, _org_scope(booking.window))
        booking.authority_side = can(user, SERVE, _org_scope(booking.slot.authority))
        if booking.window_side or booking.authority_side:
            visible.append(booking)
    return {"slots": list(slots), "bookings": visible, "serving": serves, "is_window": is_window}


def _org_scope(organisation):
    from yrd.services.scopes import Scope

    return Scope((organisation.jurisdiction,), (organisation,))


def my_windows(user):
    return [w for w in windows() if can(user, BOOK, _org_scope(w))]


# --- statistics -------------------------------------------------------------------------------


def _province_code(organisation):
    jurisdiction = organisation.jurisdiction
    return (jurisdiction.parent if jurisdiction.level == Jurisdiction.Level.CITY else jurisdiction).code


def statistics(*, include_demo=True):
    """Volume by province pair and by item, on-time rate, average working days."""
    applications = _detailed(Application.objects.all())
    if not include_demo:
        applications = applications.filter(is_demo=False)
    rows = _with_clocks(applications)
    pairs, items, states = Counter(), Counter(), Counter()
    days_by_item = defaultdict(list)
    decided = on_time = 0
    for application in rows:
        origin = _province_code(application.receiving_window) if application.receiving_window else "online"
        for step in application.steps.all():
            pairs[(origin, step.jurisdiction.code)] += 1
        items[application.item_id] += 1
        states[application.state] += 1
        if application.state in DONE_STATES and application.clock.started:
            decided += 1
            on_time += application.clock.status == "on_time"
            days_by_item[application.item_id].append(application.clock.used)
    all_days = [d for days in days_by_item.values() for d in days]
    return {
        "total": len(rows),
        "pairs": pairs,
        "items": items,
        "states": states,
        "decided": decided,
        "on_time": on_time,
        "on_time_rate": round(100 * on_time / decided, 1) if decided else None,
        "average_days": round(sum(all_days) / len(all_days), 1) if all_days else None,
        "days_by_item": {k: round(sum(v) / len(v), 1) for k, v in days_by_item.items()},
    }


def applications_demo_count():
    return Application.objects.filter(is_demo=True).count()


def held_materials(applicant_key):
    """Materials on earlier applications of the same applicant (resident ID or USCC) that were
    not turned down: candidates for once-only reuse."""
    if not applicant_key:
        return Material.objects.none()
    same_applicant = Q(application__applicant_id_number=applicant_key) | Q(application__applicant_uscc=applicant_key)
    return (
        Material.objects.filter(same_applicant, reused_from__isnull=True)
        .exclude(application__state=State.REJECTED)
        .select_related("material_type", "application")
        .order_by("-added_at")
    )
