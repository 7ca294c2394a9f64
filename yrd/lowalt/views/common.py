"""Pieces the pages share: the day a page shows."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def day_of(request) -> date:
    """The `day` query parameter (YYYY-MM-DD), or today."""
    try:
        return date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return timezone.localdate()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time()))
    return start, start + timedelta(days=1)
