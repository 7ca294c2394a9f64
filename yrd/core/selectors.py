"""Reads of the core's data."""

from yrd.core.models import Jurisdiction, Notification


def region():
    return Jurisdiction.objects.get(level=Jurisdiction.Level.REGION)


def provinces():
    return Jurisdiction.objects.filter(level=Jurisdiction.Level.PROVINCE).order_by("code")


def cities():
    return Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY).select_related("parent").order_by("code")


def jurisdiction_by_code(code, level=None):
    """A jurisdiction by adcode; a bare province code means the province (Shanghai included)."""
    if code == Jurisdiction.REGION_CODE:
        return region()
    queryset = Jurisdiction.objects.filter(code=code)
    if level:
        return queryset.get(level=level)
    return queryset.order_by("path").first() or queryset.get()


def inbox(user, *, unread_only=False):
    notes = Notification.objects.filter(recipient=user)
    return notes.filter(read_at__isnull=True) if unread_only else notes


def unread_count(user):
    return inbox(user, unread_only=True).count()
