"""A day's holding intents checked again with the engine (read only), for `manage.py lowalt_recheck`."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from yrd.lowalt.conflicts import VolumeIndex, assess
from yrd.lowalt.deconfliction import restriction_set
from yrd.lowalt.models import HOLDING, Intent


def recheck_day(day: date, progress=lambda rows: rows) -> list[tuple[str, list[str]]]:
    start = timezone.make_aware(datetime.combine(day, time()))
    intents = list(
        Intent.objects.filter(state__in=HOLDING, starts_at__lt=start + timedelta(days=1), ends_at__gt=start)
        .prefetch_related("volumes")
        .order_by("starts_at")
    )
    engine = [i.to_engine() for i in intents]
    index = VolumeIndex()
    for intent in engine:
        index.add(intent)
    restrictions = restriction_set()
    found = []
    for intent in progress(engine):
        verdict = assess(intent, index, restrictions, now=start - timedelta(days=1))
        if not verdict.accepted:
            found.append(
                (
                    intent.id,
                    [f"{c.source} {c.ref} {c.window.start:%H:%M}–{c.window.end:%H:%M}" for c in verdict.conflicts],
                )
            )
    return found
