"""The public registry and what officers may keep."""

from django.db.models import Q, QuerySet

from yrd.core.access import can, filter_visible
from yrd.innovation.apps import REGISTRY
from yrd.innovation.models import Centre, CooperationProject, Expert, Recognition


def public_centres(kind: str = "") -> QuerySet[Centre]:
    rows = (
        Centre.objects.filter(is_public=True).select_related("organisation", "city__parent").prefetch_related("members")
    )
    return rows.filter(kind=kind) if kind else rows


def public_cooperation() -> QuerySet[CooperationProject]:
    return (
        CooperationProject.objects.filter(is_public=True).select_related("lead", "city").prefetch_related("milestones")
    )


def recognitions() -> QuerySet[Recognition]:
    return Recognition.objects.select_related("issued_in", "accepted_in")


def public_experts() -> QuerySet[Expert]:
    """Experts who agreed to be listed publicly (a name is personal information)."""
    return Expert.objects.filter(is_public=True).select_related("institution")


def _public_or_kept(queryset: QuerySet, user, **fields) -> QuerySet:
    """The public rows, and the others to the science officers who keep them (their province or the region)."""
    kept = filter_visible(queryset, user, REGISTRY, **fields)
    return queryset.filter(Q(is_public=True) | Q(pk__in=kept.values("pk")))


def cooperation_visible_to(user) -> QuerySet[CooperationProject]:
    rows = _public_or_kept(CooperationProject.objects.all(), user, jurisdiction_fields=["city"])
    return rows.select_related("lead", "city").prefetch_related("milestones")


def centres_visible_to(user) -> QuerySet[Centre]:
    rows = _public_or_kept(Centre.objects.all(), user, jurisdiction_fields=["city"])
    return rows.select_related("organisation", "city").prefetch_related("members")


def experts_visible_to(user) -> QuerySet[Expert]:
    """Listed experts, and the others (a name is personal information) to the officers of their institution's place."""
    rows = _public_or_kept(
        Expert.objects.all(), user, jurisdiction_fields=["institution__jurisdiction"], organisation_field="institution"
    )
    return rows.select_related("institution")


def may_keep(user, project: CooperationProject) -> bool:
    return can(user, REGISTRY, project)
