"""Instruments (public), bookings and usage: a firm sees its own bookings, a provider those of its
instruments."""

from django.db.models import Q, QuerySet

from yrd.core.access import can, filter_visible, grants
from yrd.core.models import Organisation
from yrd.innovation.apps import BOOK, INSTRUMENT
from yrd.innovation.models import Booking, Instrument, Usage


def public_instruments(*, category: str = "", province: str = "") -> QuerySet[Instrument]:
    rows = Instrument.objects.select_related("owner", "city__parent").prefetch_related("windows")
    if category:
        rows = rows.filter(category=category)
    if province:
        rows = rows.filter(city__parent__code=province)
    return rows


def instruments_managed_by(user) -> QuerySet[Instrument]:
    return filter_visible(
        public_instruments(), user, INSTRUMENT, jurisdiction_fields=["city"], organisation_field="owner"
    )


def bookings_visible_to(user) -> QuerySet[Booking]:
    as_firm = filter_visible(
        Booking.objects.all(), user, BOOK, jurisdiction_fields=["firm__jurisdiction"], organisation_field="firm"
    )
    as_provider = filter_visible(
        Booking.objects.all(),
        user,
        INSTRUMENT,
        jurisdiction_fields=["instrument__city"],
        organisation_field="instrument__owner",
    )
    rows = Booking.objects.filter(Q(pk__in=as_firm.values("pk")) | Q(pk__in=as_provider.values("pk")))
    return rows.select_related("instrument__owner", "instrument__city__parent", "firm__jurisdiction")


def booking_for(user, number: str) -> Booking:
    return bookings_visible_to(user).get(number=number)


def usages_visible_to(user) -> QuerySet[Usage]:
    return filter_visible(
        Usage.objects.select_related("instrument", "booking", "firm"),
        user,
        INSTRUMENT,
        jurisdiction_fields=["instrument__city"],
        organisation_field="instrument__owner",
    )


def may_decide(user, booking: Booking) -> bool:
    return booking.state == Booking.State.REQUESTED and can(user, INSTRUMENT, booking.provider_side())


def may_record_usage(user, booking: Booking) -> bool:
    return (
        booking.state == Booking.State.APPROVED
        and not hasattr(booking, "usage")
        and can(user, INSTRUMENT, booking.provider_side())
    )


def firms_of(user) -> QuerySet[Organisation]:
    """The firms the user books for (their BOOK grants name the organisation)."""
    ids = [g.organisation_id for g in grants(user) if BOOK in g.actions and g.organisation_id]
    return Organisation.objects.filter(pk__in=ids, kind=Organisation.Kind.ENTERPRISE)
