"""Keeping the stored due dates of running clocks current after the holiday arrangement changed
(a new year entered, the package upgraded). Decided applications keep what was recorded."""

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.services import clock
from yrd.services.apps import CATALOGUE
from yrd.services.models import Application, State

RUNNING = [State.ACCEPTED, State.CORRECTION, State.IN_HANDLING]


@write
def clocks_recompute(*, acting_user, progress=None) -> int:
    """Recompute the due date of every running clock; the number that changed."""
    require(acting_user, CATALOGUE, None)
    changed = 0
    running = Application.objects.filter(state__in=RUNNING, on_time__isnull=True, accepted_at__isnull=False)
    for application in running.select_related("item").prefetch_related("corrections").iterator(chunk_size=500):
        before = (application.due_on, application.due_provisional)
        clock.record(application)
        if (application.due_on, application.due_provisional) != before:
            application.save(update_fields=["due_on", "due_provisional", "time_limit_days"])
            changed += 1
        if progress:
            progress()
    audit_record(
        actor=acting_user,
        action="services.clock.recompute",
        object_type="services.Application",
        object_repr="running clocks",
        data={"changed": changed},
    )
    return changed
