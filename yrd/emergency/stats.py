"""Figures the emergency module publishes for the plan tracker (declared in the manifest): small,
public, computed from the ledger and the transport network each time they are read."""

from django.db.models import F

from yrd.emergency.models import Commitment, Warehouse
from yrd.emergency.selectors.readiness import core_items, region_readiness
from yrd.emergency.travel import TravelTimesUnavailable

READY_WITHIN_HOURS = 12


def cities_ready_12h() -> float | None:
    """Percent of the region's cities that every core supply of the alliance can reach within 12 hours
    (stock available to promise, still good on arrival); None without core items or travel times."""
    items = core_items()
    if not items:
        return None
    try:
        share = region_readiness(READY_WITHIN_HOURS).coverage(items).share
    except TravelTimesUnavailable:
        return None
    return None if share is None else round(100 * share, 1)


def warehouses() -> int:
    return Warehouse.objects.filter(active=True).count()


def delivered_on_time() -> float | None:
    """Percent of received commitments received by their request's needed-by time."""
    received = Commitment.objects.filter(status=Commitment.Status.RECEIVED)
    total = received.count()
    if not total:
        return None
    return round(100 * received.filter(received_at__lte=F("request__needed_by")).count() / total, 1)
