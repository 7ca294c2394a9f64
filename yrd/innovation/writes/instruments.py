"""Shared instruments: the registry of an owner's instruments, bookings with the owner's approval and
no double booking, and usage records. Each write that can create an overlap holds the instrument's
row lock first, so concurrent requests for one instrument run one after the other (PostgreSQL row
lock; SQLite serialises writers anyway)."""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import SYSTEM, person, write
from yrd.core.models import Jurisdiction, Organisation
from yrd.innovation.apps import BOOK, INSTRUMENT
from yrd.innovation.models import Booking, Instrument, OpeningWindow, Usage

from .common import audit, aware, check_amount, check_text, raise_if, set_number

MAX_BOOKING_HOURS = 72


@dataclass(frozen=True)
class InstrumentInput:
    code: str
    name_zh: str
    name_en: str
    category: str
    owner: Organisation
    city: Jurisdiction
    hourly_price: Decimal
    conditions: str = ""
    windows: tuple[tuple[int, time, time], ...] = ()  # (weekday 0=Monday, opens, closes)
    is_demo: bool = False


@write
def instrument_save(*, acting_user, data: InstrumentInput) -> Instrument:
    """Create or update (by code) an instrument of `data.owner`, with its weekly opening windows."""
    existing = Instrument.objects.filter(code=data.code.strip()).first() if isinstance(data.code, str) else None
    require(acting_user, INSTRUMENT, existing or _Probe(data.city, data.owner))
    errors: dict = {}
    code = check_text(errors, "code", data.code, 24)
    name_zh = check_text(errors, "name_zh", data.name_zh, 200)
    name_en = check_text(errors, "name_en", data.name_en, 200, required=False)
    conditions = check_text(errors, "conditions", data.conditions, 500, required=False)
    price = check_amount(errors, "hourly_price", data.hourly_price, maximum=Decimal("1e8"))
    if data.category not in Instrument.Category.values:
        errors["category"] = [_("Choose a category.")]
    if data.city.level != Jurisdiction.Level.CITY:
        errors["city"] = [_("Choose one of the 41 cities.")]
    for n, (weekday, opens, closes) in enumerate(data.windows, 1):
        if weekday not in range(7) or not opens < closes:
            errors.setdefault("windows", []).append(
                _("Window %d: a weekday 0-6 (Monday is 0) and an opening time before the closing time.") % n
            )
    if existing is not None and existing.owner_id != data.owner.pk:
        errors["code"] = [_("Instrument %s belongs to another owner.") % code]
    raise_if(errors)
    fields = {
        "name_zh": name_zh,
        "name_en": name_en,
        "category": data.category,
        "owner": data.owner,
        "city": data.city,
        "hourly_price": price,
        "conditions": conditions,
        "is_demo": data.is_demo,
    }
    instrument, _created = Instrument.objects.update_or_create(code=code, defaults=fields)
    instrument.windows.all().delete()
    OpeningWindow.objects.bulk_create(
        [OpeningWindow(instrument=instrument, weekday=w, opens=o, closes=c) for w, o, c in data.windows]
    )
    audit(acting_user, "innovation.instrument.save", instrument, data.city.code, code=code, price=str(price))
    return instrument


@dataclass(frozen=True)
class _Probe:
    """The scope of an instrument not created yet."""

    city: Jurisdiction
    owner: Organisation

    def access_scope(self):
        return [self.city], [self.owner]


def lock(instrument: Instrument) -> Instrument:
    return Instrument.objects.select_for_update().get(pk=instrument.pk)


