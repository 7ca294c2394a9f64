"""The statistics page's figures, counted in the database from the clocks recorded on each
application (none is computed in Python per application), and cached for five minutes: public
statistics over millions of applications need not be recounted after every write."""

from django.db.models import Avg, Count, Q
from django.utils import timezone

from yrd.core.caching import cached
from yrd.services.models import Application, HandlingStep

from .applications import DONE_STATES

STATISTICS_TTL = 300


def _pairs() -> dict:
    """(where received: the window's province or "online", where handled) -> applications."""
    rows = (
        HandlingStep.objects.values("application__receiving_window__jurisdiction__parent__code", "jurisdiction__code")
        .annotate(n=Count("application", distinct=True))
        .order_by()
    )
    return {
        (row["application__receiving_window__jurisdiction__parent__code"] or "online", row["jurisdiction__code"]): row[
            "n"
        ]
        for row in rows
    }


def _figures() -> dict:
    applications = Application.objects.order_by()
    decided = applications.filter(state__in=DONE_STATES, on_time__isnull=False)
    totals = decided.aggregate(n=Count("pk"), on_time=Count("pk", filter=Q(on_time=True)), days=Avg("worked_days"))
    by_item = decided.values("item_id").annotate(days=Avg("worked_days"))
    return {
        "as_of": timezone.now(),
        "total": applications.count(),
        "pairs": _pairs(),
        "items": dict(applications.values_list("item_id").annotate(n=Count("pk"))),
        "states": dict(applications.values_list("state").annotate(n=Count("pk"))),
        "decided": totals["n"],
        "on_time": totals["on_time"],
        "on_time_rate": round(100 * totals["on_time"] / totals["n"], 1) if totals["n"] else None,
        "average_days": round(totals["days"], 1) if totals["days"] is not None else None,
        "days_by_item": {row["item_id"]: round(row["days"], 1) for row in by_item if row["days"] is not None},
    }


def statistics() -> dict:
    """Volume by province pair, by item and by state; decisions on time; average working days."""
    return cached("services:statistics", _figures, STATISTICS_TTL, per_version=False)


def applications_demo_count() -> int:
    return Application.objects.filter(is_demo=True).count()
