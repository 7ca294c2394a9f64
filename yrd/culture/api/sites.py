"""A site's entry slots and availability, and its photos and documents, in the API."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from yrd.core.schemas import ApiError, IsoDate
from yrd.culture import writes
from yrd.culture.selectors import attachments as file_selectors
from yrd.culture.selectors import resources as selectors
from yrd.culture.selectors import visits as visit_selectors
from yrd.culture.writes.slots import SlotInput

from .common import ERRORS, clock

router = Router(tags=["culture"])


class AvailabilityEntryOut(Schema):
    slot: str
    starts: str
    capacity: int
    left: int


class AvailabilityDayOut(Schema):
    day: date
    entries: list[AvailabilityEntryOut]


@router.get(
    "/resources/{code}/availability",
    response={200: list[AvailabilityDayOut], 404: ApiError},
    auth=None,
    summary="Places left per day and entry slot at a bookable site, for 14 days from `start` (default tomorrow)",
)
def availability(request, code: str, start: IsoDate | None = None):
    site = selectors.resource_for(request.user, code)
    if not site.bookable:
        return Status(404, {"code": "not_bookable", "message": _("This site does not take reservations.")})
    first = start or timezone.localdate() + timedelta(days=1)
    return visit_selectors.availability(site, [first + timedelta(days=n) for n in range(14)])


class FileOut(Schema):
    id: int
    name: str
    caption_zh: str
    caption_en: str
    content_type: str
    public: bool
    url: str


@router.get(
    "/resources/{code}/files",
    response={200: list[FileOut], 404: ApiError},
    auth=None,
    summary="The photos and documents of a resource the caller may see (downloads are access-checked)",
)
def files(request, code: str):
    site = selectors.resource_for(request.user, code)
    return [
        {
            "id": a.pk,
            "name": a.name,
            "caption_zh": a.caption_zh,
            "caption_en": a.caption_en,
            "content_type": a.content_type,
            "public": a.public,
            "url": reverse("culture:file", args=[a.pk]),
        }
        for a in file_selectors.attachments_visible_to(request.user, site)
    ]


class CultureSlotIn(Schema):
    starts: str
    ends: str
    capacity: int


class CultureSlotOut(Schema):
    slot: str
    starts: str
    ends: str
    capacity: int


@router.put(
    "/resources/{code}/slots", response={200: list[CultureSlotOut], **ERRORS}, summary="Set a site's entry slots"
)
def slots_save(request, code: str, payload: list[CultureSlotIn]):
    site = selectors.resource_for(request.user, code)
    wanted = [SlotInput(starts=clock(s.starts), ends=clock(s.ends), capacity=s.capacity) for s in payload]
    saved = writes.entry_slots_save(acting_user=request.user, resource=site, slots=wanted)
    return [
        {"slot": s.label, "starts": f"{s.starts:%H:%M}", "ends": f"{s.ends:%H:%M}", "capacity": s.capacity}
        for s in saved
    ]
