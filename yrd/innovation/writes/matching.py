"""Capabilities offered for matchmaking, exhibitions, and matchmaking meetings in fixed slots with no
double booking of the exhibitor or the buyer."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import can, require
from yrd.core.actors import write
from yrd.core.models import Jurisdiction, Organisation
from yrd.innovation.apps import BOOK, INSTRUMENT, REGISTRY
from yrd.innovation.models import Capability, Exhibition, Meeting, Participant

from .common import audit, aware, check_text, raise_if


@write
def capability_save(
    *,
    acting_user,
    code: str,
    kind: str,
    title: str,
    text: str,
    province: Jurisdiction,
    field: str,
    price_cny=None,
    organisation: Organisation | None = None,
    is_demo=False,
) -> Capability:
    require(acting_user, REGISTRY, province)
    errors: dict = {}
    values = {
        "title": check_text(errors, "title", title, 200),
        "text": check_text(errors, "text", text, 2000),
        "field": check_text(errors, "field", field, 40),
    }
    code = check_text(errors, "code", code, 24)
    if kind not in Capability.Kind.values:
        errors["kind"] = [_("Choose a kind of capability.")]
    if province.level != "province":
        errors["province"] = [_("Choose a province.")]
    raise_if(errors)
    capability, _created = Capability.objects.update_or_create(
        code=code,
        defaults=values
        | {
            "kind": kind,
            "province": province,
            "price_cny": price_cny,
            "organisation": organisation,
            "is_demo": is_demo,
        },
    )
    audit(acting_user, "innovation.capability.save", capability, province.code)
    return capability


@write
def exhibition_save(
    *, acting_user, name_zh: str, name_en: str, city: Jurisdiction, starts_on, ends_on, slot_minutes=30, is_demo=False
) -> Exhibition:
    require(acting_user, REGISTRY, city)
    errors: dict = {}
    name_zh = check_text(errors, "name_zh", name_zh, 200)
    name_en = check_text(errors, "name_en", name_en, 200, required=False)
    if ends_on < starts_on:
        errors["ends_on"] = [_("The exhibition ends on or after its first day.")]
    if slot_minutes not in (15, 20, 30, 45, 60):
        errors["slot_minutes"] = [_("Slots of 15, 20, 30, 45 or 60 minutes.")]
    raise_if(errors)
    exhibition = Exhibition.objects.create(
        name_zh=name_zh,
        name_en=name_en,
        city=city,
        starts_on=starts_on,
        ends_on=ends_on,
        slot_minutes=slot_minutes,
        is_demo=is_demo,
    )
    audit(acting_user, "innovation.exhibition.save", exhibition, city.code)
    return exhibition


def _require_for(acting_user, exhibition: Exhibition, organisation: Organisation, role: str) -> None:
    """The organisation's own people (a firm's for either role, a provider's as an exhibitor) or the
    science officers of the exhibition's city."""
    if can(acting_user, REGISTRY, exhibition) or can(acting_user, BOOK, organisation):
        return
    if role == Participant.Role.EXHIBITOR and can(acting_user, INSTRUMENT, organisation):
        return
    require(acting_user, BOOK, organisation)  # refuses with the module's message


@write
def participant_register(
    *, acting_user, exhibition: Exhibition, organisation: Organisation, role: str, offer: str = "", is_demo=False
) -> Participant:
    """An organisation takes part in an exhibition as an exhibitor or a buyer (again: its offer is updated)."""
    if role not in Participant.Role.values:
        raise_if({"role": [_("Choose exhibitor or buyer.")]})
    _require_for(acting_user, exhibition, organisation, role)
    errors: dict = {}
    offer = check_text(errors, "offer", offer, 300, required=False)
    if exhibition.ends_on < timezone.localdate() and not is_demo:
        errors["exhibition"] = [_("This exhibition is over.")]
    raise_if(errors)
    participant, _created = Participant.objects.update_or_create(
        exhibition=exhibition, organisation=organisation, role=role, defaults={"offer": offer, "is_demo": is_demo}
    )
    audit(acting_user, "innovation.participant.register", participant, exhibition.city.code, role=role)
    return participant


def slot_start(exhibition: Exhibition, at: datetime) -> bool:
    """True when `at` starts a slot: on a day of the exhibition, 09:00 to 17:00, on the slot grid."""
    local = timezone.localtime(at)
    if not exhibition.starts_on <= local.date() <= exhibition.ends_on:
        return False
    minutes = local.hour * 60 + local.minute - 9 * 60
    last = 8 * 60 - exhibition.slot_minutes
    return local.second == 0 and 0 <= minutes <= last and minutes % exhibition.slot_minutes == 0


@write
def meeting_book(
    *,
    acting_user,
    exhibition: Exhibition,
    exhibitor: Organisation,
    buyer: Organisation,
    starts_at: datetime,
    is_demo=False,
) -> Meeting:
    """A buyer books a meeting with an exhibitor in one slot."""
    require(acting_user, BOOK, buyer)
    starts_at = aware(starts_at)
    errors: dict = {}
    if not isinstance(starts_at, datetime) or not slot_start(exhibition, starts_at):
        errors["starts_at"] = [
            _("Meetings start on the %(m)d-minute grid from 09:00, on a day of the exhibition.")
            % {"m": exhibition.slot_minutes}
        ]
    if exhibitor.pk == buyer.pk:
        errors["buyer"] = [_("An organisation does not meet itself.")]
    elif not exhibition.participants.filter(organisation=exhibitor, role=Participant.Role.EXHIBITOR).exists():
        errors["exhibitor"] = [_("%s is not an exhibitor of this exhibition.") % exhibitor.name]
    slot = Meeting.objects.filter(exhibition=exhibition, starts_at=starts_at)
    if slot.filter(exhibitor=exhibitor).exists():
        errors["exhibitor"] = [_("%s already has a meeting in this slot.") % exhibitor.name]
    if slot.filter(buyer=buyer).exists():
        errors["buyer"] = [_("%s already has a meeting in this slot.") % buyer.name]
    raise_if(errors)
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                exhibition=exhibition, exhibitor=exhibitor, buyer=buyer, starts_at=starts_at, is_demo=is_demo
            )
            Participant.objects.get_or_create(
                exhibition=exhibition, organisation=buyer, role=Participant.Role.BUYER, defaults={"is_demo": is_demo}
            )
    except IntegrityError:  # a concurrent booking took the slot between the check and the insert
        raise_if({"starts_at": [_("This slot was just taken; choose another.")]})
    audit(acting_user, "innovation.meeting.book", meeting, exhibition.city.code, exhibitor=exhibitor.pk, buyer=buyer.pk)
    return meeting


def slot_end(exhibition: Exhibition, starts_at: datetime) -> datetime:
    return starts_at + timedelta(minutes=exhibition.slot_minutes)
