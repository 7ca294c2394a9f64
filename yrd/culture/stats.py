"""Figures the plan tracker shows (declared in the manifest's `stats`)."""

from django.db.models import Sum
from django.utils import timezone

from yrd.culture.models import BidMilestone, ParkProject, Reservation
from yrd.culture.selectors.bid import progress


def complete_components() -> int:
    return sum(1 for p in progress() if p.complete)


def park_projects_open() -> int:
    return ParkProject.objects.filter(stage=ParkProject.Stage.OPEN).count()


def park_projects_building() -> int:
    return ParkProject.objects.filter(stage=ParkProject.Stage.BUILDING).count()


def visits_booked() -> int:
    confirmed = Reservation.objects.filter(status=Reservation.Status.CONFIRMED)
    return confirmed.aggregate(n=Sum("party_size"))["n"] or 0


def bid_milestones_done() -> int:
    return BidMilestone.objects.filter(done_on__isnull=False).count()


def bid_milestones_late() -> int:
    return BidMilestone.objects.filter(done_on__isnull=True, due__lt=timezone.localdate()).count()
