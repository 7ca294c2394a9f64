"""The statistics page's figures."""

from collections import Counter, defaultdict

from yrd.core.models import Jurisdiction
from yrd.services.models import Application

from .applications import DONE_STATES, detailed, with_clocks


def _province_code(organisation):
    jurisdiction = organisation.jurisdiction
    return (jurisdiction.parent if jurisdiction.level == Jurisdiction.Level.CITY else jurisdiction).code


def statistics(*, include_demo=True):
    """Volume by province pair and by item, on-time rate, average working days."""
    applications = detailed(Application.objects.all())
    if not include_demo:
        applications = applications.filter(is_demo=False)
    rows = with_clocks(applications)
    pairs, items, states = Counter(), Counter(), Counter()
    days_by_item = defaultdict(list)
    decided = on_time = 0
    for application in rows:
        origin = _province_code(application.receiving_window) if application.receiving_window else "online"
        for step in application.steps.all():
            pairs[(origin, step.jurisdiction.code)] += 1
        items[application.item_id] += 1
        states[application.state] += 1
        if application.state in DONE_STATES and application.clock.started:
            decided += 1
            on_time += application.clock.status == "on_time"
            days_by_item[application.item_id].append(application.clock.used)
    all_days = [d for days in days_by_item.values() for d in days]
    return {
        "total": len(rows),
        "pairs": pairs,
        "items": items,
        "states": states,
        "decided": decided,
        "on_time": on_time,
        "on_time_rate": round(100 * on_time / decided, 1) if decided else None,
        "average_days": round(sum(all_days) / len(all_days), 1) if all_days else None,
        "days_by_item": {k: round(sum(v) / len(v), 1) for k, v in days_by_item.items()},
    }


def applications_demo_count():
    return Application.objects.filter(is_demo=True).count()
