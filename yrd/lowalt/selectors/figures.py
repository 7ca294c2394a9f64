"""Live figures the plan tracker shows on task 2.03 (low-altitude economy), declared in the manifest."""

from yrd.lowalt.models import Intent, IntentState, Refusal, Site


def sites_operating() -> int:
    """Take-off and landing points and vertiports in operation."""
    return Site.objects.filter(status=Site.Status.OPERATING).count()


def operations_approved() -> int:
    """Operational intents accepted (with every consent they needed), including those flown since."""
    return Intent.objects.filter(state=IntentState.ACCEPTED).count()


def conflicts_prevented() -> int:
    """Submissions refused at filing because they met occupied or restricted airspace."""
    return Refusal.objects.count()
