"""What the transport module holds about a person (core.personal's `personal_data` hook): the route
requests they made and the shipments they booked."""

from django.utils.translation import gettext_lazy as _

from yrd.core.personal.subject import section
from yrd.transport.models import RouteQuery, Shipment

QUERY = ("number", "origin_label", "destination_label", "tonnes", "objective", "created_at")
SHIPMENT = ("reference", "origin_label", "destination_label", "tonnes", "booked_at")


def personal_data(user) -> list[dict]:
    return [
        section(_("Route requests you made"), RouteQuery.objects.filter(requested_by=user), QUERY),
        section(_("Shipments you booked"), Shipment.objects.filter(booked_by=user), SHIPMENT),
    ]
