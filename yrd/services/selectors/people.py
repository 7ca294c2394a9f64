"""Who works on the services side: grants, the officers a hand-off or reminder goes to, and the
applications a person may see."""

from django.db.models import Q, QuerySet

from yrd.core.access import Grant, Scope, filter_visible, grants
from yrd.core.models import Jurisdiction, Organisation, RoleAssignment, User
from yrd.services.apps import ACCEPT, DECIDE, RECEIVE
from yrd.services.models import Application


def org_scope(organisation: Organisation) -> Scope:
    return Scope((organisation.jurisdiction,), (organisation,))


def action_grants(user, action: str) -> list[Grant]:
    return [g for g in grants(user) if action in g.actions]


def window_side(user) -> QuerySet:
    """Applications received at the user's window(s)."""
    return filter_visible(
        Application.objects.all(),
        user,
        RECEIVE,
        jurisdiction_fields=["receiving_window__jurisdiction"],
        organisation_field="receiving_window",
    )


def handling_side(user) -> QuerySet:
    """Applications the user's jurisdiction (or authority) handles."""
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


def visible_applications(queryset: QuerySet, user) -> QuerySet:
    """Applications the user applied for, received at their window, or handled by them."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    return queryset.filter(
        Q(applicant_user=user) | Q(pk__in=window_side(user).values("pk")) | Q(pk__in=handling_side(user).values("pk"))
    )


def officers_for(action: str, jurisdiction: Jurisdiction, organisation: Organisation | None = None) -> list[User]:
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
