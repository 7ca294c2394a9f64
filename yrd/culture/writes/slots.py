"""A site's timed entry slots (see models.visits): the city's heritage officers set the whole list
at once. Slots do not overlap, each starts before it ends, and their capacities add up to no more
than the daily capacity. A slot that already has reservations stays (its capacity may change, but
not below the people already confirmed on a coming day); removing it is refused, naming it.
"""

from dataclasses import dataclass
from datetime import time

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.culture.apps import EDIT
from yrd.culture.models import EntrySlot, HeritageResource, Reservation

from .common import refuse_if

MAX_SLOTS = 24


@dataclass(frozen=True)
class SlotInput:
    starts: time | None
    ends: time | None
    capacity: int


def _slot_errors(resource: HeritageResource, slots: list[SlotInput]) -> dict:
    errors: dict[str, list[str]] = {}
    if not resource.daily_capacity and slots:
        errors["slots"] = [_("Give the site a daily capacity before splitting it into entry slots.")]
        return errors
    if len(slots) > MAX_SLOTS:
        errors["slots"] = [_("At most %(n)d entry slots a day.") % {"n": MAX_SLOTS}]
        return errors
    for n, slot in enumerate(slots, start=1):
        row = f"slots[{n}]"
        if not isinstance(slot.starts, time) or not isinstance(slot.ends, time):
            errors[row] = [_("Entry %(n)d: give a start and an end time (HH:MM).") % {"n": n}]
        elif slot.starts >= slot.ends:
            errors[row] = [_("Entry %(n)d: it must start before it ends.") % {"n": n}]
        elif isinstance(slot.capacity, bool) or not isinstance(slot.capacity, int) or slot.capacity < 1:
            errors[row] = [_("Entry %(n)d: the capacity is a whole number of at least 1.") % {"n": n}]
    if errors:
        return errors
    ordered = sorted(slots, key=lambda s: s.starts)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.starts < before.ends:
            errors.setdefault("slots", []).append(
                _("The entries %(a)s–%(b)s and %(c)s–%(d)s overlap.")
                % {
                    "a": f"{before.starts:%H:%M}",
                    "b": f"{before.ends:%H:%M}",
                    "c": f"{after.starts:%H:%M}",
                    "d": f"{after.ends:%H:%M}",
                }
            )
    total = sum(s.capacity for s in slots)
    if total > resource.daily_capacity:
        errors.setdefault("slots", []).append(
            _("The entries hold %(total)d people, more than the daily capacity %(capacity)d.")
            % {"total": total, "capacity": resource.daily_capacity}
        )
    return errors


def _kept_slot_errors(resource: HeritageResource, slots: list[SlotInput]) -> dict:
    """Slots with reservations cannot go, nor shrink below a coming day's confirmed people."""
    errors: dict[str, list[str]] = {}
    wanted = {s.starts: s for s in slots}
    today = timezone.localdate()
    for existing in resource.slots.all():
        if not existing.reservations.exists():
            continue
        new = wanted.get(existing.starts)
        if new is None:
            errors.setdefault("slots", []).append(
                _("The entry %(slot)s has reservations and cannot be removed.") % {"slot": existing.label}
            )
            continue
        busiest = (
            Reservation.objects.filter(slot=existing, visit_date__gte=today, status=Reservation.Status.CONFIRMED)
            .values("visit_date")
            .annotate(n=Sum("party_size"))
            .order_by("-n")
            .first()
        )
        if busiest and busiest["n"] > new.capacity:
            errors.setdefault("slots", []).append(
                _(
                    "The entry %(slot)s already has %(n)d people confirmed on %(day)s; "
                    "its capacity cannot go below that."
                )
                % {"slot": existing.label, "n": busiest["n"], "day": busiest["visit_date"].isoformat()}
            )
    return errors


@write
def entry_slots_save(*, acting_user, resource: HeritageResource, slots: list[SlotInput]) -> list[EntrySlot]:
    """Replace the site's entry slots with `slots` (an empty list: bookings by whole day again)."""
    require(acting_user, EDIT, resource)
    resource = HeritageResource.objects.select_for_update().get(pk=resource.pk)
    refuse_if(_slot_errors(resource, slots) or _kept_slot_errors(resource, slots))
    wanted = {s.starts: s for s in slots}
    resource.slots.exclude(starts__in=list(wanted)).delete()
    for slot in slots:
        EntrySlot.objects.update_or_create(
            resource=resource, starts=slot.starts, defaults={"ends": slot.ends, "capacity": slot.capacity}
        )
    saved = list(resource.slots.all())
    audit_record(
        actor=acting_user,
        action="culture.slots.save",
        obj=resource,
        jurisdiction=resource.city.code,
        data={"site": resource.code, "slots": [[s.label, s.capacity] for s in saved]},
    )
    return saved
