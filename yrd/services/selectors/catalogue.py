"""Reads of the catalogue: items, their authorities and materials, service windows."""

from django.db.models import Prefetch, Q

from yrd.core.models import Jurisdiction, Organisation, RoleAssignment
from yrd.services.models import CompetentAuthority, RequiredMaterial, ServiceFigure, ServiceItem


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
