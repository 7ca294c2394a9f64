"""Which photos and documents of a resource a caller may see and download.

Those who edit the resource or read the whole bid over its city see every file. Everyone else sees
the public files of a published resource, except — for a sensitive site — a photo still carrying
GPS metadata (stored before the site was marked sensitive), which would reveal its exact place.
"""

from django.db.models import QuerySet

from yrd.core.access import can
from yrd.culture.apps import BID_READ, EDIT
from yrd.culture.models import Attachment, HeritageResource

from .resources import resources_visible_to


def sees_every_file(user, resource: HeritageResource) -> bool:
    return can(user, EDIT, resource) or can(user, BID_READ, resource)


def attachments_visible_to(user, resource: HeritageResource) -> QuerySet[Attachment]:
    rows = Attachment.objects.filter(resource=resource)
    if sees_every_file(user, resource):
        return rows
    if not resource.published:
        return rows.none()
    rows = rows.filter(public=True)
    return rows.exclude(has_gps=True) if resource.sensitive else rows


def attachment_for(user, pk: int) -> Attachment | None:
    """The file `pk` if the caller may download it, else None (the caller cannot tell it exists)."""
    found = Attachment.objects.select_related("resource", "resource__city").filter(pk=pk).first()
    if found is None or not resources_visible_to(user).filter(pk=found.resource_id).exists():
        return None
    return attachments_visible_to(user, found.resource).filter(pk=pk).first()
