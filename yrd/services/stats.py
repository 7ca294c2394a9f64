"""Live figures the plan tracker shows on the one-stop-service task(s), declared in the manifest.
Small and public on purpose: other modules call these, never the models."""

from yrd.services.clock import clock_of
from yrd.services.models import Application, RemoteSession, State

DECIDED = [State.DECIDED, State.DELIVERED]


def _decided():
    return Application.objects.filter(state__in=DECIDED)


def cross_province_handled():
    """Applications of the cross-province catalogue decided so far (every mode; each one is a
    cross-province matter: applied online or at a window of another province, or jointly
    handled)."""
    return _decided().count()


def on_time_rate():
    """Percent of decided applications decided within their legal time limit (working days, the
    correction pauses left out); None while none has been decided."""
    decided = [
        a
        for a in _decided().select_related("item").prefetch_related("corrections")
        if a.accepted_at is not None and a.item.time_limit_days
    ]
    if not decided:
        return None
    on_time = sum(1 for a in decided if clock_of(a).status == "on_time")
    return round(100 * on_time / len(decided), 1)


def remote_sessions():
    """Remote virtual window sessions held to the end (screen-to-screen guidance given)."""
    return RemoteSession.objects.filter(ended_at__isnull=False).count()