def _overlapping(instrument: Instrument, starts_at: datetime, ends_at: datetime, exclude: int | None = None):
    rows = Booking.objects.filter(
        instrument=instrument, state__in=Booking.LIVE, starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    return rows.exclude(pk=exclude) if exclude else rows


def _within_windows(instrument: Instrument, starts_at: datetime, ends_at: datetime) -> bool:
    windows = list(instrument.windows.all())
    if not windows:
        return True  # no calendar given: bookable at any time, by agreement with the owner
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() != end.date():
        return False
    return any(w.weekday == start.weekday() and w.opens <= start.time() and end.time() <= w.closes for w in windows)


@write
def booking_request(
    *,
    acting_user,
    instrument: Instrument,
    firm: Organisation,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
    idempotency_key: str | None = None,
    is_demo: bool = False,
) -> Booking:
    """A firm asks for instrument time; the owner approves or refuses it."""
    require(acting_user, BOOK, firm)
    starts_at, ends_at = aware(starts_at), aware(ends_at)
    request = {"instrument": instrument.pk, "firm": firm.pk, "from": starts_at, "to": ends_at, "purpose": purpose}
    earlier = idempotency.claim(
        acting_user=acting_user, operation="innovation.booking.request", key=idempotency_key, request=request
    )
    if earlier is not None:
        return Booking.objects.get(pk=earlier)
    locked = lock(instrument)
    errors: dict = {}
    purpose = check_text(errors, "purpose", purpose, 300)
    _check_period(errors, locked, starts_at, ends_at)
    if acting_user is not SYSTEM and isinstance(starts_at, datetime) and starts_at < timezone.now():
        # only the platform records past bookings (imports of a provider's earlier log, demo data)
        errors["starts_at"] = [_("A booking starts in the future.")]
    if firm.kind != Organisation.Kind.ENTERPRISE:
        errors["firm"] = [_("Only an enterprise books instrument time.")]
    raise_if(errors)
    booking = Booking.objects.create(
        number="",
        instrument=locked,
        firm=firm,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=purpose,
        requested_by=person(acting_user),
        requested_at=timezone.now(),
        is_demo=is_demo,
    )
    set_number(booking, "BK")
    audit(acting_user, "innovation.booking.request", booking, locked.city.code, instrument=locked.code)
    idempotency.fulfil(
        acting_user=acting_user, operation="innovation.booking.request", key=idempotency_key, result_id=booking.pk
    )
    return booking


def _check_period(errors: dict, instrument: Instrument, starts_at, ends_at, exclude: int | None = None) -> None:
    if not isinstance(starts_at, datetime) or not isinstance(ends_at, datetime):
        errors["starts_at"] = [_("Give the start and the end as date and time.")]
        return
    if ends_at <= starts_at:
        errors["ends_at"] = [_("The end must be after the start.")]
        return
    if (ends_at - starts_at).total_seconds() > MAX_BOOKING_HOURS * 3600:
        errors["ends_at"] = [_("A booking lasts at most %d hours.") % MAX_BOOKING_HOURS]
        return
    if not _within_windows(instrument, starts_at, ends_at):
        errors["starts_at"] = [_("The instrument is not open for booking at that time.")]
        return
    clash = _overlapping(instrument, starts_at, ends_at, exclude).first()
    if clash is not None:
        errors["starts_at"] = [
            _("%(code)s is already booked from %(start)s to %(end)s (%(number)s).")
            % {
                "code": instrument.code,
                "start": timezone.localtime(clash.starts_at).strftime("%Y-%m-%d %H:%M"),
                "end": timezone.localtime(clash.ends_at).strftime("%H:%M"),
                "number": clash.number,
            }
        ]


@write
def booking_decide(*, acting_user, booking: Booking, approve: bool, note: str = "") -> Booking:
    """The owner approves or refuses a requested booking."""
    require(acting_user, INSTRUMENT, booking.provider_side())
    locked_instrument = lock(booking.instrument)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    errors: dict = {}
    note = check_text(errors, "note", note, 300, required=not approve)
    if booking.state != Booking.State.REQUESTED:
        errors["state"] = [
            _("Booking %(n)s is %(state)s, not awaiting a decision.")
            % {"n": booking.number, "state": booking.get_state_display()}
        ]
    raise_if(errors)
    booking.state = Booking.State.APPROVED if approve else Booking.State.REFUSED
    booking.decided_note = note
    booking.save(update_fields=["state", "decided_note"])
    audit(acting_user, "innovation.booking.decide", booking, locked_instrument.city.code, state=booking.state)
    return booking


@write
def booking_cancel(*, acting_user, booking: Booking, reason: str) -> Booking:
    """The firm cancels its booking before it was used."""
    require(acting_user, BOOK, booking.firm_side())
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    errors: dict = {}
    reason = check_text(errors, "reason", reason, 300)
    if booking.state not in Booking.LIVE or hasattr(booking, "usage"):
        errors["state"] = [_("Booking %s can no longer be cancelled.") % booking.number]
    raise_if(errors)
    booking.state = Booking.State.CANCELLED
    booking.decided_note = reason
    booking.save(update_fields=["state", "decided_note"])
    audit(acting_user, "innovation.booking.cancel", booking, booking.instrument.city.code)
    return booking


@write
def usage_record(
    *,
    acting_user,
    instrument: Instrument,
    hours,
    used_on: date,
    booking: Booking | None = None,
    firm: Organisation | None = None,
    note: str = "",
    is_demo: bool = False,
) -> Usage:
    """The provider records hours used: for an approved booking once it has started, or (flagged as
    an anomaly) for use without a booking, naming the firm."""
    require(acting_user, INSTRUMENT, instrument)
    errors: dict = {}
    note = check_text(errors, "note", note, 300, required=False)
    try:
        hours = Decimal(str(hours))
    except (InvalidOperation, ValueError):
        hours = Decimal(-1)
    if not hours.is_finite() or hours <= 0 or hours > 999 or hours != hours.quantize(Decimal("0.01")):
        errors["hours"] = [_("Hours used: a number more than 0 and less than 1000, at most two decimals.")]
    if booking is not None:
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        firm = booking.firm
        if booking.instrument_id != instrument.pk:
            errors["booking"] = [_("Booking %s is for another instrument.") % booking.number]
        elif booking.state != Booking.State.APPROVED:
            errors["booking"] = [_("Booking %s is not approved.") % booking.number]
        elif Usage.objects.filter(booking=booking).exists():
            errors["booking"] = [_("Usage of booking %s is already recorded.") % booking.number]
        elif booking.starts_at > timezone.now():
            errors["booking"] = [_("Booking %s has not started yet.") % booking.number]
        elif hours > booking.hours + Decimal("0.01"):
            errors["hours"] = [
                _("Booking %(n)s was for %(h)s hours.") % {"n": booking.number, "h": f"{booking.hours:.2f}"}
            ]
    elif firm is None:
        errors["firm"] = [_("Name the firm that used the instrument.")]
    if not isinstance(used_on, date) or used_on > timezone.localdate():
        errors["used_on"] = [_("Give the day of use, today or earlier.")]
    raise_if(errors)
    usage = Usage.objects.create(
        instrument=instrument,
        booking=booking,
        firm=firm,
        used_on=used_on,
        hours=hours,
        note=note,
        recorded_at=timezone.now(),
        is_demo=is_demo,
    )
    audit(
        acting_user,
        "innovation.usage.record",
        usage,
        instrument.city.code,
        booking=booking.number if booking else None,
        hours=str(hours),
    )
    return usage
