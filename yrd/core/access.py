"""One answer to "may this person do X to this object", and the same rule as a queryset filter.

A person holds roles within jurisdictions (RoleAssignment). A role grants actions. An assignment
covers an object when its jurisdiction contains one of the object's jurisdictions and, if the
assignment names an organisation, the object belongs to that organisation.

One convention says what an object belongs to: `access_scope()` -> (jurisdictions, organisations).
Models tied to a jurisdiction define it. When one object has several sides that different people
act for (an application's receiving window and its handling authority), a named function returns a
`Scope` for each side; a `Scope` answers `access_scope()` too, so `can()` and `require()` take either.

Writes call `require(acting_user, action, obj)` first; reads filter with `filter_visible()`.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from yrd.core.actors import SYSTEM, check_actor
from yrd.core.models import Jurisdiction, Organisation, RoleAssignment
from yrd.core.registry import registry


@dataclass(frozen=True)
class Scope:
    """What one side of an object belongs to, for objects whose sides answer to different people."""

    jurisdictions: tuple = ()
    organisations: tuple = ()

    def access_scope(self):
        return list(self.jurisdictions), list(self.organisations)


@dataclass(frozen=True)
class Grant:
    actions: frozenset
    path: str
    organisation_id: int | None

    def covers_path(self, path):
        return path == self.path or path.startswith(self.path + "/")


def grants(user) -> list[Grant]:
    """The user's role assignments, read once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if not hasattr(user, "_yrd_grants"):
        user._yrd_grants = [
            Grant(frozenset(a.role.actions), a.jurisdiction.path, a.organisation_id)
            for a in RoleAssignment.objects.filter(user=user).select_related("role", "jurisdiction")
        ]
    return user._yrd_grants


def forget_grants(user):
    user.__dict__.pop("_yrd_grants", None)


def scope_of(obj):
    if isinstance(obj, Jurisdiction):
        return [obj], []
    if isinstance(obj, Organisation):
        return [obj.jurisdiction], [obj]
    return obj.access_scope()


def _unlimited(user) -> bool:
    """SYSTEM may do anything; so may an active superuser, except where SUPERUSER_DISABLED
    (production: separation of duties, core.mlps.duties) makes the flag grant nothing."""
    if user is SYSTEM:
        return True
    return getattr(user, "is_superuser", False) and user.is_active and not settings.SUPERUSER_DISABLED


def can(user, action: str, obj=None) -> bool:
    """True when `user` may do `action` to `obj` (or anywhere, when obj is None)."""
    if _unlimited(user):
        return True
    relevant = [g for g in grants(user) if action in g.actions]
    if obj is None:
        return bool(relevant)
    jurisdictions, organisations = scope_of(obj)
    organisation_ids = {o.pk for o in organisations}
    for grant in relevant:
        if grant.organisation_id is not None and grant.organisation_id not in organisation_ids:
            continue
        if not jurisdictions and grant.path == Jurisdiction.REGION_CODE:
            return True
        if any(grant.covers_path(j.path) for j in jurisdictions):
            return True
    return False


def require(user, action: str, obj=None, message: str | None = None) -> None:
    """Raise PermissionDenied (with `message`, or one naming the action) unless `user` may do
    `action` to `obj`. SYSTEM may do anything; None is refused (see core.actors)."""
    check_actor(user)
    if not can(user, action, obj):
        described = registry.actions.get(action, action)
        raise PermissionDenied(message or _("Your role does not allow this here: %(action)s.") % {"action": described})


def filter_visible(queryset, user, action: str, *, jurisdiction_fields, organisation_field=None):
    """Only the rows of `queryset` the user may do `action` to. `jurisdiction_fields` are lookups
    from the model to Jurisdiction (FK or M2M); `organisation_field` to Organisation."""
    if _unlimited(user):
        return queryset
    conditions = []
    for grant in grants(user):
        if action not in grant.actions:
            continue
        if grant.path == Jurisdiction.REGION_CODE:
            in_scope = Q()  # the whole region, objects not yet tied to a jurisdiction included
        else:
            in_scope = reduce(or_, [_within(field, grant.path) for field in jurisdiction_fields])
        if grant.organisation_id is not None:
            if organisation_field is None:
                continue
            in_scope &= Q(**{organisation_field: grant.organisation_id})
        conditions.append(in_scope)
    if not conditions:
        return queryset.none()
    model = queryset.model
    matching = model._default_manager.filter(reduce(or_, conditions)).values("pk")
    return queryset.filter(pk__in=matching)


def _within(field, path):
    return Q(**{f"{field}__path": path}) | Q(**{f"{field}__path__startswith": path + "/"})
