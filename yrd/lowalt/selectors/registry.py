"""Reads of the registers. Infrastructure, coverage and restrictions are public notices; fleets are
their operators' own."""

from __future__ import annotations

from django.db.models import QuerySet

from yrd.core.access import can, filter_visible, grants
from yrd.core.models import Jurisdiction, Organisation
from yrd.lowalt.apps import AIRSPACE, FLEET, SUBMIT
from yrd.lowalt.models import Aircraft, AirspaceRestriction, Coverage, Site


def sites() -> QuerySet[Site]:
    return Site.objects.select_related("city", "owner")


def coverage() -> QuerySet[Coverage]:
    return Coverage.objects.select_related("city", "provider")


def restrictions(province: Jurisdiction | None = None) -> QuerySet[AirspaceRestriction]:
    found = AirspaceRestriction.objects.select_related("province")
    return found.filter(province=province) if province is not None else found


def fleet_visible_to(user) -> QuerySet[Aircraft]:
    return filter_visible(
        Aircraft.objects.select_related("operator"),
        user,
        FLEET,
        jurisdiction_fields=["operator__jurisdiction"],
        organisation_field="operator",
    )


def operators_for(user) -> QuerySet[Organisation]:
    """The operators the caller files flights for (their role names the organisation)."""
    ids = {g.organisation_id for g in grants(user) if SUBMIT in g.actions and g.organisation_id}
    return Organisation.objects.filter(pk__in=ids, kind=Organisation.Kind.OPERATOR).order_by("name_zh")


def provinces_kept_by(user) -> list[Jurisdiction]:
    """The provinces whose restrictions the caller keeps (four at most: checked one by one)."""
    return [p for p in Jurisdiction.objects.filter(level=Jurisdiction.Level.PROVINCE) if can(user, AIRSPACE, p)]
