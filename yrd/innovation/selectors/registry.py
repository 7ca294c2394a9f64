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


def cooperation_visible_to(user) -> QuerySet[CooperationProject]:
    """Public projects, and the others to the science officers who keep them (their province or the region)."""
    kept = filter_visible(CooperationProject.objects.all(), user, REGISTRY, jurisdiction_fields=["city"])
    rows = CooperationProject.objects.filter(Q(is_public=True) | Q(pk__in=kept.values("pk")))
    return rows.select_related("lead", "city").prefetch_related("milestones")


def may_keep(user, project: CooperationProject) -> bool:
    return can(user, REGISTRY, project)
