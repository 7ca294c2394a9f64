"""One answer to "may this person do X to this object", and the same rule as a queryset filter.

A person holds roles within jurisdictions (RoleAssignment). A role grants actions. An assignment
covers an object when its jurisdiction contains one of the object's jurisdictions and, if the
assignment names an organisation, the object belongs to that organisation. Objects say what they
belong to with `access_scope()` -> (jurisdictions, organisations).
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from yrd.core.models import Jurisdiction, Organisation, RoleAssignment


@dataclass(frozen=True)
class Grant:
    actions: frozenset
    path: str
    organisation_id: int | None

    def covers_path(self, path):
        return path == self.path or path.startswith(self.path + "/")


def grants(user):
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


def can(user, action, obj=None):
    """True when `user` may do `action` to `obj` (or anywhere, when obj is None)."""
    if getattr(user, "is_superuser", False) and user.is_active:
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


def require(user, action, obj=None):
    """Raise PermissionDenied naming the action unless `user` may do it (None: the system)."""
    if user is not None and not can(user, action, obj):
        from yrd.core.registry import registry

        raise PermissionDenied(
            _("Your role does not allow this here: %(action)s.") % {"action": registry.actions.get(action, action)}
        )


def filter_visible(queryset, user, action, *, jurisdiction_fields, organisation_field=None):
    """Only the rows of `queryset` the user may do `action` to. `jurisdiction_fields` are lookups
    from the model to Jurisdiction (FK or M2M); `organisation_field` to Organisation."""
    if getattr(user, "is_superuser", False) and user.is_active:
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
