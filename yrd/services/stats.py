"""Live figures the plan tracker shows on the one-stop-service task(s), declared in the manifest.
Small and public on purpose: other modules call these, never the models."""

from django.db.models import Count, Q

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
    correction pauses left out, as recorded at each decision); None while none has been decided.
    One aggregate over the recorded verdicts."""
    verdicts = (
        _decided().filter(on_time__isnull=False).aggregate(n=Count("pk"), on_time=Count("pk", filter=Q(on_time=True)))
    )
    return round(100 * verdicts["on_time"] / verdicts["n"], 1) if verdicts["n"] else None


def remote_sessions():
    """Remote virtual window sessions held to the end (screen-to-screen guidance given)."""
    return RemoteSession.objects.filter(ended_at__isnull=False).count()
