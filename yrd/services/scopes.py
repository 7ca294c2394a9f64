"""Who an application belongs to, per side: its receiving window, or its handling authorities.

A window officer's rights reach the applications received at their window; a handling officer's
the applications their jurisdiction (or authority) handles. The two sides are checked separately,
so a Shanghai handling officer does not act on an application merely received in Shanghai.
"""

from dataclasses import dataclass

from django.db.models import Q

from yrd.core.access import can, filter_visible
from yrd.core.models import RoleAssignment, User
from yrd.services.apps import ACCEPT, DECIDE, RECEIVE


@dataclass(frozen=True)
class Scope:
    jurisdictions: tuple
    organisations: tuple

    def access_scope(self):
        return list(self.jurisdictions), list(self.organisations)


def window_scope(application):
    window = application.receiving_window
    return Scope((window.jurisdiction,), (window,)) if window else Scope((), ())


def steps_scope(steps):
    steps = list(steps)
    return Scope(tuple(s.jurisdiction for s in steps), tuple(s.authority for s in steps))


def lead_steps(application):
    """The steps that accept and start an application: those of the lowest order."""
    steps = list(application.steps.all())
    first = min((s.order for s in steps), default=None)
    return [s for s in steps if s.order == first]


def authority_scope(application):
    return steps_scope(lead_steps(application))


def is_applicant(user, application):
    return bool(user and user.is_authenticated and application.applicant_user_id == user.pk)


def at_window(user, application, action=RECEIVE):
    return application.receiving_window_id is not None and can(user, action, window_scope(application))


def at_authority(user, application, action=DECIDE):
    return can(user, action, steps_scope(application.steps.all()))


def visible_applications(queryset, user):
    """Applications the user applied for, received at their window, or handled by them."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    window_side = filter_visible(
        queryset,
        user,
        RECEIVE,
        jurisdiction_fields=["receiving_window__jurisdiction"],
        organisation_field="receiving_window",
    )
    handling = Q()
    for action in (ACCEPT, DECIDE):
        handling |= Q(
            pk__in=filter_visible(
                queryset,
                user,
                action,
                jurisdiction_fields=["steps__jurisdiction"],
                organisation_field="steps__authority",
            ).values("pk")
        )
    return queryset.filter(Q(applicant_user=user) | Q(pk__in=window_side.values("pk")) | handling)


def officers_for(action, jurisdiction, organisation=None):
    """Active people whose roles grant `action` over `jurisdiction` (and `organisation`, when their
    role is limited to one) — the recipients of hand-offs and reminders."""
    paths = [jurisdiction.path]
    node = jurisdiction.parent
    while node is not None:
        paths.append(node.path)
        node = node.parent
    assignments = RoleAssignment.objects.filter(jurisdiction__path__in=paths).select_related("role")
    if organisation is not None:
        assignments = assignments.filter(Q(organisation__isnull=True) | Q(organisation=organisation))
    else:
        assignments = assignments.filter(organisation__isnull=True)
    ids = {a.user_id for a in assignments if action in a.role.actions}
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def _may_complete_some_step(user, application):
    from yrd.services.models import HandlingStep

    steps = list(application.steps.all())
    for step in steps:
        earlier_open = any(s.order < step.order and s.outcome == HandlingStep.Outcome.PENDING for s in steps)
        if step.outcome == HandlingStep.Outcome.PENDING and not earlier_open and can(user, DECIDE, steps_scope([step])):
            return True
    return False


def may_perform(user, application, name):
    """Whether `user`'s rights reach transition `name` of `application` (state not considered)."""
    from yrd.services.apps import DELIVER, FORWARD

    if name == "receive":
        return (
            at_window(user, application)
            if application.receiving_window_id
            else can(user, ACCEPT, authority_scope(application))
        )
    if name == "forward":
        return at_window(user, application, FORWARD)
    if name in ("accept", "reject", "request_correction"):
        return can(user, ACCEPT, authority_scope(application))
    if name in ("start_handling", "decide"):
        return can(user, DECIDE, authority_scope(application))
    if name == "complete_step":
        return _may_complete_some_step(user, application)
    if name == "respond_correction":
        return is_applicant(user, application) or at_window(user, application)
    if name == "deliver":
        return at_window(user, application, DELIVER) or at_authority(user, application, DELIVER)
    return False


def allowed_actions(user, application):
    """The transitions this user may perform on the application now."""
    from yrd.services.workflow import available

    return [name for name in available(application) if may_perform(user, application, name)]
