"""The remote virtual window's API: the day's slots and queue, publishing and cancelling slots,
booking, and each step of a booking (check-in, session, hand-off, end, no-show, cancellation).
Creating a slot or a booking takes an `Idempotency-Key`; a step the booking's state does not allow
is a 409 with the reason, like every other transition of the platform."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.responses import Status

from yrd.core.models import Organisation
from yrd.core.personal import masked
from yrd.core.personal.reveal import shown
from yrd.core.schemas import ApiError, IsoDate
from yrd.services import selectors, writes
from yrd.services.models import Application, RemoteSession, ServiceItem

router = Router(tags=["services: remote window"])
ERRORS = {400: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}


class SlotOut(Schema):
    id: int
    authority: str
    authority_id: int
    province: str
    officer: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    booked: int


class BookingOut(Schema):
    id: int
    slot: int
    window: str
    window_id: int
    item: str
    applicant_name: str
    state: str
    queue_number: int | None
    application: str | None
    session_outcome: str


class DayOut(Schema):
    day: date
    slots: list[SlotOut]
    bookings: list[BookingOut]


class SlotIn(Schema):
    authority: int = Field(description="Organisation id of the competent authority")
    starts_at: datetime
    ends_at: datetime
    capacity: int = Field(1, ge=1, le=50)
    video_url: str = Field("", max_length=200)


class BookingIn(Schema):
    slot: int
    window: int = Field(description="Organisation id of the caller's own service window")
    item: str = Field(max_length=40, description="Catalogue item code")
    applicant_name: str = Field(max_length=200)


class StepIn(Schema):
    application: str | None = Field(None, max_length=20, description="hand_off: the application's number")
    outcome: str = Field("", max_length=12, description="end: " + " | ".join(RemoteSession.Outcome.values))
    notes: str = Field("", max_length=2000, description="end: what was advised or decided")


def _slot_out(slot, booked) -> dict:
    return {
        "id": slot.pk,
        "authority": slot.authority.name,
        "authority_id": slot.authority_id,
        "province": slot.authority.jurisdiction.province.code,
        "officer": str(slot.officer),
        "starts_at": slot.starts_at,
        "ends_at": slot.ends_at,
        "capacity": slot.capacity,
        "booked": booked,
    }


def _booking_out(booking, user=None) -> dict:
    """`user`: a detail, with the name in full (an audited reveal) for who may see it; a list masks it."""
    session = getattr(booking, "session", None)
    return {
        "id": booking.pk,
        "slot": booking.slot_id,
        "window": booking.window.name,
        "window_id": booking.window_id,
        "item": booking.item.code,
        "applicant_name": shown(user, booking, "applicant_name") if user else masked(booking, "applicant_name"),
        "state": booking.state,
        "queue_number": booking.queue_number,
        "application": booking.application.number if booking.application_id else None,
        "session_outcome": session.outcome if session else "",
    }


def _key(request) -> str | None:
    return request.headers.get("Idempotency-Key", "").strip() or None


@router.get("/day", response=DayOut, summary="The day's slots and queue as the caller may see them")
def day(request, on: IsoDate | None = None):
    on = on or timezone.localdate()
    seen = selectors.remote_day(request.user, on)
    active = {}
    for booking in seen["bookings"]:
        active[booking.slot_id] = active.get(booking.slot_id, 0) + (booking.state not in ("cancelled", "no_show"))
    return {
        "day": on,
        "slots": [_slot_out(s, active.get(s.pk, 0)) for s in seen["slots"]],
        "bookings": [_booking_out(b) for b in seen["bookings"]],
    }


@router.post("/slots", response={201: SlotOut, 200: SlotOut, **ERRORS}, summary="Publish a slot (the caller serves it)")
def slot_publish(request, payload: SlotIn):
    authority = get_object_or_404(Organisation, pk=payload.authority)
    slot = writes.slot_create(
        acting_user=request.user,
        authority=authority,
        officer=request.user,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        capacity=payload.capacity,
        video_url=payload.video_url,
        idempotency_key=_key(request),
    )
    return Status(201, _slot_out(slot, slot.bookings.count()))


@router.post("/slots/{slot_id}/cancel", response={200: SlotOut, **ERRORS}, summary="Cancel one's own unbooked slot")
def slot_cancel(request, slot_id: int):
    slot = selectors.slot_for(request.user, slot_id)
    out = _slot_out(slot, 0)
    writes.slot_cancel(acting_user=request.user, slot=slot)
    return out


@router.post("/bookings", response={201: BookingOut, 200: BookingOut, **ERRORS}, summary="Book a slot at one's window")
def book(request, payload: BookingIn):
    slot = selectors.slot_for(request.user, payload.slot)
    window = next((w for w in selectors.my_windows(request.user) if w.pk == payload.window), None)
    if window is None:
        raise ValidationError({"window": ["Not a service window of yours."]})
    item = get_object_or_404(ServiceItem, code=payload.item)
    booking = writes.booking_create(
        acting_user=request.user,
        slot=slot,
        window=window,
        item=item,
        applicant_name=payload.applicant_name,
        idempotency_key=_key(request),
    )
    return Status(201, _booking_out(booking))


def _hand_off(user, booking, given):
    if not given.application:
        raise ValidationError({"application": ["Name the application to hand over."]})
    application = get_object_or_404(Application, number=given.application)
    return writes.booking_hand_off(acting_user=user, booking=booking, application=application)


STEPS = {
    "check_in": lambda user, booking, given: writes.booking_check_in(acting_user=user, booking=booking),
    "start": lambda user, booking, given: writes.session_start(acting_user=user, booking=booking),
    "hand_off": _hand_off,
    "end": lambda user, booking, given: writes.session_end(
        acting_user=user, booking=booking, outcome=given.outcome, notes=given.notes
    ),
    "no_show": lambda user, booking, given: writes.booking_no_show(acting_user=user, booking=booking),
    "cancel": lambda user, booking, given: writes.booking_cancel(acting_user=user, booking=booking),
}


@router.post(
    "/bookings/{booking_id}/{step}",
    response={200: BookingOut, **ERRORS},
    summary="A step of a booking: " + ", ".join(STEPS),
)
def booking_step(request, booking_id: int, step: str, payload: StepIn):
    booking = selectors.booking_for(request.user, booking_id)
    if step not in STEPS:
        raise ValidationError({"step": [f"Unknown step {step!r}; one of: {', '.join(STEPS)}."]})
    STEPS[step](request.user, booking, payload)
    return _booking_out(selectors.booking_for(request.user, booking_id), request.user)
