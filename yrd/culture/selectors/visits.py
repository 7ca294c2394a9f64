"""Reads of the cultural parks and reservations."""

from collections import Counter
from datetime import date

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from yrd.core.access import filter_visible
from yrd.culture.apps import VISITS
from yrd.culture.models import HeritageResource, ParkProject, Reservation


def projects() -> QuerySet[ParkProject]:
    return ParkProject.objects.select_related("province")


def projects_by_stage() -> dict[str, Counter]:
    counts = {park: Counter() for park, _label in ParkProject.Park.choices}
    for park, stage in ParkProject.objects.values_list("park", "stage"):
        counts[park][stage] += 1
    return counts


def reservations_visible_to(user) -> QuerySet[Reservation]:
    managed = filter_visible(Reservation.objects.all(), user, VISITS, jurisdiction_fields=["resource__city"])
    own = Q(visitor=user) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
    return Reservation.objects.filter(own | Q(pk__in=managed.values("pk"))).select_related("resource", "slot")


def visits_by_month() -> list[tuple[str, int]]:
    """People booked (confirmed) per month of visit, all sites."""
    rows = (
        Reservation.objects.filter(status=Reservation.Status.CONFIRMED)
        .annotate(month=TruncMonth("visit_date"))
        .values("month")
        .annotate(people=Sum("party_size"))
        .order_by("month")
    )
    return [(f"{r['month']:%Y-%m}", r["people"]) for r in rows]


def availability(resource: HeritageResource, days: list[date]) -> list[dict]:
    """Places left per day and entry slot: [{day, entries: [{slot, starts, capacity, left}]}]; a site
    without slots has one entry for the whole day (slot "")."""
    slots = list(resource.slots.all())
    booked = Counter()
    rows = (
        Reservation.objects.filter(resource=resource, visit_date__in=days, status=Reservation.Status.CONFIRMED)
        .values("visit_date", "slot")
        .annotate(n=Sum("party_size"))
    )
    for row in rows:
        booked[(row["visit_date"], row["slot"])] += row["n"]
    out = []
    for day in days:
        if slots:
            entries = [
                {
                    "slot": s.label,
                    "starts": f"{s.starts:%H:%M}",
                    "capacity": s.capacity,
                    "left": max(s.capacity - booked[(day, s.pk)], 0),
                }
                for s in slots
            ]
        else:
            whole = resource.daily_capacity or 0
            left = max(whole - sum(n for (d, _s), n in booked.items() if d == day), 0)
            entries = [{"slot": "", "starts": "", "capacity": whole, "left": left}]
        out.append({"day": day, "entries": entries})
    return out
